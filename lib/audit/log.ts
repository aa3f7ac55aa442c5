import type { Prisma } from '@/lib/generated/prisma/client';
import type { Actor } from '@/lib/access/actor';
import { roleLabelList } from '@/lib/access/actor';
import { invalid } from '@/lib/errors';
import type { AuditAction, Purpose } from './vocabulary';

/**
 * The access log (memorandum to art. 15: who had access to which data, when, what they did and
 * why). One row per read of dossier content and per change, appended in the same transaction
 * through the SECURITY DEFINER function audit_append, which chains each row to the previous
 * one by hash. The app role cannot update or delete rows. Free fields carry no personal data:
 * ids and codes only, and a user's stated reason is checked for obvious identifiers.
 */
export interface AuditInput {
  /** what was done: a policy action or a system event, each with its Dutch label (./vocabulary.ts) */
  action: AuditAction;
  objectType: string;
  objectId?: string | null;
  dossierId?: string | null;
  safeHouseId?: string | null;
  /** why: the purpose of the processing (./vocabulary.ts), not the name of a function */
  purpose: Purpose;
  /** why, in the user's words, where they stated a reason */
  reason?: string | null;
  outcome: 'ALLOWED' | 'DENIED';
}

const PERSONAL_PATTERNS: { re: RegExp; what: string }[] = [
  { re: /[\w.+-]+@[\w-]+\.[\w.]+/, what: 'een e-mailadres' },
  { re: /\d{2}[.\- ]?\d{2}[.\- ]?\d{2}[.\- ]?\d{3}[.\- ]?\d{2}/, what: 'een rijksregisternummer' },
  { re: /(\+|00)?\d[\d /.-]{7,}\d/, what: 'een telefoonnummer' },
];

/** Checks a free-text reason before it goes into the log. Returns the cleaned text. */
export function cleanReason(reason: string | null | undefined): string | null {
  if (reason == null) return null;
  // eslint-disable-next-line no-control-regex
  const text = reason.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  if (!text) return null;
  if (text.length > 500)
    throw invalid('De reden mag hoogstens 500 tekens tellen.', { reason: 'Hoogstens 500 tekens.' });
  for (const p of PERSONAL_PATTERNS) {
    if (p.re.test(text)) {
      const msg = `De reden lijkt ${p.what} te bevatten. Het toegangslog mag geen persoonsgegevens bevatten.`;
      throw invalid(msg, { reason: msg });
    }
  }
  return text;
}

export async function recordAudit(tx: Prisma.TransactionClient, actor: Actor | null, e: AuditInput): Promise<bigint> {
  const reason = cleanReason(e.reason);
  const rows = await tx.$queryRaw<{ seq: bigint }[]>`SELECT audit_append(
    ${actor?.userId ?? null}::uuid, ${actor?.organisationId ?? null}::uuid, ${actor ? roleLabelList(actor) : ''},
    ${e.safeHouseId ?? null}::uuid, ${e.action}, ${e.objectType}, ${e.objectId ?? null}, ${e.dossierId ?? null}::uuid,
    ${e.purpose}, ${reason}, ${e.outcome}) AS seq`;
  return rows[0]!.seq;
}
