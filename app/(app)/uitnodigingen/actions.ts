'use server';

import { respondToInvitation } from '@/lib/conferences/respond-to-invitation';
import { acknowledgeSecrecy } from '@/lib/conferences/acknowledge-secrecy';
import { acknowledgeSchema, respondSchema } from '@/lib/conferences/schemas';
import { invalid } from '@/lib/errors';
import { formAction } from '@/lib/forms/form-action';
import { noticeUrl } from '@/lib/forms/notices';

export const respondAction = formAction({
  bound: ['invitationId'],
  schema: respondSchema,
  run: (u, v, { invitationId }) => respondToInvitation(u, invitationId, v),
  done: () => noticeUrl('invitations', '/uitnodigingen', 'beantwoord'),
});

export const acknowledgeAction = formAction({
  bound: ['participationId'],
  schema: acknowledgeSchema,
  run: async (u, v, { participationId }) => {
    if (!v.bevestig.includes('ja')) {
      throw invalid('Bevestig de geheimhoudingsplicht om verder te gaan.', {
        bevestig: 'Vink aan dat je de geheimhoudingsplicht kent en naleeft.',
      });
    }
    return acknowledgeSecrecy(u, participationId);
  },
  done: () => noticeUrl('invitations', '/uitnodigingen', 'bevestigd'),
});
