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
  agendaItemId: z.string().uuid('Kies het overleg dat de afrondingstafel is.'),
});
export type ExtensionValues = { years: string; ground: string; groundNote: string; agendaItemId: string };

export const closeSchema = z.object({
  agendaItemId: z.string().uuid('Kies het overleg dat de afrondingstafel was.'),
  reasons: z.string().trim().min(10, 'Geef de redenen van de afsluiting (minstens 10 tekens).').max(3000),
  years: z.coerce
    .number('Geef de bewaartermijn in jaren.')
    .int('Geef een geheel aantal jaren.')
    .min(1, 'De bewaartermijn is minstens 1 jaar.')
    .max(
      DEFAULT_RETENTION_YEARS,
      `Zonder verlenging met consensus is de bewaartermijn hoogstens ${DEFAULT_RETENTION_YEARS} jaar (art. 15, § 3).`,
    ),
  shorterReason: z.string().trim().max(1000),
  extensionId: z.union([z.string().uuid(), z.literal('')]),
});
export type CloseValues = {
  agendaItemId: string;
  reasons: string;
  years: string;
  shorterReason: string;
  extensionId: string;
};

export function closeCrossErrors(v: CloseValues): Record<string, string> {
  const years = Number(v.years);
  if (
    !v.extensionId &&
    Number.isInteger(years) &&
    years < DEFAULT_RETENTION_YEARS &&
    v.shorterReason.trim().length < 5
  ) {
    return { shorterReason: 'Geef de reden voor een kortere bewaartermijn (minstens 5 tekens).' };
  }
  return {};
}

/**
 * The end of the retention term: `years` after the closure moment. A 29 February ends on
 * 28 February (as PostgreSQL adds years), never later than the term allows.
 */
export function retentionEnd(closedAt: Date, years: number): Date {
  const d = new Date(closedAt);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  if (d.getUTCDate() !== closedAt.getUTCDate()) d.setUTCDate(0);
  return d;
}
