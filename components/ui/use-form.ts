'use client';

import { useActionState, useEffect, useRef } from 'react';
import { initialFormState, type FormState } from '@/lib/forms/form-state';

export type FormAction<V> = (prev: FormState<V>, fd: FormData) => Promise<FormState<V>>;

/** useActionState plus focus on the error summary (role=alert) after a failed submit. */
export function useForm<V>(action: FormAction<V>, empty: V) {
  const [state, formAction, pending] = useActionState(action, initialFormState(empty));
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status === 'error') ref.current?.querySelector<HTMLElement>('[role=alert]')?.focus();
  }, [state]);
  return { state, formAction, pending, ref };
}
