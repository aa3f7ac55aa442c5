import { z } from '@/lib/validation/zod';

export const MAX_RETENTION_YEARS = 30;
export const DEFAULT_RETENTION_YEARS = 15;
export const EXTENSION_GROUNDS = ['HONOUR_RELATED_VIOLENCE', 'OTHER_FORM_OF_VIOLENCE', 'VERY_SERIOUS_FACTS'] as const;

export const extensionSchema = z.object({
  years: z.coerce
    .number('Geef het aantal jaren.')
    .int('Geef een geheel aantal jaren.')
    .min(DEFAULT_RETENTION_YEARS + 1, `Een verlenging is langer dan ${DEFAULT_RETENTION_YEARS} jaar.`)
    .max(MAX_RETENTION_YEARS, `De bewaartermijn kan hoogstens ${MAX_RETENTION_YEARS} jaar zijn (art. 15, § 3).`),
  ground: z.enum(EXTENSION_GROUNDS, 'Kies de grond voor de verlenging.'),
  groundNote: z.string().trim().min(5, 'Licht de grond toe (minstens 5 tekens).').max(1000),
});
export type ExtensionValues = { years: string; ground: string; groundNote: string };

export const closeSchema = z.object({
  closedOn: z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, 'Geef de datum van de afrondingstafel.'),
  reasons: z.string().trim().min(10, 'Geef de redenen van de afsluiting (minstens 10 tekens).').max(3000),
  extensionId: z.union([z.string().uuid(), z.literal('')]),
});
export type CloseValues = { closedOn: string; reasons: string; extensionId: string };

/** The end of the retention term: `years` after the closure date. */
export function retentionEnd(closedAt: Date, years: number): Date {
  const d = new Date(closedAt);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d;
}
