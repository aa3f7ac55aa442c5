'use server';

import { requireUserId } from '@/lib/auth/session';
import { formError } from '@/lib/forms/action-error';
import { CONTROL_CHARACTER_MESSAGE, controlCharacterErrors } from '@/lib/validation/text';
import { formAction } from '@/lib/forms/form-action';
import { noticeUrl } from '@/lib/forms/notices';
import { findPerson } from '@/lib/gdpr/find-person';
import { rectifyMember } from '@/lib/gdpr/rectify-member';
import { rectifySchema, type PersonSearchState, type PersonSearchValues } from '@/lib/gdpr/schemas';

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
  if (Object.keys(bad).length)
    return {
      status: 'error',
      message: CONTROL_CHARACTER_MESSAGE,
      errors: bad,
      values,
      version: prev.version + 1,
      results: null,
    };
  try {
    const results = await findPerson(userId, values);
    return { status: 'saved', errors: {}, values, version: prev.version + 1, results };
  } catch (err) {
    return { ...formError(err, values, prev), results: null };
  }
}

export const rectifyMemberAction = formAction({
  bound: ['overviewMemberId', 'memberId'],
  schema: rectifySchema,
  run: (u, v, { memberId }) => rectifyMember(u, memberId, v),
  // both ids are checked as UUIDs before anything runs; the use case re-checks memberId
  done: ({ overviewMemberId }) => noticeUrl('gdpr', `/inzage/${overviewMemberId}`, 'rechtgezet'),
});
