'use server';

import { decideTransfer } from '@/lib/transfers/decide-transfer';
import { formAction } from '@/lib/forms/form-action';
import { noticeUrl } from '@/lib/forms/notices';
import { z } from '@/lib/validation/zod';

const noteSchema = z.object({ note: z.string() });
const DECISIONS = ['accept', 'reject', 'cancel'] as const;
const isDecision = (d: string): d is (typeof DECISIONS)[number] => (DECISIONS as readonly string[]).includes(d);

export const decideTransferAction = formAction({
  bound: ['requestId', 'decision'],
  schema: noteSchema,
  // the decision is a bound code: the use case refuses anything but the three (not found)
  run: (u, v, { requestId, decision }) => decideTransfer(u, requestId, decision, v.note),
  done: ({ decision }) => noticeUrl('transfers', '/overdrachten', isDecision(decision) ? decision : 'accept'),
});
