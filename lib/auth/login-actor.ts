import type { Actor } from '@/lib/access/actor';

/** Before login is complete there is no actor yet; the log still names the account. */
export function loginActor(user: { id: string; organisationId: string }): Actor {
  return {
    userId: user.id,
    organisationId: user.organisationId,
    name: '',
    organisationName: '',
    roles: [],
    coordinatorHouses: [],
    corePartnerHouses: [],
    participantDossiers: [],
    agencyDossiers: [],
  };
}
