import 'server-only';
import type { Actor } from '@/lib/access/actor';
import type { DossierStatus, MemberRole } from '@/lib/generated/prisma/enums';
import { dossierUseCase, type Tx } from '@/lib/use-case/kernel';
import { isCoordinatorOf } from '@/lib/gdpr/scope';

/**
 * The known-person check at triage (issue 13 §4; ADR 0041): is a member of a referral already
 * known in another dossier of the same safe house — an earlier referral, a running or an ended
 * trajectory, as long as it is kept (a purged dossier is gone)? The same person is the same
 * national number (its HMAC), or else the same first and last name (accents and case aside) with
 * the same birth date. A match whose referral came at most 12 months before this one is a repeat
 * referral ("herhaalde aanmelding", the MARAC definition of a repeat).
 */

/** How far back an earlier referral makes this one a repeat referral (MARAC: 12 months). */
export const REPEAT_WINDOW_MONTHS = 12;

export type MatchBasis = 'nationalNumber' | 'nameAndBirthDate';

export interface KnownPersonMatch {
  /** the member of the referral being triaged */
  memberId: string;
  otherDossierId: string;
  reference: string;
  status: DossierStatus;
  submittedAt: Date | null;
  /** the member's role in the other dossier */
  otherRole: MemberRole;
  basis: MatchBasis;
  /** the other referral came at most 12 months before this one */
  repeat: boolean;
  /** the other referral came after this one */
  later: boolean;
}

interface MatchRow {
  memberId: string;
  dossierId: string;
  thisSubmittedAt: Date | null;
  otherRole: MemberRole;
  otherDossierId: string;
  reference: string;
  status: DossierStatus;
  submittedAt: Date | null;
  safeHouseId: string;
  referrerUserId: string;
  inputRequestedAt: Date | null;
  inputClosedAt: Date | null;
  byNationalNumber: boolean;
}

const monthsBefore = (at: Date, months: number) => {
  const d = new Date(at);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
};

/**
 * The matches of the members of `dossierIds` in other dossiers of the same safe house, in the
 * actor's transaction (row-level security), only in dossiers the actor coordinates. Per referral:
 * its matches, newest other referral first. For the use case below and the triage inbox's marker.
 */
export async function knownPersonMatches(
  tx: Tx,
  actor: Actor,
  dossierIds: string[],
  now = new Date(),
): Promise<Map<string, KnownPersonMatch[]>> {
  const out = new Map<string, KnownPersonMatch[]>();
  if (dossierIds.length === 0 || actor.coordinatorHouses.length === 0) return out;
  const rows = await tx.$queryRaw<MatchRow[]>`
    SELECT m."id" AS "memberId", m."dossierId", d1."submittedAt" AS "thisSubmittedAt",
           o."memberRole" AS "otherRole", d2."id" AS "otherDossierId", d2."reference", d2."status",
           d2."submittedAt", d2."safeHouseId", d2."referrerUserId", d2."inputRequestedAt", d2."inputClosedAt",
           (m."nationalNumberHmac" IS NOT NULL AND o."nationalNumberHmac" = m."nationalNumberHmac") AS "byNationalNumber"
      FROM "ClientMember" m
      JOIN "Dossier" d1 ON d1."id" = m."dossierId"
      JOIN "ClientMember" o ON o."dossierId" <> m."dossierId" AND (
             (m."nationalNumberHmac" IS NOT NULL AND o."nationalNumberHmac" = m."nationalNumberHmac")
          OR (m."dateOfBirth" IS NOT NULL AND m."lastNameSearch" <> '' AND m."firstNameSearch" <> ''
              AND o."lastNameSearch" = m."lastNameSearch" AND o."firstNameSearch" = m."firstNameSearch"
              AND o."dateOfBirth" = m."dateOfBirth"))
      JOIN "Dossier" d2 ON d2."id" = o."dossierId"
     WHERE m."dossierId" = ANY (${dossierIds}::uuid[])
       AND d2."safeHouseId" = d1."safeHouseId"
       AND d2."safeHouseId" = ANY (${actor.coordinatorHouses}::uuid[])
       AND d2."status" <> 'DRAFT'
     ORDER BY d2."submittedAt" DESC NULLS LAST, d2."reference", o."id"`;
  const seen = new Map<string, KnownPersonMatch>();
  for (const r of rows) {
    // the policy has the last word: only a dossier the actor coordinates is named
    if (!isCoordinatorOf(actor, { ...r, id: r.otherDossierId })) continue;
    const key = `${r.memberId}:${r.otherDossierId}`;
    const earlier = seen.get(key);
    if (earlier) {
      if (r.byNationalNumber) earlier.basis = 'nationalNumber';
      continue;
    }
    const thisAt = r.thisSubmittedAt ?? now;
    const otherAt = r.submittedAt;
    const later = otherAt !== null && otherAt > thisAt;
    const match: KnownPersonMatch = {
      memberId: r.memberId,
      otherDossierId: r.otherDossierId,
      reference: r.reference,
      status: r.status,
      submittedAt: otherAt,
      otherRole: r.otherRole,
      basis: r.byNationalNumber ? 'nationalNumber' : 'nameAndBirthDate',
      repeat: otherAt !== null && !later && otherAt >= monthsBefore(thisAt, REPEAT_WINDOW_MONTHS),
      later,
    };
    seen.set(key, match);
    out.set(r.dossierId, [...(out.get(r.dossierId) ?? []), match]);
  }
  return out;
}

export interface KnownPersonMember {
  memberId: string;
  firstName: string;
  lastName: string;
  memberRole: MemberRole;
  matches: KnownPersonMatch[];
}

/**
 * The check on one referral, for its coordinator while it waits for the admission (status
 * SUBMITTED): per member, the other dossiers that know them. Not for the referrer, a core partner
 * or the mandated agency: to them the referral's check does not exist. Logged: the check, and each
 * other dossier it named (so that dossier's own access history shows it).
 */
export async function checkKnownPersons(userId: string, dossierId: string, now = new Date()) {
  return dossierUseCase(
    userId,
    { action: 'referral.knownPersons', purpose: 'admission', dossierId, notNow: null },
    async ({ tx, actor, dossier, log }) => {
      const members = await tx.clientMember.findMany({
        where: { dossierId: dossier.id },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: { id: true, firstName: true, lastName: true, memberRole: true },
      });
      const matches = (await knownPersonMatches(tx, actor, [dossier.id], now)).get(dossier.id) ?? [];
      const others = new Map(matches.map((m) => [m.otherDossierId, m]));
      const repeat = matches.some((m) => m.repeat);
      await log({
        objectType: 'KnownPersonCheck',
        objectId: `dossiers=${others.size};herhaald=${repeat ? 'ja' : 'nee'}`,
      });
      for (const other of others.values()) {
        await log({
          action: 'knownPerson.shown',
          objectType: 'Dossier',
          objectId: other.otherDossierId,
          dossierId: other.otherDossierId,
          safeHouseId: dossier.safeHouseId,
        });
      }
      return {
        repeat,
        members: members.map((m): KnownPersonMember => ({
          memberId: m.id,
          firstName: m.firstName,
          lastName: m.lastName,
          memberRole: m.memberRole,
          matches: matches.filter((x) => x.memberId === m.id),
        })),
      };
    },
  );
}

export type KnownPersonCheck = Awaited<ReturnType<typeof checkKnownPersons>>;
