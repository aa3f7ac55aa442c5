'use server';

import { formAction } from '@/lib/forms/form-action';
import { noticeUrl } from '@/lib/forms/notices';
import { runSearchAction } from '@/lib/forms/search-action';
import { findPerson } from '@/lib/gdpr/find-person';
import { rectifyMember } from '@/lib/gdpr/rectify-member';
import { rectifySchema, type PersonSearchState } from '@/lib/gdpr/schemas';

/** The person search: answers in the form's state, never in a URL (lib/forms/search-action.ts). */
export async function searchPersonAction(prev: PersonSearchState, fd: FormData): Promise<PersonSearchState> {
  const { found, ...state } = await runSearchAction(
    prev,
    fd,
    ['nationalNumber', 'lastName', 'firstName', 'dateOfBirth'],
    findPerson,
  );
  return { ...state, results: found };
}

export const rectifyMemberAction = formAction({
  bound: ['overviewMemberId', 'memberId'],
  schema: rectifySchema,
  run: (u, v, { memberId }) => rectifyMember(u, memberId, v),
  // both ids are checked as UUIDs before anything runs; the use case re-checks memberId
  done: ({ overviewMemberId }) => noticeUrl('gdpr', `/inzage/${overviewMemberId}`, 'rechtgezet'),
});
