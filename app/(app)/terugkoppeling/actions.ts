'use server';

import { acknowledgeFeedbackSecrecy } from '@/lib/distribution/feedback';
import { acknowledgeFeedbackSchema } from '@/lib/distribution/schemas';
import { formAction } from '@/lib/forms/form-action';
import { noticeUrl } from '@/lib/forms/notices';

/** Art. 12, 4th para: the case worker confirms the secrecy of art. 458ter §2 Sw., then reads the feedback. */
export const acknowledgeFeedbackAction = formAction({
  bound: ['feedbackId'],
  schema: acknowledgeFeedbackSchema,
  run: (u, v, { feedbackId }) => acknowledgeFeedbackSecrecy(u, feedbackId, v),
  done: ({ feedbackId }) => noticeUrl('feedback', '/terugkoppeling', 'bevestigd', `terugkoppeling-${feedbackId}`),
});
