'use server';

import { bound } from '@/lib/forms/bound';
import { respondToInvitation } from '@/lib/conferences/respond-to-invitation';
import { acknowledgeSecrecy } from '@/lib/conferences/acknowledge-secrecy';
import { a, runFormAction, s } from '@/lib/forms/run-action';
import { invalid } from '@/lib/errors';
import type { FormState } from '@/lib/forms/form-state';

type V = Record<string, string | string[]>;

export async function respondAction(invitationId: string, prev: FormState<V>, fd: FormData) {
  await bound({ invitationId });
  return runFormAction(
    prev,
    fd,
    (u, v) => respondToInvitation(u, invitationId, { answer: s(v, 'answer'), attendeeUserId: s(v, 'attendeeUserId'), attendance: s(v, 'attendance'), declineNote: s(v, 'declineNote') }),
    '/uitnodigingen?melding=beantwoord',
  );
}

export async function acknowledgeAction(participationId: string, prev: FormState<V>, fd: FormData) {
  await bound({ participationId });
  return runFormAction(
    prev,
    fd,
    async (u, v) => {
      if (!(a(v, 'bevestig').includes('ja'))) {
        throw invalid('Bevestig het beroepsgeheim om verder te gaan.', { bevestig: 'Vink aan dat je het beroepsgeheim kent en naleeft.' });
      }
      return acknowledgeSecrecy(u, participationId);
    },
    '/uitnodigingen?melding=bevestigd',
    ['bevestig'],
  );
}
