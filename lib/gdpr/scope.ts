import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Actor } from '@/lib/access/actor';
import { dossierWhere, relationsTo, type DossierFacts } from '@/lib/access/policy';

/**
 * GDPR requests are handled by the coordinator of the safe house that holds the dossier
 * (relation 'coordinator' of lib/access/policy.ts): the dossiers the actor may see at all
 * (`dossierWhere`), narrowed to those of their own safe house(s) that are no draft. A referrer
 * or participant relation to a dossier of another house does not count. Results are checked
 * again with `relationsTo`, so the policy module has the last word.
 */
export function coordinatorDossierWhere(actor: Actor): Prisma.DossierWhereInput {
  return { AND: [dossierWhere(actor), { safeHouseId: { in: actor.coordinatorHouses }, status: { not: 'DRAFT' } }] };
}

export const isCoordinatorOf = (actor: Actor, dossier: DossierFacts) => relationsTo(actor, dossier).has('coordinator');
