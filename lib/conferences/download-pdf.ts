import 'server-only';
import { dossierUseCase } from '@/lib/use-case/kernel';
import { renderConferencePdf } from '@/lib/pdf/conference-pdf';
import { getCaseConference } from './get-case-conference';
import { ATTENDANCE_LABEL, PLAN_ACTION_STATUS_LABEL, SESSION_STATE_LABEL, formatDateTime } from '@/lib/labels';

/**
 * Minutes and action plan of a case as PDF, watermarked "Vertrouwelijk – art. 458ter Sw." with
 * the downloader's name and the time on every page. The download itself is logged.
 */
const sessionTitle = (a: { startsAt: Date; state: keyof typeof SESSION_STATE_LABEL }) =>
  `Overleg van ${formatDateTime(a.startsAt)} (${SESSION_STATE_LABEL[a.state].toLowerCase()})`;

export async function downloadConferencePdf(userId: string, dossierId: string, now = new Date()) {
  const view = await getCaseConference(userId, dossierId);
  return dossierUseCase(
    userId,
    { action: 'conference.downloadPdf', purpose: 'caseConference', dossierId },
    async ({ actor, log }) => {
      const latest = view.agenda[0];
      const pdf = await renderConferencePdf(
        {
          safeHouseName: view.dossier.safeHouseName,
          dossierReference: view.dossier.reference,
          clientSystemLabel: view.dossier.label,
          sessionDate: latest?.startsAt ?? now,
          location: latest?.location ?? '—',
          participants: view.participants
            .filter((p) => p.accepted && !p.left)
            .map((p) => ({
              organisation: p.organisation,
              person: p.name,
              role: `${ATTENDANCE_LABEL[p.attendance]}${p.isCaseDirector ? ', casusregisseur' : ''}`,
            })),
          // session by session (art. 13; ADR 0033)
          minutes: view.agenda
            .filter((a) => a.minutes)
            .map((a) => `${sessionTitle(a)}:\n${a.minutes}`)
            .join('\n\n'),
          decisions: view.agenda.flatMap((a) => a.decisions.map((d) => `${sessionTitle(a)}: ${d.text}`)),
          actionPlan: {
            caseDirector: view.participants.find((p) => p.isCaseDirector && !p.left)?.name ?? null,
            goals: view.goals.map((g) => ({
              title: g.title,
              actions: g.actions.map((a) => ({
                description: a.description,
                owner: a.ownerPerson ? `${a.ownerPerson} (${a.owner})` : a.owner,
                due: a.dueDate,
                done: a.done,
                status: PLAN_ACTION_STATUS_LABEL[a.status].toLowerCase(),
              })),
            })),
          },
        },
        { downloadedBy: actor.name, organisation: actor.organisationName, at: now },
      );
      await log({ objectType: 'Dossier', objectId: dossierId });
      return { pdf, filename: `verslag-${view.dossier.reference}.pdf` };
    },
  );
}
