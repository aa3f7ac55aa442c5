'use server';

import { redirect } from 'next/navigation';
import { z } from '@/lib/validation/zod';
import { currentSession } from '@/lib/auth/session';
import { confirmEnrolment, verifySecondFactor } from '@/lib/auth/second-factor';
import { formError } from '@/lib/forms/action-error';
import type { FormState } from '@/lib/forms/form-state';

type Values = { code: string; callbackUrl: string };
export type SecondFactorState = FormState<Values> & { recoveryCodes?: string[] };

const input = z.object({
  code: z.string().max(40, 'Te lang.').default(''),
  callbackUrl: z.string().max(500).default('/'),
});

/** Only same-site paths are followed after login. */
const safeCallback = (v: string) => (v.startsWith('/') && !v.startsWith('//') && !v.startsWith('/login') ? v : '/');

function read(fd: FormData): Values {
  const parsed = input.safeParse({ code: fd.get('code') ?? undefined, callbackUrl: fd.get('callbackUrl') ?? undefined });
  return parsed.success ? parsed.data : { code: '', callbackUrl: '/' };
}

export async function verifyAction(prev: SecondFactorState, fd: FormData): Promise<SecondFactorState> {
  const values = read(fd);
  const session = await currentSession();
  if (!session) redirect('/login?fout=sessie');
  try {
    const result = await verifySecondFactor(session.token, values.code);
    if (!result.ok) {
      const msg = `Te veel foute codes. Probeer opnieuw over ${result.retryAfterSeconds} seconden.`;
      return { status: 'error', message: msg, errors: { code: msg }, values: { ...values, code: '' }, version: prev.version + 1 };
    }
  } catch (err) {
    return formError(err, { ...values, code: '' }, prev);
  }
  redirect(safeCallback(values.callbackUrl));
}

export async function enrolAction(prev: SecondFactorState, fd: FormData): Promise<SecondFactorState> {
  const values = read(fd);
  const session = await currentSession();
  if (!session) redirect('/login?fout=sessie');
  try {
    const codes = await confirmEnrolment(session.token, values.code);
    return { status: 'saved', errors: {}, values: { ...values, code: '' }, version: prev.version + 1, recoveryCodes: codes };
  } catch (err) {
    return formError(err, { ...values, code: '' }, prev);
  }
}
