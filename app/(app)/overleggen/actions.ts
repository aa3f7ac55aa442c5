'use server';

import { bound } from '@/lib/forms/bound';
import { planSession } from '@/lib/conferences/plan-session';
import { inviteOrganisation } from '@/lib/conferences/invite-organisation';
import { setCaseDirector, setIdentityVisibility } from '@/lib/conferences/record-conference';
import { a, runFormAction, s } from '@/lib/forms/run-action';
import type { FormState } from '@/lib/forms/form-state';

type V = Record<string, string | string[]>;

export async function planSessionAction(prev: FormState<V>, fd: FormData) {
  return runFormAction(
    prev,
    fd,
    (u, v) => planSession(u, { date: s(v, 'date'), startTime: s(v, 'startTime'), endTime: s(v, 'endTime'), location: s(v, 'location'), dossierIds: a(v, 'dossierIds') }),
    '/overleggen?melding=gepland',
    ['dossierIds'],
  );
}

export async function inviteAction(sessionId: string, dossierId: string, prev: FormState<V>, fd: FormData) {
  await bound({ sessionId, dossierId });
  return runFormAction(
    prev,
    fd,
    (u, v) => inviteOrganisation(u, dossierId, { sessionId, addresseeUserId: s(v, 'addresseeUserId'), reason: s(v, 'reason'), reasonNote: s(v, 'reasonNote') }),
    `/overleggen/${sessionId}?melding=uitgenodigd`,
  );
}

export async function identityAction(sessionId: string, dossierId: string, participantId: string, prev: FormState<V>, fd: FormData) {
  await bound({ sessionId, dossierId, participantId });
  return runFormAction(
    prev,
    fd,
    (u, v) => setIdentityVisibility(u, dossierId, participantId, s(v, 'show') === 'ja', s(v, 'identityReason')),
    `/overleggen/${sessionId}?melding=identiteit`,
  );
}

export async function caseDirectorAction(sessionId: string, dossierId: string, participantId: string, prev: FormState<V>, fd: FormData) {
  await bound({ sessionId, dossierId, participantId });
  return runFormAction(prev, fd, (u) => setCaseDirector(u, dossierId, participantId), `/overleggen/${sessionId}?melding=casusregisseur`);
}
