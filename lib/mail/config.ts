import { z } from '@/lib/validation/zod';

/**
 * The mail settings (SMTP_URL, SMTP_FROM, APP_BASE_URL, SMTP_TLS_REJECT_UNAUTHORIZED), apart from
 * the transport so that `npm start` checks them before the database without loading nodemailer.
 */
export const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const schema = z.object({
  SMTP_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .url('moet een smtp://- of smtps://-URL zijn')
      .refine((v) => /^smtps?:\/\//i.test(v), 'moet een smtp://- of smtps://-URL zijn')
      .optional(),
  ),
  SMTP_FROM: z.preprocess(
    emptyToUndefined,
    z.string().min(3).default('Veilig Huis Dossier <no-reply@veiligehuizen.invalid>'),
  ),
  APP_BASE_URL: z.preprocess(emptyToUndefined, z.string().url('moet een http(s)://-URL zijn').optional()),
  SMTP_TLS_REJECT_UNAUTHORIZED: z.preprocess(
    emptyToUndefined,
    z
      .enum(['true', 'false', '1', '0'], 'moet true of false zijn')
      .default('true')
      .transform((v) => v === 'true' || v === '1'),
  ),
});

export type MailConfig = z.infer<typeof schema>;

const issuesOf = (error: z.ZodError) => [
  ...new Set(error.issues.map((i) => `${String(i.path[0] ?? '(env)')}: ${i.message}`)),
];

/** The wrong mail settings as "NAME: message" (never the values); empty when all are right. */
export function mailConfigIssues(source: Record<string, string | undefined>): string[] {
  const result = schema.safeParse(source);
  return result.success ? [] : issuesOf(result.error);
}

/** Parses the mail settings; throws with the names (never the values) of wrong variables. */
export function readMailConfig(source: Record<string, string | undefined> = process.env): MailConfig {
  const result = schema.safeParse(source);
  if (!result.success) throw new Error(`Ongeldige e-mailconfiguratie: ${issuesOf(result.error).join('; ')}`);
  return result.data;
}
