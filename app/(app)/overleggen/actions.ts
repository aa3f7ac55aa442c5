'use server';

import { planSession } from '@/lib/conferences/plan-session';
import { openSession } from '@/lib/conferences/open-session';
import { closeSession } from '@/lib/conferences/close-session';
import { inviteOrganisation } from '@/lib/conferences/invite-organisation';
import { setCaseDirector, setIdentityVisibility } from '@/lib/conferences/record-conference';
import { closeSessionSchema, identitySchema, inviteFormSchema, planSessionSchema } from '@/lib/conferences/schemas';
import { formAction } from '@/lib/forms/form-action';
import { invalid } from '@/lib/errors';
import { validateForm } from '@/lib/validation/form';
import { noticeUrl } from '@/lib/forms/notices';
import { yesNo } from '@/lib/validation/yes-no';

export const planSessionAction = formAction({
  bound: [],
  schema: planSessionSchema,
  run: (u, v) => planSession(u, v),
  done: () => noticeUrl('sessions', '/overleggen', 'gepland'),
});

export const inviteAction = formAction({
  bound: ['sessionId', 'dossierId'],
  schema: inviteFormSchema,
  run: (u, v, { sessionId, dossierId }) => inviteOrganisation(u, dossierId, { ...v, sessionId }),
  done: ({ sessionId }) => noticeUrl('session', `/overleggen/${sessionId}`, 'uitgenodigd'),
});

export const identityAction = formAction({
  bound: ['sessionId', 'dossierId', 'participantId'],
  schema: identitySchema,
  // 'ja'/'nee' from the form becomes a boolean here, at the edge
  run: (u, v, { dossierId, participantId }) =>
    setIdentityVisibility(u, dossierId, participantId, yesNo(v.show, 'show'), v.identityReason),
  done: ({ sessionId }) => noticeUrl('session', `/overleggen/${sessionId}`, 'identiteit'),
});

export const caseDirectorAction = formAction({
  bound: ['sessionId', 'dossierId', 'participantId'],
  run: (u, _v, { dossierId, participantId }) => setCaseDirector(u, dossierId, participantId),
  done: ({ sessionId }) => noticeUrl('session', `/overleggen/${sessionId}`, 'casusregisseur'),
});

export const openSessionAction = formAction({
  bound: ['sessionId'],
  run: (u, _v, { sessionId }) => openSession(u, sessionId),
  done: ({ sessionId }) => noticeUrl('session', `/overleggen/${sessionId}`, 'geopend'),
});

export const closeSessionAction = formAction({
  bound: ['sessionId'],
  schema: closeSessionSchema,
  // closing is final: only with the explicit confirmation (the form only reads the schema)
  run: (u, v, { sessionId }) => {
    const parsed = validateForm(closeSessionSchema, v);
    if (!parsed.ok) throw invalid('Het overleg is niet afgesloten.', parsed.errors);
    return closeSession(u, sessionId);
  },
  done: ({ sessionId }) => noticeUrl('session', `/overleggen/${sessionId}`, 'afgesloten'),
});
