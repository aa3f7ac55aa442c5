import type { z } from 'zod';
import { controlCharacterErrorsIn } from './text';

/** zod issues -> { "members.0.firstName": "message" } (the first message per field). */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_form';
    out[key] ??= issue.message;
  }
  return out;
}

export type Validated<T> = { ok: true; data: T } | { ok: false; errors: Record<string, string> };

/**
 * Validates form values: the schema's field errors together with checks that span fields.
 * The cross-field checks run on the raw values, so that all problems are reported at once
 * (zod skips an object's refinements once one of its fields failed).
 */
export function validateForm<S extends z.ZodType, V>(
  schema: S,
  values: V,
  crossFieldErrors: (values: V) => Record<string, string> = () => ({}),
): Validated<z.output<S>> {
  const parsed = schema.safeParse(values);
  const errors = {
    ...crossFieldErrors(values),
    ...(parsed.success ? {} : fieldErrors(parsed.error)),
    // no NUL or other control character anywhere, whatever the schema says
    ...controlCharacterErrorsIn(values),
  };
  if (!parsed.success || Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, data: parsed.data };
}
