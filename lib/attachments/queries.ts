import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Actor } from '@/lib/access/actor';
import { relationsTo, type DossierFacts } from '@/lib/access/policy';

/**
 * The attachments of a dossier the actor may read (ADR 0040) — mirrors the RLS policy
 * `attachment_select`: the coordinators of the holding safe house read all; the case's
 * participants read the coordinator's and the session's documents; a core partner reads only
 * its own organisation's documents attached to its input, while it may read that input.
 */
export function attachmentWhere(actor: Actor, dossier: DossierFacts): Prisma.AttachmentWhereInput {
  const rel = relationsTo(actor, dossier);
  if (rel.has('coordinator')) return { dossierId: dossier.id };
  const or: Prisma.AttachmentWhereInput[] = [];
  if (rel.has('participant')) or.push({ context: { in: ['COORDINATOR', 'SESSION'] } });
  if (rel.has('corePartner')) or.push({ context: 'PARTNER_INPUT', organisationId: actor.organisationId });
  // no relation that reads attachments: nothing (an empty OR matches no row)
  return { dossierId: dossier.id, OR: or };
}
