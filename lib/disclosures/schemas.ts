import { isClockTime, isIsoDate } from '@/lib/time';
import { z } from '@/lib/validation/zod';

export const MINOR_OBJECTIONS = ['NONE', 'OBJECTS', 'COULD_NOT_ASK', 'NOT_CONCERNED'] as const;

export const proposalSchema = z.object({
  kind: z.enum(['CLIENT_MEMBER', 'REPORTING_DUTY'], 'Kies het soort deling.'),
  memberId: z.union([z.string().uuid(), z.literal('')]),
  recipient: z.string().trim().max(200, 'Hoogstens 200 tekens.'),
  itemIds: z.array(z.string().uuid()).min(1, 'Kies precies welke informatie gedeeld mag worden.').max(50),
  sharerUserId: z.string().uuid('Kies de deelnemer die de informatie deelt.'),
  ground: z.enum(['SAFETY', 'ACTION_PLAN_GOAL'], 'Kies de grond: veiligheid of een doel van het plan van aanpak.'),
  goalId: z.union([z.string().uuid(), z.literal('')]),
  necessity: z.string().trim().min(10, 'Leg uit waarom de deling noodzakelijk is (minstens 10 tekens).').max(2000),
  /** the minor's own objection (to a minor, or to a parent of a system with minors; ADR 0037) */
  minorObjection: z.enum(['', ...MINOR_OBJECTIONS], 'Kies wat het kind of de jongere zelf vindt.'),
  minorObjectionNote: z.string().trim().max(2000, 'Hoogstens 2000 tekens.'),
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
  /** '' when no minor is concerned; required for a minor or a parent of a system with minors */
  minorObjection?: string;
  minorObjectionNote?: string;
};

export function proposalCrossErrors(v: ProposalValues): Record<string, string> {
  const out: Record<string, string> = {};
  if (v.kind === 'CLIENT_MEMBER' && !v.memberId)
    out.memberId = 'Kies het lid van het cliëntsysteem aan wie gedeeld wordt.';
  if (v.kind === 'REPORTING_DUTY' && !v.recipient.trim())
    out.recipient = 'Vul in aan wie gerapporteerd wordt (bv. de opdrachtgever).';
  if (v.ground === 'ACTION_PLAN_GOAL' && !v.goalId) out.goalId = 'Kies het doel van het plan van aanpak.';
  if ((v.minorObjection === 'OBJECTS' || v.minorObjection === 'COULD_NOT_ASK') && !v.minorObjectionNote?.trim())
    out.minorObjectionNote =
      v.minorObjection === 'OBJECTS'
        ? 'Leg uit hoe het bezwaar van het kind of de jongere werd afgewogen.'
        : 'Leg uit waarom het kind of de jongere niet gevraagd kon worden.';
  return out;
}

/**
 * When, how and by whom information was given to a member (issue 12 §4; ADR 0037). `memberGivenAt` is
 * the Brussels wall clock of a datetime-local field ('YYYY-MM-DDTHH:MM'). (Named apart from the
 * feedback form's `givenAt`: field ids follow field names, and both forms can be on one page.)
 */
export const givenSchema = z.object({
  memberGivenAt: z
    .string()
    .trim()
    .min(1, 'Geef aan wanneer je de informatie gaf.')
    .refine((v) => {
      const [d = '', t = ''] = v.split('T');
      return isIsoDate(d) && isClockTime(t.slice(0, 5));
    }, 'Geef een bestaande datum en tijd.'),
  memberGivenHow: z
    .string()
    .trim()
    .min(3, 'Vul in hoe je de informatie gaf (gesprek, telefoon, brief, …).')
    .max(500, 'Hoogstens 500 tekens.'),
});
export type GivenValues = Record<keyof z.input<typeof givenSchema>, string>;
