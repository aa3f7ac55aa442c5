'use client';

import { useState } from 'react';
import { startRegistration, type PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/browser';
import { passkeyRegistrationOptionsAction, registerPasskeyAction } from '../actions';

/** Adds a passkey (ADR 0022): a name, then the browser's own dialog. */
export function PasskeyRegister() {
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [nameError, setNameError] = useState<string | null>(null);

  async function add(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    setNameError(null);
    if (!name.trim()) return setNameError('Geef de passkey een naam, bv. "laptop kantoor".');
    setBusy(true);
    try {
      const opts = await passkeyRegistrationOptionsAction();
      if (!opts.ok) return setError(opts.message);
      const response = await startRegistration({ optionsJSON: opts.options as PublicKeyCredentialCreationOptionsJSON });
      const answer = await registerPasskeyAction(response, name);
      if (answer && !answer.ok) {
        if (answer.errors.name) setNameError(answer.errors.name);
        else setError(answer.message ?? 'De passkey werd niet bewaard.');
      }
    } catch (err) {
      // a redirect after success is thrown by Next.js: let it through
      if ((err as { digest?: string })?.digest?.startsWith('NEXT_REDIRECT')) throw err;
      setError('De passkey werd niet aangemaakt (geannuleerd of niet beschikbaar op dit toestel).');
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={add} noValidate className="mt-4 flex flex-wrap items-end gap-3">
      {error && (
        <p role="alert" className="w-full rounded border border-red-700 bg-red-50 p-3 text-red-800">
          {error}
        </p>
      )}
      <div>
        <label htmlFor="passkey-naam" className="block font-medium">
          Naam van de nieuwe passkey
        </label>
        <input
          id="passkey-naam"
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={100}
          aria-invalid={nameError ? true : undefined}
          aria-describedby={nameError ? 'passkey-naam-fout' : undefined}
          className="mt-1 w-64 rounded border border-gray-500 px-3 py-2"
        />
        {nameError && (
          <p id="passkey-naam-fout" role="alert" className="mt-1 text-red-800">
            {nameError}
          </p>
        )}
      </div>
      <button
        type="submit"
        disabled={busy}
        className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-70"
      >
        {busy ? 'Wachten op je toestel…' : 'Passkey toevoegen'}
      </button>
    </form>
  );
}
