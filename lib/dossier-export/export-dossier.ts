import 'server-only';
import { attachmentStore, type BlobStore } from '@/lib/attachments/blob-store';
import { openBlob } from '@/lib/attachments/blob-crypto';
import { attachmentWhere } from '@/lib/attachments/queries';
import { decryptField } from '@/lib/crypto/fields';
import { fieldKeys } from '@/lib/crypto/keys';
import { AppError, invalid } from '@/lib/errors';
import { dossierUseCase } from '@/lib/use-case/kernel';
import { z } from '@/lib/validation/zod';
import { MIN_PASSPHRASE_LENGTH, sealArchive, sha256 } from './archive';
import { minutesAndPlanPdf } from './documents';
import { EXPORT_FORMAT, EXPORT_VERSION, type DossierExport } from './schema';

export const exportRequestSchema = z
  .object({
    purpose: z.enum(['transfer', 'accessRequest'], { error: 'Kies waarvoor je exporteert.' }),
    passphrase: z
      .string()
      .min(MIN_PASSPHRASE_LENGTH, `De wachtzin moet minstens ${MIN_PASSPHRASE_LENGTH} tekens lang zijn.`)
      .max(1024),
    passphraseRepeat: z.string(),
  })
  .refine((v) => v.passphrase === v.passphraseRepeat, {
    path: ['passphraseRepeat'],
    message: 'De twee wachtzinnen zijn niet gelijk.',
  });
export type ExportRequest = z.input<typeof exportRequestSchema>;

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const answers = (v: unknown) => (v && typeof v === 'object' ? (v as Record<string, 'YES' | 'NO' | 'UNKNOWN'>) : {});

/**
 * Issue 14 §4 (ADR 0047): the whole dossier as one encrypted archive, for the coordinator of the
 * holding safe house only — to hand it to a safe house outside this installation (art. 15 §1,
 * 3rd para, 7°) or to answer a data subject's access request (GDPR art. 15). Everything is read
 * in one transaction with the access-log row; the purpose is recorded in the log. Other cases,
 * the access log and any key never enter the archive.
 */
export async function exportDossier(
  userId: string,
  dossierId: string,
  request: ExportRequest,
  store: BlobStore = attachmentStore(),
): Promise<{ fileName: string; bytes: Buffer }> {
  const parsed = exportRequestSchema.safeParse(request);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message;
    throw invalid('De export is nog niet volledig.', errors);
  }
  const { purpose, passphrase } = parsed.data;
  const need = {
    action: 'dossier.export',
    purpose: purpose === 'transfer' ? 'transfer' : 'dataSubjectRights',
    dossierId,
  } as const;
  return dossierUseCase(userId, need, async ({ tx, actor, dossier, log }) => {
    const keys = fieldKeys();
    const d = await tx.dossier.findUniqueOrThrow({
      where: { id: dossier.id },
      include: {
        safeHouse: { select: { code: true, name: true } },
        referral: true,
        members: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
      },
    });
    const [risks, decisions, goals, attachments, agenda, participants] = await Promise.all([
      tx.riskAssessment.findMany({ where: { dossierId: d.id }, orderBy: [{ assessedAt: 'asc' }, { id: 'asc' }] }),
      tx.conferenceDecision.findMany({ where: { dossierId: d.id }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
      tx.goal.findMany({
        where: { dossierId: d.id },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        include: {
          actions: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], include: { owner: { select: { name: true } } } },
        },
      }),
      tx.attachment.findMany({
        where: attachmentWhere(actor, dossier),
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      }),
      tx.agendaItem.findMany({
        where: { dossierId: d.id },
        orderBy: [{ session: { startsAt: 'asc' } }, { id: 'asc' }],
        include: { session: { select: { startsAt: true, location: true } } },
      }),
      tx.caseParticipant.findMany({
        where: { dossierId: d.id, acceptedAt: { not: null }, leftAt: null },
        orderBy: { invitedAt: 'asc' },
      }),
    ]);
    const memberRef = new Map(d.members.map((m, i) => [m.id, `m${i + 1}`]));
    const files: Record<string, Uint8Array> = {};
    const attachmentEntries: DossierExport['attachments'] = [];
    for (const [i, a] of attachments.entries()) {
      const blob = await store.get(a.blobKey);
      if (!blob)
        throw new AppError('CONFLICT', 'Een bijlage van dit dossier is niet beschikbaar; de export is gestopt.');
      const bytes = openBlob(keys, a.blobKey, a.wrappedKey, blob);
      const ref = `a${i + 1}`;
      files[`attachments/${ref}`] = bytes;
      attachmentEntries.push({
        ref,
        path: `attachments/${ref}`,
        fileName: decryptField(keys, a.fileNameEnc),
        mediaType: a.mediaType,
        sizeBytes: bytes.length,
        sha256: sha256(bytes),
        category: a.category,
        context: a.context,
        concernsMemberRef: a.concernsMemberId ? (memberRef.get(a.concernsMemberId) ?? null) : null,
      });
    }
    const r = d.referral;
    const data: Omit<DossierExport, 'documents'> = {
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt: new Date().toISOString(),
      purpose,
      source: {
        installation: process.env.VHD_INSTALLATION_NAME ?? 'Veilig Huis Dossier',
        safeHouseCode: d.safeHouse.code,
        reference: d.reference,
      },
      dossier: {
        status: d.status,
        clientSystemLabel: d.clientSystemLabel,
        createdAt: iso(d.createdAt),
        submittedAt: isoOrNull(d.submittedAt),
        decidedAt: isoOrNull(d.decidedAt),
        closedAt: isoOrNull(d.closedAt),
        decisionReasons: d.decisionReasons,
        closureReasons: d.closureReasons,
      },
      members: d.members.map((m) => ({
        ref: memberRef.get(m.id)!,
        memberRole: m.memberRole,
        firstName: m.firstName,
        lastName: m.lastName,
        dateOfBirth: day(m.dateOfBirth),
        isMinor: m.isMinor,
        sex: m.sex,
        nationalNumber: m.nationalNumberEnc ? decryptField(keys, m.nationalNumberEnc) : null,
        contact: m.contactEnc ? decryptField(keys, m.contactEnc) : null,
        safeAddress: m.safeAddress,
      })),
      referral: r
        ? {
            violenceForms: r.violenceForms,
            violenceTypes: r.violenceTypes,
            situation: r.situation,
            actionsTaken: r.actionsTaken,
            clientInformed: r.clientInformed,
            notInformedReason: r.notInformedReason,
            riskAnswers: answers(r.riskAnswers),
            riskScore: r.riskScore,
            riskJudgement: r.riskJudgement,
            riskJudgementReason: r.riskJudgementReason,
            involvedOrganisations: r.involvedOrganisations,
          }
        : null,
      riskAssessments: risks.map((x) => ({
        assessedAt: iso(x.assessedAt),
        riskAnswers: answers(x.riskAnswers),
        riskScore: x.riskScore,
        riskLevel: x.riskLevel,
        reasoning: decryptField(keys, x.reasoningEnc),
        asCaseDirector: x.asCaseDirector,
      })),
      decisions: decisions.map((x) => ({ createdAt: iso(x.createdAt), text: x.text })),
      minutes: agenda.map((a) => ({
        sessionStartsAt: iso(a.session.startsAt),
        location: a.session.location,
        text: a.minutes,
        finalisedAt: isoOrNull(a.finalisedAt),
      })),
      plan: goals.map((g) => ({
        title: g.title,
        createdAt: iso(g.createdAt),
        actions: g.actions.map((a) => ({
          description: a.description,
          ownerOrganisation: a.owner.name,
          dueDate: day(a.dueDate),
          status: a.status,
          doneAt: isoOrNull(a.doneAt),
          doneNote: a.doneNote,
        })),
      })),
      attachments: attachmentEntries,
    };
    // the minutes, decisions and plan as a readable PDF (issue 14 §4), watermarked with the exporter
    const [people, orgs] = await Promise.all([
      tx.user.findMany({ where: { id: { in: participants.map((p) => p.userId) } }, select: { id: true, name: true } }),
      tx.organisation.findMany({
        where: { id: { in: participants.map((p) => p.organisationId) } },
        select: { id: true, name: true },
      }),
    ]);
    const pdf = await minutesAndPlanPdf(data, {
      safeHouseName: d.safeHouse.name,
      participants: participants.map((p) => ({
        person: people.find((u) => u.id === p.userId)?.name ?? 'onbekend',
        organisation: orgs.find((o) => o.id === p.organisationId)?.name ?? 'onbekend',
        attendance: p.attendance,
        isCaseDirector: p.isCaseDirector,
      })),
      exportedBy: actor.name,
      organisation: actor.organisationName,
      at: new Date(data.exportedAt),
    });
    if (pdf) files[pdf.entry.path] = pdf.bytes;
    const bytes = await sealArchive({ data: { ...data, documents: pdf ? [pdf.entry] : [] }, files }, passphrase);
    await log({
      objectType: 'Dossier',
      objectId: d.id,
      reason: purpose === 'transfer' ? 'overdracht buiten deze installatie' : 'inzageverzoek (AVG art. 15)',
    });
    return { fileName: `${d.reference}.vhdx`, bytes };
  });
}
