import { z } from '@/lib/validation/zod';

/** Finalising the minutes: optionally with the outcome the referrer reads (not the minutes). */
export const finaliseSchema = z.object({
  referrerOutcome: z
    .string()
    .trim()
    .max(2000, 'Hoogstens 2000 tekens.')
    .refine((v) => v === '' || v.length >= 10, 'Schrijf minstens één zin voor de aanmelder, of laat dit leeg.'),
});
export type FinaliseValues = z.input<typeof finaliseSchema>;

/** The case worker confirms the secrecy before reading feedback (art. 12, 4th para; art. 458ter §2 Sw.). */
export const acknowledgeFeedbackSchema = z.object({
  bevestig: z
    .array(z.string())
    .refine((v) => v.includes('ja'), 'Vink aan dat je de geheimhoudingsplicht kent en naleeft.'),
});
