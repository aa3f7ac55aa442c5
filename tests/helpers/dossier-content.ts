import { createHash } from 'node:crypto';
import type { BlobStore } from '@/lib/attachments/blob-store';
import { openBlob } from '@/lib/attachments/blob-crypto';
import { decryptField, type FieldKeys } from '@/lib/crypto/fields';
import { openHistory } from '@/lib/dossier-export/history';
import type { PrismaClient } from '@/lib/generated/prisma/client';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * What a dossier IS, read by the owner straight from the tables of one installation (its own
 * database and field keys), without ids, keys or ciphertext: the label, the members (decrypted),
 * the referral with its risk screening, the attachments (name, type, category, SHA-256 of the
 * decrypted bytes) and its history — status, dates, reasons, risk assessments, minutes, decisions
 * and plan. For a dossier that was imported, the history is the one kept with its provenance
 * (ADR 0047); otherwise it is read from the dossier's own rows. The round trip of issue 14 §4
 * holds when the imported dossier's content equals the original's.
 */
export async function dossierContent(db: PrismaClient, keys: FieldKeys, store: BlobStore, dossierId: string) {
  const d = await db.dossier.findUniqueOrThrow({
    where: { id: dossierId },
    include: { referral: true, members: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] } },
  });
  const atts = await db.attachment.findMany({ where: { dossierId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  const memberIndex = new Map(d.members.map((m, i) => [m.id, i]));
  const r = d.referral;
  const imported = await db.dossierImport.findUnique({ where: { dossierId } });
  return {
    label: d.clientSystemLabel,
    members: d.members.map((m) => ({
      role: m.memberRole,
      name: [m.firstName, m.lastName],
      born: iso(m.dateOfBirth),
      minor: m.isMinor,
      sex: m.sex,
      nn: m.nationalNumberEnc ? decryptField(keys, m.nationalNumberEnc) : null,
      contact: m.contactEnc ? decryptField(keys, m.contactEnc) : null,
      safeAddress: m.safeAddress,
    })),
    referral: r && {
      forms: r.violenceForms,
      types: r.violenceTypes,
      situation: r.situation,
      actionsTaken: r.actionsTaken,
      answers: r.riskAnswers,
      score: r.riskScore,
      judgement: r.riskJudgement,
      judgementReason: r.riskJudgementReason,
    },
    attachments: await Promise.all(
      atts.map(async (a) => ({
        name: decryptField(keys, a.fileNameEnc),
        type: a.mediaType,
        category: a.category,
        concerns: a.concernsMemberId ? (memberIndex.get(a.concernsMemberId) ?? null) : null,
        sha: createHash('sha256')
          .update(openBlob(keys, a.blobKey, a.wrappedKey, (await store.get(a.blobKey))!))
          .digest('hex'),
      })),
    ),
    history: imported?.historyEnc ? openHistory(keys, imported.historyEnc) : await ownHistory(db, keys, dossierId),
  };
}

export type DossierContent = Awaited<ReturnType<typeof dossierContent>>;

/** The history of a dossier held here, from its own rows, in the shape the import keeps it. */
async function ownHistory(db: PrismaClient, keys: FieldKeys, dossierId: string) {
  const d = await db.dossier.findUniqueOrThrow({ where: { id: dossierId } });
  const [risks, agenda, decisions, goals] = await Promise.all([
    db.riskAssessment.findMany({ where: { dossierId }, orderBy: [{ assessedAt: 'asc' }, { id: 'asc' }] }),
    db.agendaItem.findMany({
      where: { dossierId },
      orderBy: [{ session: { startsAt: 'asc' } }, { id: 'asc' }],
      include: { session: true },
    }),
    db.conferenceDecision.findMany({ where: { dossierId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    db.goal.findMany({
      where: { dossierId },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      include: { actions: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] } },
    }),
  ]);
  const orgs = await db.organisation.findMany({
    where: { id: { in: goals.flatMap((g) => g.actions.map((a) => a.ownerOrganisationId)) } },
  });
  return {
    dossier: {
      status: d.status as string,
      clientSystemLabel: d.clientSystemLabel,
      createdAt: d.createdAt.toISOString(),
      submittedAt: iso(d.submittedAt),
      decidedAt: iso(d.decidedAt),
      closedAt: iso(d.closedAt),
      decisionReasons: d.decisionReasons,
      closureReasons: d.closureReasons,
    },
    riskAssessments: risks.map((x) => ({
      assessedAt: x.assessedAt.toISOString(),
      riskAnswers: x.riskAnswers,
      riskScore: x.riskScore,
      riskLevel: x.riskLevel,
      reasoning: decryptField(keys, x.reasoningEnc),
      asCaseDirector: x.asCaseDirector,
    })),
    minutes: agenda.map((a) => ({
      sessionStartsAt: a.session.startsAt.toISOString(),
      location: a.session.location,
      text: a.minutes,
      finalisedAt: iso(a.finalisedAt),
    })),
    decisions: decisions.map((x) => ({ createdAt: x.createdAt.toISOString(), text: x.text })),
    plan: goals.map((g) => ({
      title: g.title,
      createdAt: g.createdAt.toISOString(),
      actions: g.actions.map((a) => ({
        description: a.description,
        ownerOrganisation: orgs.find((o) => o.id === a.ownerOrganisationId)!.name,
        dueDate: a.dueDate ? a.dueDate.toISOString().slice(0, 10) : null,
        status: a.status as string,
        doneAt: iso(a.doneAt),
        doneNote: a.doneNote,
      })),
    })),
  };
}
