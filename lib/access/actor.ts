import type { Role } from '@/lib/generated/prisma/enums';

/**
 * Who is acting, as computed from the database at the start of each scoped transaction
 * (lib/use-case/kernel.ts) — never from what the browser sends, except the user id in the
 * signed session.
 */
export interface Actor {
  userId: string;
  name: string;
  organisationId: string;
  organisationName: string;
  roles: { role: Role; safeHouseId: string | null }[];
  /** safe houses where the actor is coordinator or the coordinator's representative */
  coordinatorHouses: string[];
  /** safe houses where the actor's organisation is a core partner and the actor is its staff */
  corePartnerHouses: string[];
  /** dossiers the actor takes part in: invitation accepted, secrecy acknowledged, not left */
  participantDossiers: string[];
  /** referrals whose consultation was asked of the actor's mandated agency (VK/OCJ; art. 5, 2nd para) */
  agencyDossiers: string[];
}

export function hasRole(actor: Actor, role: Role, safeHouseId?: string): boolean {
  return actor.roles.some((r) => r.role === role && (safeHouseId === undefined || r.safeHouseId === safeHouseId));
}

export function roleLabelList(actor: Actor): string {
  return [...new Set(actor.roles.map((r) => r.role))].sort().join(',');
}
