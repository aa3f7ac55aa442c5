import 'server-only';
import type { RiskLevel } from '@/lib/generated/prisma/enums';
import { dossierUseCase } from '@/lib/use-case/kernel';
import { can } from '@/lib/access/policy';
import { fieldKeys } from '@/lib/crypto/keys';
import { decryptField } from '@/lib/crypto/fields';
import { currentParticipation } from '@/lib/participants/current';
import { isCoordinatorOrDirector } from '@/lib/plan/manage-plan';
import { peopleOf } from '@/lib/dossiers/get-dossier';
import { pseudonymiseText } from '@/lib/dossiers/pseudonymise';
import { isRise } from './levels';

export interface RiskPoint {
  /** the referral's id for the first point, else the assessment's */
  id: string;
  kind: 'referral' | 'assessment';
  at: Date;
  level: RiskLevel;
  score: number;
  answers: Record<string, string>;
  /** who: name, and in what capacity */
  by: string;
  capacity: string;
  reasoning: string;
}

/**
 * The risk over time of one dossier (issue 13 §5; ADR 0042), as the case team sees it: the
 * referral's own screening as the first point (when the referrer gave a judgement), then every
 * later assessment, oldest first, with the reasoning decrypted — pseudonymised for an expert who
 * sees the case without identities. Whether the last point is a rise, and whether the actor may
 * record a new assessment now. The coordinator (also after closure) and the case's participants.
 */
export async function getRiskHistory(userId: string, dossierId: string) {
  const need = { action: 'risk.view', purpose: 'caseWork', dossierId } as const;
  return dossierUseCase(userId, need, async (c) => {
    const { tx, actor, dossier, log } = c;
    const coordinates = actor.coordinatorHouses.includes(dossier.safeHouseId);
    const me = coordinates ? null : await currentParticipation(tx, actor, dossierId);
    const pseudonymised = !coordinates && !!me && me.reason === 'EXPERTISE' && !me.showIdentity;
    const [facts, assessments, members, contacts] = await Promise.all([
      tx.dossier.findUniqueOrThrow({
        where: { id: dossierId },
        select: {
          submittedAt: true,
          createdAt: true,
          referrerUserId: true,
          referral: {
            select: { id: true, riskAnswers: true, riskScore: true, riskJudgement: true, riskJudgementReason: true },
          },
        },
      }),
      tx.riskAssessment.findMany({ where: { dossierId }, orderBy: [{ assessedAt: 'asc' }, { id: 'asc' }] }),
      pseudonymised
        ? tx.clientMember.findMany({ where: { dossierId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] })
        : [],
      pseudonymised
        ? tx.contact.findMany({ where: { dossierId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] })
        : [],
    ]);
    const people = pseudonymised ? peopleOf(dossier, members, contacts) : [];
    const text = (t: string) => (pseudonymised ? pseudonymiseText(t, people) : t);
    const users = await tx.user.findMany({
      where: { id: { in: [facts.referrerUserId, ...assessments.map((a) => a.assessorUserId)] } },
      select: { id: true, name: true, organisation: { select: { name: true } } },
    });
    const nameOf = (id: string) => users.find((u) => u.id === id)?.name ?? 'onbekend';
    const keys = fieldKeys();
    const points: RiskPoint[] = [];
    const r = facts.referral;
    if (r?.riskJudgement) {
      const referrer = users.find((u) => u.id === facts.referrerUserId);
      points.push({
        id: r.id,
        kind: 'referral',
        at: facts.submittedAt ?? facts.createdAt,
        level: r.riskJudgement,
        score: r.riskScore,
        answers: (r.riskAnswers ?? {}) as Record<string, string>,
        by: referrer?.name ?? 'onbekend',
        capacity: `aanmelder${referrer ? `, ${referrer.organisation.name}` : ''}`,
        reasoning: text(r.riskJudgementReason),
      });
    }
    for (const a of assessments) {
      points.push({
        id: a.id,
        kind: 'assessment',
        at: a.assessedAt,
        level: a.riskLevel,
        score: a.riskScore,
        answers: a.riskAnswers as Record<string, string>,
        by: nameOf(a.assessorUserId),
        capacity: a.asCaseDirector ? 'casusregisseur' : 'coördinator',
        reasoning: text(decryptField(keys, a.reasoningEnc)),
      });
    }
    const last = points.at(-1);
    const before = points.at(-2);
    await log({ objectType: 'RiskAssessment', objectId: dossierId });
    return {
      points,
      /** the last point is higher than the one before it */
      rise:
        last && before && isRise(before.level, last.level) ? { from: before.level, to: last.level, at: last.at } : null,
      pseudonymised,
      canRecord: can(actor, 'risk.assess', dossier) && (await isCoordinatorOrDirector(c)),
    };
  });
}

export type RiskHistoryView = Awaited<ReturnType<typeof getRiskHistory>>;
