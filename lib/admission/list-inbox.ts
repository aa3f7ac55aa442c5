import 'server-only';
import { isCalendarDate } from '@/lib/validation/text';
import type { Prisma } from '@/lib/generated/prisma/client';
import { z } from '@/lib/validation/zod';
import { useCase } from '@/lib/use-case/kernel';
import { dossierWhere } from '@/lib/access/policy';
import { retentionTerms } from '@/lib/retention/terms';
import { RISK_LEVELS } from '@/lib/referrals/schemas';
import { knownPersonMatches } from '@/lib/search/known-persons';

export const INBOX_PAGE_SIZE = 20;
const DECIDED = [
  'REFERRED_TO_REGULAR_CARE',
  'ATTACHED_TO_EXISTING_CARE',
  'NOT_ADMISSIBLE',
  'IN_TRAJECTORY',
  'CLOSED',
] as const;

export const inboxFilters = z.object({
  status: z.enum(['open', 'beslist', 'alle']).catch('open'),
  minderjarigen: z.enum(['ja', 'nee', '']).catch(''),
  risico: z.union([z.enum(RISK_LEVELS), z.literal('')]).catch(''),
  sorteer: z.enum(['wachttijd', 'nieuwste', 'risico']).catch('wachttijd'),
  vanaf: z
    .string()
    .refine((v) => isCalendarDate(v))
    .catch(''),
  tot: z
    .string()
    .refine((v) => isCalendarDate(v))
    .catch(''),
  pagina: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type InboxFilters = z.infer<typeof inboxFilters>;

/**
 * The coordinator's triage inbox: referrals to the safe houses they coordinate, filterable by
 * status, minors involved and the referrer's risk judgement, sorted by waiting time, with counts.
 */
export async function listInbox(userId: string, raw: Record<string, unknown>, now = new Date()) {
  const f = inboxFilters.parse({
    status: undefined,
    minderjarigen: undefined,
    risico: undefined,
    sorteer: undefined,
    vanaf: undefined,
    tot: undefined,
    pagina: undefined,
    ...raw,
  });
  return useCase(userId, { action: 'triage.view', purpose: 'admission' }, async ({ tx, actor, log }) => {
    const base: Prisma.DossierWhereInput = {
      AND: [dossierWhere(actor), { safeHouseId: { in: actor.coordinatorHouses } }, { status: { not: 'DRAFT' } }],
    };
    const filters: Prisma.DossierWhereInput[] = [base];
    if (f.status === 'open') filters.push({ status: 'SUBMITTED' });
    if (f.status === 'beslist') filters.push({ status: { in: [...DECIDED] } });
    if (f.minderjarigen === 'ja') filters.push({ members: { some: { isMinor: true } } });
    if (f.minderjarigen === 'nee') filters.push({ members: { none: { isMinor: true } } });
    if (f.risico) filters.push({ referral: { is: { riskJudgement: f.risico } } });
    if (f.vanaf) filters.push({ submittedAt: { gte: new Date(`${f.vanaf}T00:00:00Z`) } });
    if (f.tot) filters.push({ submittedAt: { lt: new Date(new Date(`${f.tot}T00:00:00Z`).getTime() + 86_400_000) } });
    const where: Prisma.DossierWhereInput = { AND: filters };

    // the counts per status in one GROUP BY over the coordinator's houses; the minors only for
    // the page's 20 rows — a `_count` in the findMany aggregated every member of the database
    // under row-level security (issue 11 §3)
    const [total, byStatus, openWithMinors, rows] = await Promise.all([
      tx.dossier.count({ where }),
      tx.dossier.groupBy({ by: ['status'], where: base, _count: { _all: true } }),
      tx.dossier.count({ where: { AND: [base, { status: 'SUBMITTED' }, { members: { some: { isMinor: true } } }] } }),
      tx.dossier.findMany({
        where,
        orderBy:
          f.sorteer === 'risico'
            ? [{ referral: { riskJudgement: { sort: 'desc', nulls: 'last' } } }, { submittedAt: 'asc' }, { id: 'asc' }]
            : [{ submittedAt: f.sorteer === 'wachttijd' ? 'asc' : 'desc' }, { id: 'asc' }],
        skip: (f.pagina - 1) * INBOX_PAGE_SIZE,
        take: INBOX_PAGE_SIZE,
        select: {
          id: true,
          reference: true,
          clientSystemLabel: true,
          status: true,
          submittedAt: true,
          decidedAt: true,
          safeHouse: { select: { name: true } },
          referral: { select: { riskJudgement: true, riskScore: true } },
          inputDeadline: true,
          inputClosedAt: true,
          admissionCheck: { select: { id: true } },
          agencyConsultation: { select: { respondedAt: true, exceptionRecordedAt: true } },
        },
      }),
    ]);
    const countOf = (statuses: readonly string[]) =>
      byStatus.filter((g) => statuses.includes(g.status)).reduce((n, g) => n + g._count._all, 0);
    const open = countOf(['SUBMITTED']);
    const decided = countOf(DECIDED);
    const minorsPerDossier = new Map(
      rows.length === 0
        ? []
        : (
            await tx.clientMember.groupBy({
              by: ['dossierId'],
              where: { dossierId: { in: rows.map((r) => r.id) }, isMinor: true },
              _count: { _all: true },
            })
          ).map((g) => [g.dossierId, g._count._all]),
    );
    await log({
      action: 'triage.list',
      objectType: 'DossierList',
      objectId: `page:${f.pagina}`,
    });
    // the known-person marker on the referrals still to decide (issue 13 §4; ADR 0041)
    const undecided = rows.filter((r) => r.status === 'SUBMITTED').map((r) => r.id);
    const known = await knownPersonMatches(tx, actor, undecided, now);
    if (undecided.length > 0)
      await log({
        action: 'knownPerson.inbox',
        objectType: 'DossierList',
        objectId: `page:${f.pagina};gemarkeerd=${known.size}`,
      });
    const overdueDays = retentionTerms().TRIAGE_OVERDUE_DAYS;
    return {
      overdueDays,
      filters: f,
      total,
      pageSize: INBOX_PAGE_SIZE,
      counts: { open, decided, openWithMinors },
      rows: rows.map((r) => ({
        id: r.id,
        reference: r.reference,
        clientSystemLabel: r.clientSystemLabel,
        status: r.status,
        safeHouseName: r.safeHouse.name,
        submittedAt: r.submittedAt,
        waitingDays: r.submittedAt
          ? Math.floor(((r.decidedAt ?? now).getTime() - r.submittedAt.getTime()) / 86_400_000)
          : 0,
        /** undecided for longer than TRIAGE_OVERDUE_DAYS: shown highlighted (ADR 0015) */
        overdue:
          r.status === 'SUBMITTED' &&
          !!r.submittedAt &&
          now.getTime() - r.submittedAt.getTime() > overdueDays * 86_400_000,
        minors: minorsPerDossier.get(r.id) ?? 0,
        /** where a submitted referral stands in the admission sequence (ADR 0031) */
        stage: stageOf(r, minorsPerDossier.get(r.id) ?? 0, now),
        inputDeadline: r.inputDeadline,
        riskJudgement: r.referral?.riskJudgement ?? null,
        riskScore: r.referral?.riskScore ?? 0,
        /** a member is known in another dossier of the house; 'repeat': referred within 12 months before */
        knownPerson: !known.has(r.id)
          ? null
          : known.get(r.id)!.some((m) => m.repeat)
            ? ('repeat' as const)
            : ('known' as const),
      })),
    };
  });
}

export type AdmissionStage = 'decided' | 'check' | 'inputRound' | 'agency' | 'decide';

/** Step of the admission (art. 5, art. 11; ADR 0031) a referral waits for. */
function stageOf(
  r: {
    status: string;
    inputDeadline: Date | null;
    inputClosedAt: Date | null;
    admissionCheck: { id: string } | null;
    agencyConsultation: { respondedAt: Date | null; exceptionRecordedAt: Date | null } | null;
  },
  minors: number,
  now: Date,
): AdmissionStage {
  if (r.status !== 'SUBMITTED') return 'decided';
  if (!r.admissionCheck) return 'check';
  if (!r.inputClosedAt && r.inputDeadline && now < r.inputDeadline) return 'inputRound';
  if (minors > 0 && !r.agencyConsultation?.respondedAt && !r.agencyConsultation?.exceptionRecordedAt) return 'agency';
  return 'decide';
}
