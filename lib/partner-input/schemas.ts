import { z } from '@/lib/validation/zod';
import { validateForm } from '@/lib/validation/form';

/** Art. 11, 2nd para: written, objective input — only what is necessary to decide the follow-up. */
export const partnerInputSchema = z.object({
  knownStatus: z.enum(
    ['KNOWN', 'PREVIOUSLY_KNOWN', 'NOT_KNOWN'],
    'Geef aan of het cliëntsysteem bij jullie gekend is.',
  ),
  trajectory: z.string().trim().max(3000, 'Hoogstens 3000 tekens.'),
  trajectoryProgress: z.string().trim().max(3000, 'Hoogstens 3000 tekens.'),
  viewOnFollowUp: z
    .string()
    .trim()
    .min(10, 'Geef jullie visie op de opvolging in het Veilig Huis (minstens 10 tekens).')
    .max(3000, 'Hoogstens 3000 tekens.'),
});
export type PartnerInputValues = Record<keyof z.input<typeof partnerInputSchema>, string>;

export const validatePartnerInput = (values: PartnerInputValues) =>
  validateForm(partnerInputSchema, values, (v): Record<string, string> =>
    (v.knownStatus === 'KNOWN' || v.knownStatus === 'PREVIOUSLY_KNOWN') && !v.trajectory.trim()
      ? { trajectory: 'Beschrijf kort het (vroegere) traject bij jullie organisatie.' }
      : {},
  );

/** Closing the input round before its deadline needs a reason (recorded on the dossier, logged). */
export const closeRoundSchema = z.object({
  reason: z
    .string()
    .trim()
    .min(10, 'Geef een reden om de vraag om aanvulling vroeger af te sluiten (minstens 10 tekens).')
    .max(2000, 'Hoogstens 2000 tekens.'),
});
export type CloseRoundValues = Record<keyof z.input<typeof closeRoundSchema>, string>;
