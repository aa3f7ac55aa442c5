import type { PrismaClient } from '@/lib/generated/prisma/client';
import { instantToBrussels } from '@/lib/time';
import { retentionTerms, type RetentionTerms } from './terms';
import { attachmentStore, type BlobStore } from '@/lib/attachments/blob-store';
import { deleteDossierBlobs, sweepOrphanBlobs } from '@/lib/attachments/purge-blobs';
import { errorInfo, logger } from '../ops/logger';

/**
 * Art. 15 §3, GDPR art. 5(1)(e): after the retention term, personal data must be gone. For every
 * ended dossier whose term ended — a closed trajectory, and a referral that was not admitted,
 * referred to regular care or attached to care already under way — and for every draft nobody
 * saved for DRAFT_RETENTION_DAYS, in one transaction each: keep anonymised facts for statistics (months only,
 * no names, no free text) and a deletion record, then delete the dossier — its client system,
 * members, contacts, referral, input, information, minutes, plan, proposals and votes go with it
 * (foreign keys ON DELETE CASCADE). The access log keeps its rows (ids only). Runs as the owner.
 */
/** The first day of the month (Brussels time, as statistics count it) of a moment. */
function month(d: Date | null): Date | null {
  if (!d) return null;
  return new Date(`${instantToBrussels(d).date.slice(0, 7)}-01T00:00:00Z`);
}

const CHILD_TABLES = [
  'Referral',
  'ClientMember',
  'Contact',
  'CaseParticipant',
  'AdmissionAssessment',
  'MandatedAgencyConsultation',
  'PartnerInput',
  'AgendaItem',
  'CaseInvitation',
  'InformationItem',
  'ConferenceDecision',
  'Goal',
  'PlanAction',
  'FeedbackRecord',
  'FeedbackNote',
  'PlanDistributionRecipient',
  'ReferrerOutcome',
  'DisclosureProposal',
  'DisclosureItem',
  'DisclosureVote',
  'RetentionExtension',
  'RetentionVote',
  'TransferRequest',
  'EmergencyDisclosure',
  'Attachment',
  'RiskAssessment',
] as const;

/** A dossier whose term ended within the grace period after its closure: not purged (issue 9 §4). */
export interface HeldDossier {
  dossierId: string;
  reference: string;
  closedAt: Date;
  retentionUntil: Date;
}

export interface PurgeResult {
  dossierId: string;
  reference: string;
  rowsDeleted: number;
}

const ENDED = ['CLOSED', 'NOT_ADMISSIBLE', 'REFERRED_TO_REGULAR_CARE', 'ATTACHED_TO_EXISTING_CARE'] as const;

/** `scope.safeHouseId` limits a run to one safe house (a per-house run; tests with a simulated clock). */
export async function purgeExpiredDossiers(
  owner: PrismaClient,
  now: Date,
  terms: RetentionTerms = retentionTerms(),
  scope: { safeHouseId?: string } = {},
  onHeld?: (held: HeldDossier[]) => void,
  /** where the dossiers' attached files lie (ADR 0040) */
  store: BlobStore = attachmentStore(),
): Promise<PurgeResult[]> {
  const draftCutoff = new Date(now.getTime() - terms.DRAFT_RETENTION_DAYS * 86_400_000);
  const graceCutoff = new Date(now.getTime() - terms.PURGE_GRACE_DAYS * 86_400_000);
  const house = scope.safeHouseId ? { safeHouseId: scope.safeHouseId } : {};
  // A term that ends so soon after closure is a mistake somewhere (the database already refuses
  // a term shorter than its years): such a dossier is held, reported and logged — never purged.
  const held = await owner.dossier.findMany({
    where: { ...house, status: { in: [...ENDED] }, retentionUntil: { lte: now }, closedAt: { gt: graceCutoff } },
    select: { id: true, reference: true, safeHouseId: true, closedAt: true, retentionUntil: true },
  });
  for (const h of held) {
    logger.warn(
      { component: 'purge', dossierId: h.id, graceDays: terms.PURGE_GRACE_DAYS },
      'dossier held: closed less than the grace period ago',
    );
    await owner.$queryRaw`SELECT audit_append(NULL, NULL, 'SYSTEM', ${h.safeHouseId}::uuid, 'retention.purge.held', 'Dossier', ${h.id}, ${h.id}::uuid, 'retentionPurgeGrace', NULL, 'DENIED')`;
  }
  onHeld?.(
    held.map((h) => ({
      dossierId: h.id,
      reference: h.reference,
      closedAt: h.closedAt!,
      retentionUntil: h.retentionUntil!,
    })),
  );
  const due = await owner.dossier.findMany({
    where: {
      ...house,
      OR: [
        { status: { in: [...ENDED] }, retentionUntil: { lte: now }, closedAt: { lte: graceCutoff } },
        // a draft: counted from its last save (the referral's updatedAt), else its creation
        {
          status: 'DRAFT',
          createdAt: { lte: draftCutoff },
          OR: [{ referral: { is: null } }, { referral: { updatedAt: { lte: draftCutoff } } }],
        },
      ],
    },
    select: { id: true },
    orderBy: { createdAt: 'asc' },
    take: 500,
  });
  const results: PurgeResult[] = [];
  for (const { id } of due) {
    results.push(
      await owner.$transaction(async (tx) => {
        const d = await tx.dossier.findUniqueOrThrow({
          where: { id },
          include: { referral: { select: { violenceForms: true } } },
        });
        const [minors, referrer, assessment] = await Promise.all([
          tx.clientMember.count({ where: { dossierId: id, isMinor: true } }),
          tx.organisation.findUnique({ where: { id: d.referrerOrganisationId }, select: { kind: true } }),
          tx.admissionAssessment.findUnique({ where: { dossierId: id }, select: { decision: true } }),
        ]);
        let rows = 1;
        for (const table of CHILD_TABLES) {
          const counted = await tx.$queryRawUnsafe<{ n: number }[]>(
            `SELECT count(*)::int AS n FROM "${table}" WHERE "dossierId" = $1::uuid`,
            id,
          );
          rows += counted[0]?.n ?? 0;
        }
        const draft = d.status === 'DRAFT';
        // a draft was never submitted: no statistics are kept of it, only the deletion record
        if (!draft)
          await tx.purgedDossierFact.create({
            data: {
              safeHouseId: d.safeHouseId,
              submittedMonth: month(d.submittedAt),
              decidedMonth: month(d.decidedAt),
              closedMonth: month(d.closedAt),
              finalStatus: d.status,
              admitted: assessment?.decision === 'START_TRAJECTORY',
              violenceForms: d.referral?.violenceForms ?? [],
              minorsInvolved: minors > 0,
              referrerKind: referrer?.kind ?? null,
              waitingDays:
                d.submittedAt && d.decidedAt
                  ? Math.floor((d.decidedAt.getTime() - d.submittedAt.getTime()) / 86_400_000)
                  : null,
            },
          });
        await tx.deletionRecord.create({
          data: {
            dossierId: id,
            reference: d.reference,
            safeHouseId: d.safeHouseId,
            closedAt: d.closedAt,
            retentionUntil: d.retentionUntil ?? draftCutoff,
            purgedAt: now,
            rowsDeleted: rows,
          },
        });
        await tx.dossier.delete({ where: { id } });
        await tx.$queryRaw`SELECT audit_append(NULL, NULL, 'SYSTEM', ${d.safeHouseId}::uuid, 'retention.purge', 'Dossier', ${id}, ${id}::uuid, ${draft ? 'draftExpiry' : 'retentionPurge'}, NULL, 'ALLOWED')`;
        return { dossierId: id, reference: d.reference, rowsDeleted: rows };
      }),
    );
    // the dossier's attached files, once its rows are gone (a failure leaves orphans for the sweep)
    await deleteDossierBlobs(store, id).catch((e: Error) =>
      logger.warn(
        { component: 'purge', dossierId: id, ...errorInfo(e) },
        'blobs of a purged dossier left for the next run',
      ),
    );
  }
  // files of dossiers purged earlier whose deletion failed, and of uploads that never committed
  if (!scope.safeHouseId) {
    await sweepOrphanBlobs(owner, store).catch((e: Error) =>
      logger.warn({ component: 'purge', ...errorInfo(e) }, 'orphan blob sweep failed'),
    );
  }
  return results;
}
