import 'server-only';
import { invalid } from '@/lib/errors';
import { fieldErrors } from '@/lib/validation/form';
import type { z } from 'zod';

/** zod's answer as a VALIDATION error with Dutch messages per field. */
export function parseOrInvalid<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw invalid('Controleer de gemarkeerde velden.', fieldErrors(parsed.error));
  return parsed.data;
}

const text = (err: unknown) => {
  const e = err as { message?: unknown; code?: unknown; meta?: unknown; cause?: unknown };
  return `${String(e?.message ?? '')} ${String(e?.code ?? '')} ${JSON.stringify(e?.meta ?? {})} ${String((e?.cause as { message?: unknown })?.message ?? '')}`;
};

/** The database's refusal of a role combination (trigger "RoleAssignment_combination"). */
export const isRoleCombinationRefusal = (err: unknown) => text(err).includes('role combination refused');

/** A unique violation (Prisma P2002, PostgreSQL 23505). */
export const isUniqueViolation = (err: unknown) => /P2002|23505|Unique constraint/i.test(text(err));
