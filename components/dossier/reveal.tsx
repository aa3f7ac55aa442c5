'use client';

import { useActionState, useId, useState } from 'react';

export interface RevealState {
  value?: string;
  error?: string;
}

/**
 * A masked personal datum (national number, address and phone): shown only after the user gives
 * a reason, which is logged (ADR 0017). The value lives in this component's state only — never in
 * the URL — and is gone on the next page load.
 */
export function Reveal({
  label,
  action,
  masked = '••••••',
}: {
  label: string;
  action: (prev: RevealState, fd: FormData) => Promise<RevealState>;
  masked?: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const [open, setOpen] = useState(false);
  const id = useId();
  if (state.value) return <span data-testid="revealed">{state.value}</span>;
  return (
    <span>
      <span aria-label={`${label} verborgen`}>{masked}</span>{' '}
      {!open ? (
        <button
          type="button"
          className="text-brand-700 underline"
          onClick={() => setOpen(true)}
          aria-label={`${label} tonen`}
        >
          Tonen
        </button>
      ) : (
        <form action={formAction} className="mt-2 flex flex-wrap items-end gap-2" aria-label={`${label} tonen`}>
          <div>
            <label htmlFor={`${id}-reason`} className="block text-sm font-medium">
              Waarom heb je dit nodig?
            </label>
            <input
              id={`${id}-reason`}
              name="reason"
              required
              minLength={5}
              maxLength={300}
              aria-invalid={!!state.error}
              aria-describedby={state.error ? `${id}-error` : undefined}
              className="mt-1 rounded border border-gray-500 px-2 py-1"
            />
            {state.error && (
              <p id={`${id}-error`} role="alert" className="mt-1 text-sm text-red-800">
                {state.error}
              </p>
            )}
          </div>
          <button
            type="submit"
            disabled={pending}
            className="rounded bg-brand-700 px-3 py-1 text-white disabled:opacity-60"
          >
            {pending ? 'Even geduld…' : 'Tonen (wordt gelogd)'}
          </button>
        </form>
      )}
    </span>
  );
}
