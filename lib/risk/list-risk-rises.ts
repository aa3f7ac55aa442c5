import 'server-only';
import type { RiskLevel } from '@/lib/generated/prisma/enums';
import type { Actor } from '@/lib/access/actor';
import { can, dossierWhere, DOSSIER_FACTS_SELECT } from '@/lib/access/policy';
import type { Tx } from '@/lib/use-case/kernel';
import { isRise } from './levels';

export interface RiskRise {
  dossierId: string;
  reference: string;
  fromLevel: RiskLevel;
  toLevel: RiskLevel;
  assessedAt: Date;
}

const DAY = 86_400_000;

/**
 * The rises in risk for "Mijn werk" (issue 13 §5; ADR 0042): the dossiers the actor may see the
 * risk history of (the coordinator of the holding safe house, a participant of the case — policy
 * `risk.view`, and row-level security on "RiskAssessment" again) whose latest assessment, made in
 * the last `sinceDays` days (default 14), has a higher level than the point before it (the
 * previous assessment, or the referral's own screening for the first one). Newest first. Only the
 * reference travels, no content. A part of a use case: the caller's transaction, its actor and its
 * access-log row (the caller logs what it shows).
 */
export async function listRiskRises(
  tx: Tx,
  actor: Actor,
  opts: { sinceDays?: number; now?: Date } = {},
): Promise<RiskRise[]> {
  const now = opts.now ?? new Date();
  const since = new Date(now.getTime() - (opts.sinceDays ?? 14) * DAY);
  // the case team's rows only (mirrors the RLS policy risk_assessment_select)
  const team = {
    OR: [{ safeHouseId: { in: actor.coordinatorHouses } }, { dossierId: { in: actor.participantDossiers } }],
  };
  const recent = await tx.riskAssessment.findMany({
    where: { AND: [team, { assessedAt: { gte: since, lte: now } }] },
    select: { dossierId: true },
    distinct: ['dossierId'],
  });
  if (recent.length === 0) return [];
  const dossiers = (
    await tx.dossier.findMany({
      where: { AND: [{ id: { in: recent.map((r) => r.dossierId) } }, dossierWhere(actor)] },
      select: { ...DOSSIER_FACTS_SELECT, reference: true, referral: { select: { riskJudgement: true } } },
    })
  ).filter((d) => can(actor, 'risk.view', d));
  if (dossiers.length === 0) return [];
  const history = await tx.riskAssessment.findMany({
    where: { dossierId: { in: dossiers.map((d) => d.id) }, assessedAt: { lte: now } },
    select: { dossierId: true, riskLevel: true, assessedAt: true },
    orderBy: [{ assessedAt: 'desc' }, { id: 'desc' }],
  });
  // the newest two per dossier (the list is newest first)
  const lastTwo = new Map<string, typeof history>();
  for (const h of history) {
    const list = lastTwo.get(h.dossierId) ?? [];
    if (list.length < 2) lastTwo.set(h.dossierId, [...list, h]);
  }
  const rises: RiskRise[] = [];
  for (const d of dossiers) {
    const [latest, previous] = lastTwo.get(d.id) ?? [];
    if (!latest || latest.assessedAt < since) continue;
    const fromLevel = previous?.riskLevel ?? d.referral?.riskJudgement ?? null;
    if (fromLevel && isRise(fromLevel, latest.riskLevel))
      rises.push({
        dossierId: d.id,
        reference: d.reference,
        fromLevel,
        toLevel: latest.riskLevel,
        assessedAt: latest.assessedAt,
      });
  }
  return rises.sort((a, b) => b.assessedAt.getTime() - a.assessedAt.getTime());
}
