'use client';

import { useActionState, useEffect, useRef } from 'react';
import { signOut } from 'next-auth/react';
import { enrolAction, verifyAction, type SecondFactorState } from '../actions';

interface Props {
  mode: 'enrol' | 'verify';
  callbackUrl: string;
  enrolment: { secret: string; uri: string; qrDataUrl: string } | null;
}

const initial: SecondFactorState = { status: 'idle', errors: {}, values: { code: '', callbackUrl: '/' }, version: 0 };

/** Groups a base32 secret in fours, for typing it over by hand. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

export function SecondFactorForm({ mode, callbackUrl, enrolment }: Props) {
  const [state, action, pending] = useActionState(mode === 'enrol' ? enrolAction : verifyAction, initial);
  const codesRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (state.recoveryCodes) codesRef.current?.focus();
  }, [state.recoveryCodes]);

  if (state.recoveryCodes) {
    return (
      <section aria-labelledby="herstelcodes" className="mt-4">
        <h2 id="herstelcodes" ref={codesRef} tabIndex={-1} className="text-lg font-semibold">
          Je herstelcodes
        </h2>
        <p className="mt-2 text-gray-800">
          Je app is gekoppeld. Bewaar deze tien codes op een veilige plaats (niet op deze computer). Elke code werkt één
          keer, als je je telefoon niet bij de hand hebt. Je ziet ze nu voor het laatst.
        </p>
        <ul className="mt-4 grid grid-cols-2 gap-2 font-mono text-lg" aria-label="Herstelcodes">
          {state.recoveryCodes.map((c) => (
            <li key={c} className="rounded border border-gray-400 bg-gray-50 px-3 py-1 text-center">
              {c}
            </li>
          ))}
        </ul>
        <a
          href={callbackUrl}
          className="mt-6 inline-block rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
        >
          Ik heb de codes bewaard, verder
        </a>
      </section>
    );
  }

  const error = state.errors.code;
  return (
    <div className="mt-4">
      {enrolment ? (
        <div className="space-y-3 text-gray-800">
          <p>
            Voor dit dossier-systeem is een tweede stap bij het aanmelden verplicht. Scan de code hieronder met een
            authenticator-app (bijvoorbeeld Microsoft Authenticator, Google Authenticator of FreeOTP).
          </p>
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img
            src={enrolment.qrDataUrl}
            width={220}
            height={220}
            alt="QR-code om je authenticator-app te koppelen"
            className="mx-auto"
          />
          <p>
            Lukt scannen niet? Typ dan deze sleutel over:{' '}
            <code
              className="break-all rounded bg-gray-100 px-1 font-mono"
              data-testid="totp-secret"
              data-secret={enrolment.secret}
            >
              {grouped(enrolment.secret)}
            </code>
          </p>
        </div>
      ) : (
        <p className="text-gray-800">
          Vul de code van 6 cijfers uit je authenticator-app in. Geen telefoon bij de hand? Gebruik een herstelcode.
        </p>
      )}
      <form action={action} noValidate className="mt-6 space-y-4">
        {state.message && !error && (
          <p role="alert" className="rounded border border-red-700 bg-red-50 p-3 text-red-800">
            {state.message}
          </p>
        )}
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <div>
          <label htmlFor="code" className="block font-medium">
            {enrolment ? 'Code uit je app' : 'Code uit je app of herstelcode'}
          </label>
          <input
            id="code"
            name="code"
            type="text"
            inputMode={enrolment ? 'numeric' : 'text'}
            autoComplete="one-time-code"
            autoFocus
            required
            maxLength={40}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'code-fout' : undefined}
            key={state.version}
            className="mt-1 w-full rounded border border-gray-500 px-3 py-2 font-mono text-lg tracking-widest"
          />
          {error && (
            <p id="code-fout" role="alert" className="mt-1 text-red-800">
              {error}
            </p>
          )}
        </div>
        <button
          type="submit"
          disabled={pending}
          className="w-full rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-70"
        >
          {pending ? 'Bezig met controleren…' : enrolment ? 'Koppelen' : 'Bevestigen'}
        </button>
      </form>
      <p className="mt-6 text-sm">
        <button type="button" onClick={() => signOut({ callbackUrl: '/login' })} className="underline">
          Aanmelden als iemand anders
        </button>
      </p>
    </div>
  );
}
