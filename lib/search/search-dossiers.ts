import 'server-only';
import crypto from 'node:crypto';
import type { DossierStatus, MemberRole } from '@/lib/generated/prisma/enums';
import { useCase } from '@/lib/use-case/kernel';
import { invalid } from '@/lib/errors';
import { fieldKeys } from '@/lib/crypto/keys';
import { lookupHmac, type FieldKeys } from '@/lib/crypto/fields';
import { isCoordinatorOf } from '@/lib/gdpr/scope';
import { instantToBrussels } from '@/lib/time';
import {
  SEARCH_RESULT_CAP,
  validateSearch,
  type SearchHit,
  type SearchQuery,
  type SearchResult,
  type SearchValues,
} from './schemas';

/**
 * What a search looked for, as the access log keeps it: an HMAC (the lookup key of
 * lib/crypto/fields.ts) over the terms, never the terms. The same terms give the same value, so
 * the DPO sees that one person was looked up again and again without seeing who; without the key
 * it cannot be reversed by trying names. The terms are canonical (reference in capitals, name in
 * lower case without accents, the national number's 11 digits).
 */
export function hashSearchTerms(keys: FieldKeys, q: SearchQuery): string {
  const canonical = JSON.stringify({
    reference: q.reference?.toUpperCase() ?? null,
    name:
      q.name
        ?.normalize('NFKD')
        .replace(/\p{M}/gu, '')
        .toLowerCase()
        .replace(/[\s\p{P}]+/gu, ' ')
        .trim() ?? null,
    dateOfBirth: q.dateOfBirth,
    nationalNumber: q.nationalNumber,
  });
  return crypto.createHmac('sha256', keys.hmacKey).update(`dossier.search:v1\n${canonical}`, 'utf8').digest('hex');
}

/** Which kinds of terms a search used, in Dutch (for the log: what kind, never what). */
export function searchFields(q: SearchQuery): string {
  return [
    q.reference && 'referentie',
    q.name && 'naam',
    q.dateOfBirth && 'geboortedatum',
    q.nationalNumber && 'rijksregisternummer',
  ]
    .filter(Boolean)
    .join('+');
}

interface DossierRow {
  id: string;
  reference: string;
  clientSystemLabel: string;
  status: DossierStatus;
  submittedAt: Date | null;
  safeHouseId: string;
  safeHouseName: string;
  referrerUserId: string;
  inputRequestedAt: Date | null;
  inputClosedAt: Date | null;
}

interface MemberRow {
  dossierId: string;
  memberRole: MemberRole;
  firstName: string;
  lastName: string;
  dateOfBirth: Date | null;
}

/**
 * Issue 13 §4 (ADR 0041): the coordinator searches the dossiers of their own safe house(s) — by
 * (part of) the reference, by the name of a member or of the client system (each word typed is
 * the beginning of a word of the name, accents and case do not matter), by a member's birth date
 * and by a member's national number (its HMAC, never the number). Terms combine: a name with a
 * birth date or a number must fit one and the same member. Drafts are nobody's but their
 * referrer's and are never found; dossiers of another safe house neither (the query, row-level
 * security and the policy each say so). At most SEARCH_RESULT_CAP dossiers, newest first.
 * Logged: one row with the HMAC of the terms, the kinds of terms and the number of results, and one
 * row per dossier shown.
 */
export async function searchDossiers(userId: string, values: SearchValues): Promise<SearchResult> {
  const checked = validateSearch(values);
  if (!checked.ok) throw invalid(checked.message, checked.errors);
  const q = checked.query;
  const keys = fieldKeys();
  const nnHmac = q.nationalNumber ? lookupHmac(keys, q.nationalNumber) : null;
  const memberTerms = q.name !== null || q.dateOfBirth !== null || nnHmac !== null;
  const labelMayMatch = q.name !== null && q.dateOfBirth === null && nnHmac === null;
  return useCase(userId, { action: 'dossier.search', purpose: 'caseWork' }, async ({ tx, actor, log }) => {
    const houses = actor.coordinatorHouses;
    const rows =
      houses.length === 0
        ? []
        : await tx.$queryRaw<DossierRow[]>`
      WITH q AS (SELECT array_remove(string_to_array(search_fold(${q.name}::text), ' '), '') AS tokens)
      SELECT d."id", d."reference", d."clientSystemLabel", d."status", d."submittedAt", d."safeHouseId",
             h."name" AS "safeHouseName", d."referrerUserId", d."inputRequestedAt", d."inputClosedAt"
        FROM "Dossier" d JOIN "SafeHouse" h ON h."id" = d."safeHouseId" CROSS JOIN q
       WHERE d."safeHouseId" = ANY (${houses}::uuid[]) AND d."status" <> 'DRAFT'
         AND (${q.reference}::text IS NULL OR d."reference" ILIKE '%' || ${q.reference}::text || '%')
         AND (NOT ${memberTerms}::boolean
              OR EXISTS (
                SELECT 1 FROM "ClientMember" m
                 WHERE m."dossierId" = d."id"
                   AND (${q.name}::text IS NULL OR NOT EXISTS (
                         SELECT 1 FROM unnest(q.tokens) t
                          WHERE (' ' || m."firstNameSearch" || ' ' || m."lastNameSearch") NOT LIKE '% ' || t || '%'))
                   AND (${q.dateOfBirth}::date IS NULL OR m."dateOfBirth" = ${q.dateOfBirth}::date)
                   AND (${nnHmac}::text IS NULL OR m."nationalNumberHmac" = ${nnHmac}::text))
              OR (${labelMayMatch}::boolean AND NOT EXISTS (
                    SELECT 1 FROM unnest(q.tokens) t
                     WHERE (' ' || d."clientSystemLabelSearch") NOT LIKE '% ' || t || '%')))
       ORDER BY d."submittedAt" DESC NULLS LAST, d."reference"
       LIMIT ${SEARCH_RESULT_CAP + 1}`;
    // the policy has the last word: only dossiers the actor coordinates
    const visible = rows.filter((r) => isCoordinatorOf(actor, r));
    const capped = visible.length > SEARCH_RESULT_CAP;
    const shown = visible.slice(0, SEARCH_RESULT_CAP);
    const members =
      memberTerms && shown.length > 0
        ? await tx.$queryRaw<MemberRow[]>`
      WITH q AS (SELECT array_remove(string_to_array(search_fold(${q.name}::text), ' '), '') AS tokens)
      SELECT m."dossierId", m."memberRole", m."firstName", m."lastName", m."dateOfBirth"
        FROM "ClientMember" m CROSS JOIN q
       WHERE m."dossierId" = ANY (${shown.map((r) => r.id)}::uuid[])
         AND (${q.name}::text IS NULL OR NOT EXISTS (
               SELECT 1 FROM unnest(q.tokens) t
                WHERE (' ' || m."firstNameSearch" || ' ' || m."lastNameSearch") NOT LIKE '% ' || t || '%'))
         AND (${q.dateOfBirth}::date IS NULL OR m."dateOfBirth" = ${q.dateOfBirth}::date)
         AND (${nnHmac}::text IS NULL OR m."nationalNumberHmac" = ${nnHmac}::text)
       ORDER BY m."lastName", m."firstName", m."id"`
        : [];

    await log({
      objectType: 'DossierSearch',
      // what kind of terms and how many results — the terms themselves only as an HMAC
      objectId: `hmac=${hashSearchTerms(keys, q)};velden=${searchFields(q)};resultaten=${shown.length}${capped ? '+' : ''}`,
    });
    for (const r of shown) {
      await log({
        action: 'search.result',
        objectType: 'Dossier',
        objectId: r.id,
        dossierId: r.id,
        safeHouseId: r.safeHouseId,
      });
    }
    const hits: SearchHit[] = shown.map((r) => ({
      dossierId: r.id,
      reference: r.reference,
      clientSystemLabel: r.clientSystemLabel,
      status: r.status,
      submittedOn: r.submittedAt ? instantToBrussels(r.submittedAt).date : null,
      safeHouseName: r.safeHouseName,
      members: members
        .filter((m) => m.dossierId === r.id)
        .map((m) => ({
          memberRole: m.memberRole,
          firstName: m.firstName,
          lastName: m.lastName,
          dateOfBirth: m.dateOfBirth ? m.dateOfBirth.toISOString().slice(0, 10) : null,
        })),
    }));
    return { hits, capped };
  });
}
