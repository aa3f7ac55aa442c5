import 'server-only';
import { useCase } from '@/lib/use-case/kernel';
import { brusselsToday } from '@/lib/time';
import { peopleOf } from '@/lib/dossiers/get-dossier';
import { pseudonymiseText } from '@/lib/dossiers/pseudonymise';

export interface MyAction {
  id: string;
  dossierId: string;
  reference: string;
  goal: string;
  description: string;
  /** the owner as shown: the person, or the organisation as a whole */
  owner: string;
  personal: boolean;
  dueDate: Date | null;
  status: 'OPEN' | 'DONE' | 'CANCELLED';
  overdue: boolean;
  doneAt: Date | null;
  doneNote: string | null;
}

/**
 * "Mijn acties" (memorandum to art. 15; issue 12 §6; ADR 0034): the actions of the action plans
 * of the cases the actor takes part in that are theirs — named to them, or to their organisation
 * without a person — open ones first (overdue ones, due before today in Brussels, at the top),
 * then the ones closed in the last 90 days. Only cases they participate in now (row-level
 * security reads the same). Each case shown is one access-log row.
 */
export async function listMyActions(userId: string, now = new Date()) {
  return useCase(userId, { action: 'actions.listOwn', purpose: 'caseConference' }, async ({ tx, actor, log }) => {
    const today = brusselsToday(now);
    const since = new Date(now.getTime() - 90 * 86_400_000);
    const rows = await tx.planAction.findMany({
      where: {
        dossierId: { in: actor.participantDossiers },
        OR: [{ ownerUserId: actor.userId }, { ownerUserId: null, ownerOrganisationId: actor.organisationId }],
        AND: [{ OR: [{ status: 'OPEN' }, { doneAt: { gte: since } }] }],
      },
      orderBy: [{ dueDate: { sort: 'asc', nulls: 'last' } }, { createdAt: 'asc' }],
      include: { goal: { select: { title: true } }, owner: { select: { name: true } } },
      take: 500,
    });
    const dossierIds = [...new Set(rows.map((r) => r.dossierId))];
    const [dossiers, participations] = await Promise.all([
      tx.dossier.findMany({
        where: { id: { in: dossierIds } },
        select: {
          id: true,
          reference: true,
          clientSystemLabel: true,
          members: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { firstName: true, lastName: true } },
        },
      }),
      tx.caseParticipant.findMany({
        where: { dossierId: { in: dossierIds }, userId: actor.userId, leftAt: null },
        select: { dossierId: true, reason: true, showIdentity: true },
      }),
    ]);
    // an expert without a recorded reason to see identities reads the text pseudonymised (ADR 0017)
    const textFor = (dossierId: string) => {
      const d = dossiers.find((x) => x.id === dossierId);
      const p = participations.find((x) => x.dossierId === dossierId);
      if (!d || !p || p.reason !== 'EXPERTISE' || p.showIdentity) return (t: string) => t;
      const people = peopleOf({ reference: d.reference, clientSystemLabel: d.clientSystemLabel }, d.members);
      return (t: string) => pseudonymiseText(t, people);
    };
    const actions: MyAction[] = rows.map((r) => {
      const text = textFor(r.dossierId);
      const due = r.dueDate ? r.dueDate.toISOString().slice(0, 10) : null;
      return {
        id: r.id,
        dossierId: r.dossierId,
        reference: dossiers.find((d) => d.id === r.dossierId)?.reference ?? '',
        goal: text(r.goal.title),
        description: text(r.description),
        owner: r.ownerUserId ? actor.name : r.owner.name,
        personal: r.ownerUserId === actor.userId,
        dueDate: r.dueDate,
        status: r.status,
        overdue: r.status === 'OPEN' && due !== null && due < today,
        doneAt: r.doneAt,
        doneNote: r.doneNote === null ? null : text(r.doneNote),
      };
    });
    const rank = (a: MyAction) => (a.status !== 'OPEN' ? 2 : a.overdue ? 0 : 1);
    actions.sort((a, b) => rank(a) - rank(b));
    for (const id of dossierIds) await log({ objectType: 'PlanActionList', dossierId: id });
    if (dossierIds.length === 0) await log({ objectType: 'PlanActionList' });
    return actions;
  });
}
