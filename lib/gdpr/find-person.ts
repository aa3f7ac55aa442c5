import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { useCase } from '@/lib/use-case/kernel';
import { DOSSIER_FACTS_SELECT } from '@/lib/access/policy';
import { invalid } from '@/lib/errors';
import { fieldKeys } from '@/lib/crypto/keys';
import { lookupHmac } from '@/lib/crypto/fields';
import { coordinatorDossierWhere, isCoordinatorOf } from './scope';
import { validatePersonSearch, type PersonMatch, type PersonSearchValues } from './schemas';

export type { PersonMatch } from './schemas';

const MAX_RESULTS = 100;

/**
 * GDPR art. 15/16: the coordinator looks a person up in the dossiers of their own safe
 * house(s) — by national register number (exact, through the HMAC column, never the number
 * itself) or by last and first name (case-insensitive, exact; optionally the birth date).
 * The search is logged without what was searched for: no name, no number.
 */
export async function findPerson(userId: string, values: PersonSearchValues): Promise<PersonMatch[]> {
  const checked = validatePersonSearch(values);
  if (!checked.ok) throw invalid('Controleer de zoekgegevens.', checked.errors);
  const q = checked.query;
  return useCase(
    userId,
    { action: 'gdpr.accessOverview', purpose: 'dataSubjectRights' },
    async ({ tx, actor, log }) => {
      const dossier = coordinatorDossierWhere(actor);
      const where: Prisma.ClientMemberWhereInput =
        q.by === 'nationalNumber'
          ? { nationalNumberHmac: lookupHmac(fieldKeys(), q.nationalNumber), dossier }
          : {
              lastName: { equals: q.lastName, mode: 'insensitive' },
              firstName: { equals: q.firstName, mode: 'insensitive' },
              ...(q.dateOfBirth ? { dateOfBirth: new Date(`${q.dateOfBirth}T00:00:00Z`) } : {}),
              dossier,
            };
      const members = await tx.clientMember.findMany({
        where,
        orderBy: [{ lastName: 'asc' }, { firstName: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
        take: MAX_RESULTS,
        select: {
          id: true,
          memberRole: true,
          firstName: true,
          lastName: true,
          dateOfBirth: true,
          dossier: { select: { ...DOSSIER_FACTS_SELECT, reference: true, safeHouse: { select: { name: true } } } },
        },
      });
      const matches = members.filter((m) => isCoordinatorOf(actor, m.dossier));
      await log({
        action: 'gdpr.search',
        objectType: 'ClientMember',
        // how, and how many — never what was searched for
        objectId: `zoekwijze=${q.by === 'nationalNumber' ? 'rijksregisternummer' : 'naam'};resultaten=${matches.length}`,
      });
      return matches.map((m) => ({
        memberId: m.id,
        memberRole: m.memberRole,
        firstName: m.firstName,
        lastName: m.lastName,
        dateOfBirth: m.dateOfBirth ? m.dateOfBirth.toISOString().slice(0, 10) : null,
        dossierId: m.dossier.id,
        reference: m.dossier.reference,
        status: m.dossier.status,
        safeHouseName: m.dossier.safeHouse.name,
      }));
    },
  );
}
