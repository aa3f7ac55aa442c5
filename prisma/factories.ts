import type { PrismaClient } from '../lib/generated/prisma/client';
import type { DossierStatus, MemberRole, OrganisationKind, Role } from '../lib/generated/prisma/enums';
import { randomBytes } from 'node:crypto';
import { encryptField, lookupHmac, type FieldKeys } from '../lib/crypto/fields';

/**
 * Factories shared by the demo seed and the tests. They write as the owner (no RLS): set-up
 * only. Each call makes unique names, so tests can run side by side on one database.
 */
let counter = 0;
// random part too: test workers are separate processes, and two of them can share a millisecond
export const unique = (prefix: string) =>
  `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}${randomBytes(3).toString('hex')}`;

export async function makeSafeHouse(
  db: PrismaClient,
  data: { code?: string; name?: string; judicialDistrict?: string } = {},
) {
  const code = data.code ?? unique('VH').toUpperCase();
  return db.safeHouse.create({
    data: { code, name: data.name ?? `Veilig Huis ${code}`, judicialDistrict: data.judicialDistrict ?? 'Antwerpen' },
  });
}

export async function makeOrganisation(
  db: PrismaClient,
  data: { name?: string; kind?: OrganisationKind; corePartnerOf?: string[] } = {},
) {
  return db.organisation.create({
    data: {
      name: data.name ?? unique('Organisatie'),
      kind: data.kind ?? 'CAW',
      corePartnerships: { create: (data.corePartnerOf ?? []).map((safeHouseId) => ({ safeHouseId })) },
    },
  });
}

export async function makeUser(
  db: PrismaClient,
  data: {
    organisationId: string;
    email?: string;
    name?: string;
    passwordHash?: string | null;
    roles?: { role: Role; safeHouseId?: string | null }[];
    active?: boolean;
  },
) {
  return db.user.create({
    data: {
      email: (data.email ?? `${unique('gebruiker')}@vhd.test`).toLowerCase(),
      name: data.name ?? 'Test Gebruiker',
      organisationId: data.organisationId,
      passwordHash: data.passwordHash ?? null,
      active: data.active ?? true,
      roles: { create: (data.roles ?? []).map((r) => ({ role: r.role, safeHouseId: r.safeHouseId ?? null })) },
    },
  });
}

export interface MemberSeed {
  memberRole: MemberRole;
  firstName: string;
  lastName: string;
  dateOfBirth?: Date;
  isMinor?: boolean;
  nationalNumber?: string;
}

export async function makeDossier(
  db: PrismaClient,
  keys: FieldKeys,
  data: {
    safeHouseId: string;
    referrerUserId: string;
    referrerOrganisationId: string;
    status?: DossierStatus;
    reference?: string;
    clientSystemLabel?: string;
    members?: MemberSeed[];
    /** the core partners' input round opened (deadline in ten days); `inputClosed` ends it */
    inputRequested?: boolean;
    inputClosed?: boolean;
    violenceForms?: string[];
  },
) {
  const status = data.status ?? 'SUBMITTED';
  const now = new Date();
  // every ended dossier has its closing moment and retention term (art. 15 §3; ADR 0015)
  const endedYears =
    status === 'CLOSED'
      ? 15
      : ['NOT_ADMISSIBLE', 'REFERRED_TO_REGULAR_CARE', 'ATTACHED_TO_EXISTING_CARE'].includes(status)
        ? 5
        : null;
  const retentionUntil = endedYears === null ? null : new Date(now.getTime() + endedYears * 365 * 86_400_000);
  return db.dossier.create({
    data: {
      reference: data.reference ?? unique('VH-T').toUpperCase(),
      safeHouseId: data.safeHouseId,
      status,
      clientSystemLabel: data.clientSystemLabel ?? 'Gezin Test',
      referrerUserId: data.referrerUserId,
      referrerOrganisationId: data.referrerOrganisationId,
      submittedAt: status === 'DRAFT' ? null : now,
      decidedAt: ['DRAFT', 'SUBMITTED'].includes(status) ? null : now,
      inputRequestedAt: data.inputRequested ? now : null,
      inputDeadline: data.inputRequested ? new Date(now.getTime() + 10 * 86_400_000) : null,
      inputClosedAt: data.inputRequested && data.inputClosed ? now : null,
      ...(endedYears === null ? {} : { closedAt: now, retentionYears: endedYears, retentionUntil }),
      referral: { create: { violenceForms: data.violenceForms ?? ['PARTNER_VIOLENCE'], violenceTypes: ['PHYSICAL'] } },
      members: {
        create: (data.members ?? []).map((m) => ({
          memberRole: m.memberRole,
          firstName: m.firstName,
          lastName: m.lastName,
          dateOfBirth: m.dateOfBirth ?? null,
          isMinor: m.isMinor ?? false,
          nationalNumberEnc: m.nationalNumber ? encryptField(keys, m.nationalNumber) : null,
          nationalNumberHmac: m.nationalNumber ? lookupHmac(keys, m.nationalNumber) : null,
        })),
      },
    },
  });
}

export async function makeParticipant(
  db: PrismaClient,
  data: {
    dossierId: string;
    safeHouseId: string;
    organisationId: string;
    userId: string;
    accepted?: boolean;
    acknowledged?: boolean;
    left?: boolean;
  },
) {
  const now = new Date();
  return db.caseParticipant.create({
    data: {
      dossierId: data.dossierId,
      safeHouseId: data.safeHouseId,
      organisationId: data.organisationId,
      userId: data.userId,
      attendance: 'CASE_WORKER',
      reason: 'INVOLVEMENT',
      acceptedAt: data.accepted === false ? null : now,
      secrecyAcknowledgedAt: data.acknowledged === false ? null : now,
      leftAt: data.left ? now : null,
    },
  });
}
