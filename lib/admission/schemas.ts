import { isIsoDate } from '@/lib/time';
import { z } from '@/lib/validation/zod';
import { RISK_LEVELS } from '@/lib/referrals/schemas';
import { validateForm } from '@/lib/validation/form';

const reason = (what: string) =>
  z.string().trim().min(1, `Geef een reden voor ${what}.`).max(5000, 'Hoogstens 5000 tekens.');
/** 'ja'/'nee' from the form, a boolean from here on */
const met = z.enum(['ja', 'nee'], 'Geef aan of dit criterium vervuld is.').transform((v) => v === 'ja');

export const DECISIONS = [
  'REFER_TO_REGULAR_CARE',
  'ATTACH_TO_EXISTING_CARE',
  'START_TRAJECTORY',
  'NOT_ADMISSIBLE',
] as const;

/** The art. 5 check: each of the three criteria met or not, with its reason; all three for a trajectory. */
export const decisionSchema = z.object({
  criterion1Met: met,
  criterion1Reason: reason('criterium 1'),
  criterion2Met: met,
  criterion2Reason: reason('criterium 2'),
  criterion3Met: met,
  criterion3Reason: reason('criterium 3'),
  riskLevel: z.enum(RISK_LEVELS, 'Kies het risiconiveau van je eigen risico-inschatting.'),
  riskAssessment: z.string().trim().min(10, 'Beschrijf je risico-inschatting (minstens 10 tekens).').max(5000),
  decision: z.enum(DECISIONS, 'Kies een beslissing.'),
  decisionReasons: z
    .string()
    .trim()
    .min(10, 'Motiveer de beslissing (minstens 10 tekens); de aanmelder krijgt deze motivering te zien.')
    .max(5000),
});
export type DecisionValues = Record<keyof z.input<typeof decisionSchema>, string>;

export const validateDecision = (values: DecisionValues) =>
  validateForm(decisionSchema, values, (d): Record<string, string> => {
    const allMet = d.criterion1Met === 'ja' && d.criterion2Met === 'ja' && d.criterion3Met === 'ja';
    return d.decision === 'START_TRAJECTORY' && !allMet
      ? {
          decision:
            'Een traject in het Veilig Huis kan enkel starten als alle drie de criteria van art. 5 vervuld zijn.',
        }
      : {};
  });

export const consultationSchema = z.object({
  agency: z.enum(['VK', 'OCJ'], 'Kies de gemandateerde voorziening (VK of OCJ).'),
  agencyName: z.string().trim().min(2, 'Vul de naam van de voorziening in.').max(200),
  consultedPerson: z.string().trim().min(2, 'Vul in wie je geconsulteerd hebt.').max(200),
  consultedAt: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Geef de datum van het overleg.')
    .refine((v) => isIsoDate(v), 'Deze datum bestaat niet.'),
  view: z.string().trim().min(10, 'Beschrijf het standpunt van de voorziening (minstens 10 tekens).').max(5000),
});
export type ConsultationValues = Record<keyof z.input<typeof consultationSchema>, string>;
