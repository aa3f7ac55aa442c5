import { renderConferencePdf } from '@/lib/pdf/conference-pdf';
import { ATTENDANCE_LABEL, PLAN_ACTION_STATUS_LABEL, formatDateTime } from '@/lib/labels';
import type { Attendance, PlanActionStatus } from '@/lib/generated/prisma/enums';
import { sha256 } from './archive';
import type { DossierExport } from './schema';

export const MINUTES_AND_PLAN_PATH = 'documents/verslag-en-plan.pdf';

export interface PdfParticipant {
  organisation: string;
  person: string;
  attendance: Attendance;
  isCaseDirector: boolean;
}

/**
 * Issue 14 §4 (ADR 0047): the minutes, decisions and action plan of the exported dossier as one
 * readable PDF inside the archive — the same document (and watermark: the exporting coordinator
 * and the moment) as the conference's own PDF download, made from the archive's own data so the
 * two cannot say different things. None when the dossier never reached a conference.
 */
export async function minutesAndPlanPdf(
  data: Omit<DossierExport, 'documents'>,
  context: {
    safeHouseName: string;
    participants: PdfParticipant[];
    exportedBy: string;
    organisation: string;
    at: Date;
  },
): Promise<{ entry: DossierExport['documents'][number]; bytes: Uint8Array } | null> {
  if (data.minutes.length === 0 && data.decisions.length === 0 && data.plan.length === 0) return null;
  const last = data.minutes.at(-1);
  const bytes = await renderConferencePdf(
    {
      safeHouseName: context.safeHouseName,
      dossierReference: data.source.reference,
      clientSystemLabel: data.dossier.clientSystemLabel,
      sessionDate: last ? new Date(last.sessionStartsAt) : context.at,
      location: last?.location ?? '—',
      participants: context.participants.map((p) => ({
        organisation: p.organisation,
        person: p.person,
        role: `${ATTENDANCE_LABEL[p.attendance]}${p.isCaseDirector ? ', casusregisseur' : ''}`,
      })),
      minutes: data.minutes
        .filter((m) => m.text.trim() !== '')
        .map((m) => `Overleg van ${formatDateTime(new Date(m.sessionStartsAt))}:\n${m.text}`)
        .join('\n\n'),
      decisions: data.decisions.map((d) => d.text),
      actionPlan: {
        caseDirector: context.participants.find((p) => p.isCaseDirector)?.person ?? null,
        goals: data.plan.map((g) => ({
          title: g.title,
          actions: g.actions.map((a) => ({
            description: a.description,
            owner: a.ownerOrganisation,
            due: a.dueDate ? new Date(`${a.dueDate}T00:00:00Z`) : null,
            done: a.status === 'DONE',
            status: PLAN_ACTION_STATUS_LABEL[a.status as PlanActionStatus].toLowerCase(),
          })),
        })),
      },
    },
    { downloadedBy: context.exportedBy, organisation: context.organisation, at: context.at },
  );
  return {
    entry: {
      path: MINUTES_AND_PLAN_PATH,
      title: 'Verslag, beslissingen en plan van aanpak',
      mediaType: 'application/pdf',
      sizeBytes: bytes.length,
      sha256: sha256(bytes),
    },
    bytes,
  };
}
