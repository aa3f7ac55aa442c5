import 'server-only';
import { redirect } from 'next/navigation';
import { requireUserId } from '@/lib/auth/session';
import { CONTROL_CHARACTER_MESSAGE, controlCharacterErrors } from '@/lib/validation/text';
import { formError } from './action-error';
import type { FormState } from './form-state';

type Values = Record<string, string | string[]>;

/** FormData -> values: single fields as strings, `multi` fields as string arrays. */
export function formValues(fd: FormData, multi: readonly string[] = []): Values {
  const out: Values = {};
  for (const key of new Set(fd.keys())) {
    if (key.startsWith('$ACTION')) continue;
    out[key] = multi.includes(key)
      ? fd.getAll(key).filter((x): x is string => typeof x === 'string')
      : typeof fd.get(key) === 'string' ? (fd.get(key) as string) : '';
  }
  for (const m of multi) out[m] ??= [];
  return out;
}

/**
 * The body of a server action for a SpecForm: runs one use case for the signed-in user; on an
 * expected error returns it (with the values as typed), on success redirects to `done`.
 */
export async function runFormAction(
  prev: FormState<Values>,
  fd: FormData,
  run: (userId: string, values: Values) => Promise<unknown>,
  done: string,
  multi: readonly string[] = [],
): Promise<FormState<Values>> {
  const userId = await requireUserId();
  const values = formValues(fd, multi);
  const bad = controlCharacterErrors(fd);
  if (Object.keys(bad).length) return { status: 'error', message: CONTROL_CHARACTER_MESSAGE, errors: bad, values, version: prev.version + 1 };
  try {
    await run(userId, values);
  } catch (err) {
    return formError(err, values, prev);
  }
  redirect(done);
}

export const s = (v: Values, k: string) => (typeof v[k] === 'string' ? (v[k] as string) : '');
export const a = (v: Values, k: string) => (Array.isArray(v[k]) ? (v[k] as string[]) : []);
