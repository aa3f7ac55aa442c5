import { z } from '@/lib/validation/zod';

export const proposalSchema = z.object({
  kind: z.enum(['CLIENT_MEMBER', 'REPORTING_DUTY'], 'Kies het soort deling.'),
  memberId: z.union([z.string().uuid(), z.literal('')]),
  recipient: z.string().trim().max(200, 'Hoogstens 200 tekens.'),
  itemIds: z.array(z.string().uuid()).min(1, 'Kies precies welke informatie gedeeld mag worden.').max(50),
  sharerUserId: z.string().uuid('Kies de deelnemer die de informatie deelt.'),
  ground: z.enum(['SAFETY', 'ACTION_PLAN_GOAL'], 'Kies de grond: veiligheid of een doel van het plan van aanpak.'),
  goalId: z.union([z.string().uuid(), z.literal('')]),
  necessity: z.string().trim().min(10, 'Leg uit waarom de deling noodzakelijk is (minstens 10 tekens).').max(2000),
});
export type ProposalValues = {
  kind: string;
  memberId: string;
  recipient: string;
  itemIds: string[];
  sharerUserId: string;
  ground: string;
  goalId: string;
  necessity: string;
};

export function proposalCrossErrors(v: ProposalValues): Record<string, string> {
  const out: Record<string, string> = {};
  if (v.kind === 'CLIENT_MEMBER' && !v.memberId)
    out.memberId = 'Kies het lid van het cliëntsysteem aan wie gedeeld wordt.';
  if (v.kind === 'REPORTING_DUTY' && !v.recipient.trim())
    out.recipient = 'Vul in aan wie gerapporteerd wordt (bv. de opdrachtgever).';
  if (v.ground === 'ACTION_PLAN_GOAL' && !v.goalId) out.goalId = 'Kies het doel van het plan van aanpak.';
  return out;
}
