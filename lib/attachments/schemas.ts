import { z } from '@/lib/validation/zod';

/** Where an attachment is added from; each way in has its own policy action (ADR 0040). */
export const ATTACHMENT_CONTEXTS = {
  dossier: 'COORDINATOR',
  input: 'PARTNER_INPUT',
  session: 'SESSION',
} as const;
export type AttachmentPlace = keyof typeof ATTACHMENT_CONTEXTS;

/** The form fields of an upload besides the file itself (everything from the browser, parsed). */
export const attachmentMetaSchema = z.object({
  place: z.enum(['dossier', 'input', 'session'], 'Onbekende plaats voor een bijlage.'),
  category: z.coerce
    .number('Kies de categorie van gegevens (art. 15, § 1).')
    .int('Kies de categorie van gegevens (art. 15, § 1).')
    .min(1, 'Kies de categorie van gegevens (art. 15, § 1).')
    .max(14, 'Kies de categorie van gegevens (art. 15, § 1).'),
  concernsMemberId: z.union([z.string().uuid('Ongeldig lid.'), z.literal('')]),
});
export type AttachmentMetaValues = { place: string; category: string; concernsMemberId: string };

/**
 * The name as uploaded, reduced to a file name: no directories, no control characters, at most
 * 200 characters; never used to decide the type (the content does).
 */
export function cleanFileName(raw: string): string {
  // eslint-disable-next-line no-control-regex
  const base = (raw.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return (base || 'bijlage').slice(0, 200);
}
