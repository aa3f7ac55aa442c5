import type { RiskLevel } from '@/lib/generated/prisma/enums';
import { RISK_LEVELS } from '@/lib/referrals/schemas';

/**
 * The four risk levels in order (ADR 0007, 0042): laag < verhoogd < hoog < acuut gevaar. A rise
 * is a later point with a higher level than the point before it.
 */
export const riskRank = (level: RiskLevel): number => RISK_LEVELS.indexOf(level);

export const isRise = (from: RiskLevel | null | undefined, to: RiskLevel): boolean =>
  from != null && riskRank(to) > riskRank(from);

/** Lower case, for a sentence ("gestegen van verhoogd naar hoog"). */
export const RISK_LEVEL_WORD: Record<RiskLevel, string> = {
  LOW: 'laag',
  ELEVATED: 'verhoogd',
  HIGH: 'hoog',
  ACUTE: 'acuut gevaar',
};
