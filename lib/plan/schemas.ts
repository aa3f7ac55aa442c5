import { z } from '@/lib/validation/zod';
import { isIsoDate } from '@/lib/time';

const uuid = (msg: string) => z.string().uuid(msg);
const dueDate = z.union([
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Geef een geldige datum.')
    .refine((v) => isIsoDate(v), 'Deze datum bestaat niet.'),
  z.literal(''),
]);

export const goalSchema = z.object({ title: z.string().trim().min(3, 'Geef de doelstelling een titel.').max(300) });

/** A new action: goal, what, which organisation (and optionally which of its participants), by when. */
export const planActionSchema = z.object({
  goalId: uuid('Kies de doelstelling.'),
  description: z.string().trim().min(3, 'Beschrijf de actie.').max(1000, 'Hoogstens 1000 tekens.'),
  ownerOrganisationId: uuid('Kies de verantwoordelijke organisatie.'),
  /** '' = the organisation as a whole */
  ownerUserId: z.union([uuid('Kies een deelnemer van die organisatie.'), z.literal('')]).optional(),
  dueDate,
});
export type PlanActionValues = {
  goalId: string;
  description: string;
  ownerOrganisationId: string;
  ownerUserId?: string;
  dueDate: string;
};

/** Changing an open action: everything but its goal. */
export const planActionChangeSchema = planActionSchema.omit({ goalId: true });
export type PlanActionChangeValues = Omit<PlanActionValues, 'goalId'>;

/** Closing an action: done (a note is optional for the director) or cancelled (a reason is required). */
export const closePlanActionSchema = z
  .object({
    outcome: z.enum(['DONE', 'CANCELLED'], 'Kies afgerond of geannuleerd.'),
    note: z.string().trim().max(2000, 'Hoogstens 2000 tekens.'),
  })
  .refine((v) => v.outcome !== 'CANCELLED' || v.note.length >= 3, {
    path: ['note'],
    message: 'Geef de reden waarom de actie geannuleerd wordt.',
  });
export type ClosePlanActionValues = { outcome: string; note: string };

/** The owner marks their own action done: always with a note (what was done). */
export const completeOwnSchema = z.object({
  note: z.string().trim().min(3, 'Beschrijf kort wat er gedaan is.').max(2000, 'Hoogstens 2000 tekens.'),
});
export type CompleteOwnValues = { note: string };
