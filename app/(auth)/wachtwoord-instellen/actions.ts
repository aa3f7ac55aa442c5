'use server';

import { redirect } from 'next/navigation';
import { acceptInvitation } from '@/lib/auth/invitation';
import { formError } from '@/lib/forms/action-error';
import type { FormState } from '@/lib/forms/form-state';

type Values = Record<string, never>;

/**
 * Sets the password with the invitation's token (bound to the form). The typed passwords never
 * come back in the answer; on success the user signs in, then enrols the second factor.
 */
export async function setPasswordAction(
  token: string,
  prev: FormState<Values>,
  fd: FormData,
): Promise<FormState<Values>> {
  const read = (k: string) => (typeof fd.get(k) === 'string' ? (fd.get(k) as string) : '');
  try {
    await acceptInvitation(token, { password: read('password'), repeat: read('repeat') });
  } catch (err) {
    return formError(err, {} as Values, prev);
  }
  redirect('/login?fout=wachtwoord');
}
