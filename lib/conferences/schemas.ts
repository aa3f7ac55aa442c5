import { z } from '@/lib/validation/zod';
import { isCalendarDate, isClockTime, isIsoDate } from '@/lib/time';

const uuid = (msg: string) => z.string().uuid(msg);

export const planSessionSchema = z.object({
  // the use case bounds it (not in the past, at most two years ahead)
  date: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Kies de datum van het overleg.')
    .refine((v) => isCalendarDate(v), 'Deze datum bestaat niet.'),
  startTime: z
    .string()
    .trim()
    .regex(/^\d{2}:\d{2}$/, 'Geef het beginuur (uu:mm).')
    .refine((v) => isClockTime(v), 'Geef een bestaand uur (00:00 tot 23:59).'),
  endTime: z
    .string()
    .trim()
    .regex(/^\d{2}:\d{2}$/, 'Geef het einduur (uu:mm).')
    .refine((v) => isClockTime(v), 'Geef een bestaand uur (00:00 tot 23:59).'),
  location: z
    .string()
    .trim()
    .min(3, 'Geef de plaats of de link van het online overleg.')
    .max(200, 'Hoogstens 200 tekens.'),
  dossierIds: z.array(uuid('Ongeldige casus.')).min(1, 'Zet minstens één casus op de agenda.').max(20),
});
export type PlanSessionValues = {
  date: string;
  startTime: string;
  endTime: string;
  location: string;
  dossierIds: string[];
};

export const inviteSchema = z.object({
  sessionId: uuid('Kies het overleg.'),
  addresseeUserId: uuid('Kies wie de uitnodiging ontvangt.'),
  reason: z.enum(['INVOLVEMENT', 'EXPERTISE'], 'Kies de reden van de uitnodiging.'),
  reasonNote: z.string().trim().max(500, 'Hoogstens 500 tekens.'),
});
export type InviteValues = Record<keyof z.input<typeof inviteSchema>, string>;

export const respondSchema = z.discriminatedUnion('answer', [
  z.object({
    answer: z.literal('accept'),
    attendeeUserId: uuid('Kies wie deelneemt aan het overleg.'),
    attendance: z.enum(
      ['CASE_WORKER', 'STANDING_DELEGATE'],
      'Kies of de deelnemer de rechtstreeks betrokken medewerker of een vaste afgevaardigde is.',
    ),
  }),
  z.object({ answer: z.literal('decline'), declineNote: z.string().trim().max(500, 'Hoogstens 500 tekens.') }),
]);
export type RespondValues = { answer: string; attendeeUserId: string; attendance: string; declineNote: string };

export const informationItemSchema = z.object({
  category: z.coerce
    .number()
    .int()
    .min(1, 'Kies de categorie van gegevens (art. 15, § 1).')
    .max(14, 'Kies de categorie van gegevens (art. 15, § 1).'),
  concernsMemberId: z.union([uuid('Ongeldig lid.'), z.literal('')]),
  content: z.string().trim().min(3, 'Vul de informatie in.').max(5000, 'Hoogstens 5000 tekens.'),
});
export type InformationItemValues = { category: string; concernsMemberId: string; content: string };

export const minutesSchema = z.object({ minutes: z.string().max(50_000, 'Het verslag is te lang.') });
export const decisionTextSchema = z.object({ text: z.string().trim().min(3, 'Vul de beslissing in.').max(2000) });
/** The action plan's forms live with its use cases (lib/plan; ADR 0034). */
export { goalSchema, planActionSchema } from '@/lib/plan/schemas';
export const feedbackSchema = z.object({
  caseWorkerUserId: uuid('Kies de medewerker aan wie je terugkoppelde.'),
  givenAt: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Geef de datum van de terugkoppeling.')
    .refine((v) => isIsoDate(v), 'Deze datum bestaat niet.'),
  note: z.string().trim().max(2000, 'Hoogstens 2000 tekens.'),
});

/** The invitation form: the session comes from the page (a bound argument), not from a field. */
export const inviteFormSchema = inviteSchema.omit({ sessionId: true });
/** Show or hide identities to an expert: 'ja'/'nee' (parsed at the edge) and the reason to show. */
export const identitySchema = z.object({
  show: z.enum(['ja', 'nee'], 'Kies ja of nee.'),
  identityReason: z.string().max(500, 'Hoogstens 500 tekens.'),
});
/** Art. 14 §1: the participant ticks that they know and keep the secrecy. */
export const acknowledgeSchema = z.object({ bevestig: z.array(z.string()).max(1) });

/** Closing a session is final (art. 13; ADR 0033): the coordinator confirms it explicitly. */
export const closeSessionSchema = z.object({
  confirm: z
    .array(z.literal('ja', 'Bevestig dat je het overleg afsluit.'))
    .min(1, 'Bevestig dat je het overleg afsluit: daarna kan niemand nog informatie inbrengen of stemmen.'),
});
