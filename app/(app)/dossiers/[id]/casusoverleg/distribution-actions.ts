'use server';

import { finaliseMinutes } from '@/lib/distribution/finalise-minutes';
import { distributePlan } from '@/lib/distribution/distribute-plan';
import { finaliseSchema } from '@/lib/distribution/schemas';
import { formAction } from '@/lib/forms/form-action';
import { noticeUrl } from '@/lib/forms/notices';

/** Issue 12 §5 (ADR 0036): finalise the minutes of a case on a session, then distribute the plan. */
export const finaliseAction = formAction({
  bound: ['dossierId', 'agendaItemId'],
  schema: finaliseSchema,
  run: (u, v, { dossierId, agendaItemId }) => finaliseMinutes(u, dossierId, agendaItemId, v),
  done: ({ dossierId }) => noticeUrl('conference', `/dossiers/${dossierId}/casusoverleg`, 'definitief', 'verspreiding'),
});

export const distributeAction = formAction({
  bound: ['dossierId', 'agendaItemId'],
  run: (u, _v, { dossierId, agendaItemId }) => distributePlan(u, dossierId, agendaItemId),
  done: ({ dossierId }) => noticeUrl('conference', `/dossiers/${dossierId}/casusoverleg`, 'verstuurd', 'verspreiding'),
});
