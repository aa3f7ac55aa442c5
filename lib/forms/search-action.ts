import 'server-only';
import { requireUserId } from '@/lib/auth/session';
import { CONTROL_CHARACTER_MESSAGE, controlCharacterErrors } from '@/lib/validation/text';
import { formError } from './action-error';
import type { FormState } from './form-state';

/**
 * The body of a search form's action (the dossier search, the GDPR person search). It answers in
 * the form's state, not through a redirect or a GET: a name, a birth date or a national register
 * number must never end up in a URL (or a server log of URLs). Reads the named fields, refuses
 * control characters, runs the search and returns the state with what was found (`found`; null
 * on an error). The use case parses the terms with zod and answers Dutch messages per field.
 */
export async function runSearchAction<V extends { [K in keyof V]: string }, R>(
  prev: FormState<V>,
  fd: FormData,
  fields: readonly (keyof V & string)[],
  search: (userId: string, values: V) => Promise<R>,
): Promise<FormState<V> & { found: R | null }> {
  const userId = await requireUserId();
  const str = (k: string) => (typeof fd.get(k) === 'string' ? (fd.get(k) as string) : '');
  const values = Object.fromEntries(fields.map((k) => [k, str(k)])) as V;
  const bad = controlCharacterErrors(fd);
  if (Object.keys(bad).length)
    return {
      status: 'error',
      message: CONTROL_CHARACTER_MESSAGE,
      errors: bad,
      values,
      version: prev.version + 1,
      found: null,
    };
  try {
    const found = await search(userId, values);
    return { status: 'saved', errors: {}, values, version: prev.version + 1, found };
  } catch (err) {
    return { ...formError(err, values, prev), found: null };
  }
}
