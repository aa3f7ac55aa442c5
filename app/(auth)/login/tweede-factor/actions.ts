'use server';

import { redirect } from 'next/navigation';
import { z } from '@/lib/validation/zod';
import { currentSession } from '@/lib/auth/session';
import { confirmEnrolment, verifySecondFactor } from '@/lib/auth/second-factor';
import { completePasskeyLogin, passkeyLoginOptions } from '@/lib/auth/passkeys';
import { isAppError } from '@/lib/errors';
import { safeCallbackUrl as safeCallback } from '@/lib/auth/callback-url';
import { formError } from '@/lib/forms/action-error';
import type { FormState } from '@/lib/forms/form-state';

type Values = { code: string; callbackUrl: string };
export type SecondFactorState = FormState<Values> & { recoveryCodes?: string[] };

const input = z.object({
  code: z.string().max(40, 'Te lang.').default(''),
  callbackUrl: z.string().max(500).default('/'),
});

function read(fd: FormData): Values {
  const parsed = input.safeParse({
    code: fd.get('code') ?? undefined,
    callbackUrl: fd.get('callbackUrl') ?? undefined,
  });
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
      return {
        status: 'error',
        message: msg,
        errors: { code: msg },
        values: { ...values, code: '' },
        version: prev.version + 1,
      };
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
    return {
      status: 'saved',
      errors: {},
      values: { ...values, code: '' },
      version: prev.version + 1,
      recoveryCodes: codes,
    };
  } catch (err) {
    return formError(err, { ...values, code: '' }, prev);
  }
}

export type PasskeyAnswer = { ok: true } | { ok: false; message: string };

const failed = (err: unknown): { ok: false; message: string } => {
  if (isAppError(err) && err.code !== 'UNAUTHENTICATED') return { ok: false, message: err.message };
  return { ok: false, message: 'Je sessie is verlopen. Meld je opnieuw aan.' };
};

/** Passkey login, step 1: options for this session's authenticator ceremony. */
export async function passkeyOptionsAction(): Promise<{ ok: true; options: unknown } | { ok: false; message: string }> {
  const session = await currentSession();
  if (!session || session.needs !== 'verify')
    return { ok: false, message: 'Je sessie is verlopen. Meld je opnieuw aan.' };
  try {
    return { ok: true, options: await passkeyLoginOptions(session.token) };
  } catch (err) {
    return failed(err);
  }
}

/** Passkey login, step 2: the browser's answer (checked by the use case and the database). */
export async function passkeyLoginAction(response: unknown): Promise<PasskeyAnswer> {
  const session = await currentSession();
  if (!session || session.needs !== 'verify')
    return { ok: false, message: 'Je sessie is verlopen. Meld je opnieuw aan.' };
  try {
    await completePasskeyLogin(session.token, response);
    return { ok: true };
  } catch (err) {
    return failed(err);
  }
}
