import { makeDossier, makeOrganisation, makeParticipant, makeSafeHouse, makeUser } from '@/prisma/factories';
import { ownerDb, testKeys } from './db';

/**
 * Two safe houses with one user per role and dossiers in every relevant state. Every call
 * builds a fresh, independent copy (unique names), so test files do not share state.
 */
export async function buildScenario() {
  const db = ownerDb();
  const keys = testKeys();
  const houseA = await makeSafeHouse(db);
  const houseB = await makeSafeHouse(db);
  const coreOrgA = await makeOrganisation(db, { kind: 'POLICE', corePartnerOf: [houseA.id] });
  const coreOrgB = await makeOrganisation(db, { kind: 'CAW', corePartnerOf: [houseB.id] });
  const vkA = await makeOrganisation(db, { kind: 'VK', corePartnerOf: [houseA.id] });
  const nonCore = await makeOrganisation(db, { kind: 'MEDICAL_SECTOR' });
  const justice = await makeOrganisation(db, { kind: 'JUSTICE_HOUSE' });
  const agency = await makeOrganisation(db, { kind: 'AGENCY_JUSTICE_ENFORCEMENT' });

  const u = {
    coordA: await makeUser(db, { organisationId: agency.id, roles: [{ role: 'COORDINATOR', safeHouseId: houseA.id }] }),
    reprA: await makeUser(db, { organisationId: agency.id, roles: [{ role: 'COORDINATOR_REPRESENTATIVE', safeHouseId: houseA.id }] }),
    coordB: await makeUser(db, { organisationId: agency.id, roles: [{ role: 'COORDINATOR', safeHouseId: houseB.id }] }),
    referrer: await makeUser(db, { organisationId: nonCore.id, roles: [{ role: 'REFERRER' }] }),
    referrer2: await makeUser(db, { organisationId: coreOrgB.id, roles: [{ role: 'REFERRER' }] }),
    coreStaffA: await makeUser(db, { organisationId: coreOrgA.id, roles: [{ role: 'CORE_PARTNER_STAFF', safeHouseId: houseA.id }] }),
    // has the role, but the organisation is not a core partner of house A: no partner access
    coreRoleNonCoreOrg: await makeUser(db, { organisationId: nonCore.id, roles: [{ role: 'CORE_PARTNER_STAFF', safeHouseId: houseA.id }] }),
    participant: await makeUser(db, { organisationId: justice.id, roles: [{ role: 'REFERRER' }] }),
    participantNotAcknowledged: await makeUser(db, { organisationId: justice.id, roles: [{ role: 'REFERRER' }] }),
    participantLeft: await makeUser(db, { organisationId: justice.id, roles: [{ role: 'REFERRER' }] }),
    mandated: await makeUser(db, { organisationId: vkA.id, roles: [{ role: 'MANDATED_AGENCY_STAFF', safeHouseId: houseA.id }] }),
    admin: await makeUser(db, { organisationId: agency.id, roles: [{ role: 'FUNCTIONAL_ADMIN' }] }),
    dpo: await makeUser(db, { organisationId: agency.id, roles: [{ role: 'DPO' }] }),
    analyst: await makeUser(db, { organisationId: agency.id, roles: [{ role: 'AGENCY_ANALYST' }] }),
  };
  const by = (user: { id: string; organisationId: string }) => ({ referrerUserId: user.id, referrerOrganisationId: user.organisationId });
  const secretName = `Geheim${Date.now()}`;
  const d = {
    submittedA: await makeDossier(db, keys, {
      safeHouseId: houseA.id, ...by(u.referrer), status: 'SUBMITTED', clientSystemLabel: `Gezin ${secretName}`,
      members: [{ memberRole: 'VICTIM', firstName: 'An', lastName: secretName }],
    }),
    trajectoryA: await makeDossier(db, keys, {
      safeHouseId: houseA.id, ...by(u.referrer2), status: 'IN_TRAJECTORY', inputRequested: true,
      members: [{ memberRole: 'CHILD', firstName: 'Bo', lastName: secretName, isMinor: true }],
    }),
    draftA: await makeDossier(db, keys, { safeHouseId: houseA.id, ...by(u.referrer), status: 'DRAFT' }),
    submittedB: await makeDossier(db, keys, {
      safeHouseId: houseB.id, ...by(u.referrer2), status: 'SUBMITTED',
      members: [{ memberRole: 'VICTIM', firstName: 'Cas', lastName: secretName }],
    }),
  };
  const part = (user: { id: string; organisationId: string }, extra: { acknowledged?: boolean; left?: boolean } = {}) =>
    makeParticipant(db, { dossierId: d.trajectoryA.id, safeHouseId: houseA.id, organisationId: user.organisationId, userId: user.id, ...extra });
  await part(u.participant);
  await part(u.participantNotAcknowledged, { acknowledged: false });
  await part(u.participantLeft, { left: true });
  return { houseA, houseB, users: u, dossiers: d, secretName };
}

export type Scenario = Awaited<ReturnType<typeof buildScenario>>;
export type UserKey = keyof Scenario['users'];
export type DossierKey = keyof Scenario['dossiers'];
