'use server';

import { requireUserId } from '@/lib/auth/session';
import { formError } from '@/lib/forms/action-error';
import { CONTROL_CHARACTER_MESSAGE, controlCharacterErrors } from '@/lib/validation/text';
import { searchDossiers } from '@/lib/search/search-dossiers';
import type { SearchState, SearchValues } from '@/lib/search/schemas';

/**
 * The dossier search answers in the form's state, not through a redirect or a GET: a name, a
 * birth date or a national register number must never end up in a URL (or a server log of URLs).
 * The use case parses the terms with zod and answers Dutch messages per field.
 */
export async function searchDossiersAction(prev: SearchState, fd: FormData): Promise<SearchState> {
  const userId = await requireUserId();
  const str = (k: string) => (typeof fd.get(k) === 'string' ? (fd.get(k) as string) : '');
  const values: SearchValues = {
    reference: str('reference'),
    name: str('name'),
    dateOfBirth: str('dateOfBirth'),
    nationalNumber: str('nationalNumber'),
  };
  const bad = controlCharacterErrors(fd);
  if (Object.keys(bad).length)
    return {
      status: 'error',
      message: CONTROL_CHARACTER_MESSAGE,
      errors: bad,
      values,
      version: prev.version + 1,
      result: null,
    };
  try {
    const result = await searchDossiers(userId, values);
    return { status: 'saved', errors: {}, values, version: prev.version + 1, result };
  } catch (err) {
    return { ...formError(err, values, prev), result: null };
  }
}
