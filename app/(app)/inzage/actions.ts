'use server';

import { bound } from '@/lib/forms/bound';
import { requireUserId } from '@/lib/auth/session';
import { formError } from '@/lib/forms/action-error';
import { CONTROL_CHARACTER_MESSAGE, controlCharacterErrors } from '@/lib/validation/text';
import { runFormAction, s } from '@/lib/forms/run-action';
import type { FormState } from '@/lib/forms/form-state';
import { findPerson } from '@/lib/gdpr/find-person';
import { rectifyMember } from '@/lib/gdpr/rectify-member';
import type { PersonSearchState, PersonSearchValues } from '@/lib/gdpr/schemas';

type V = Record<string, string | string[]>;

/**
 * The person search answers in the form's state, not through a redirect: a name or national
 * register number must never end up in a URL (or in a server log of URLs).
 */
export async function searchPersonAction(prev: PersonSearchState, fd: FormData): Promise<PersonSearchState> {
  const userId = await requireUserId();
  const str = (k: string) => (typeof fd.get(k) === 'string' ? (fd.get(k) as string) : '');
  const values: PersonSearchValues = {
    nationalNumber: str('nationalNumber'),
    lastName: str('lastName'),
    firstName: str('firstName'),
    dateOfBirth: str('dateOfBirth'),
  };
  const bad = controlCharacterErrors(fd);
  if (Object.keys(bad).length) return { status: 'error', message: CONTROL_CHARACTER_MESSAGE, errors: bad, values, version: prev.version + 1, results: null };
  try {
    const results = await findPerson(userId, values);
    return { status: 'saved', errors: {}, values, version: prev.version + 1, results };
  } catch (err) {
    return { ...formError(err, values, prev), results: null };
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function rectifyMemberAction(overviewMemberId: string, memberId: string, prev: FormState<V>, fd: FormData) {
  await bound({ overviewMemberId, memberId });
  // bound arguments come back from the browser: the use case re-checks memberId; the page to
  // return to must at least be an id
  const back = UUID.test(overviewMemberId) ? overviewMemberId : memberId;
  return runFormAction(
    prev,
    fd,
    (u, v) =>
      rectifyMember(u, memberId, {
        firstName: s(v, 'firstName'),
        lastName: s(v, 'lastName'),
        dateOfBirth: s(v, 'dateOfBirth'),
        sex: s(v, 'sex'),
        nationalNumber: s(v, 'nationalNumber'),
        reason: s(v, 'reason'),
      }),
    `/inzage/${encodeURIComponent(back)}?melding=rechtgezet`,
  );
}
