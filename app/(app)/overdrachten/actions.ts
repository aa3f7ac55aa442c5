'use server';

import { bound } from '@/lib/forms/bound';
import { decideTransfer } from '@/lib/transfers/decide-transfer';
import { runFormAction, s } from '@/lib/forms/run-action';
import type { FormState } from '@/lib/forms/form-state';

type V = Record<string, string | string[]>;

export async function decideTransferAction(requestId: string, decision: 'accept' | 'reject' | 'cancel', prev: FormState<V>, fd: FormData) {
  await bound({ requestId, decision });
  return runFormAction(prev, fd, (u, v) => decideTransfer(u, requestId, decision, s(v, 'note')), `/overdrachten?melding=${decision}`);
}
