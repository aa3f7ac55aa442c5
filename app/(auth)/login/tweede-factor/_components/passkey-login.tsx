'use client';

import { useState } from 'react';
import { startAuthentication, type PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';
import { passkeyLoginAction, passkeyOptionsAction } from '../actions';

/** The second step with a passkey instead of a code (ADR 0022). */
export function PasskeyLogin({ callbackUrl }: { callbackUrl: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function go() {
    setBusy(true);
    setError(null);
    try {
      const opts = await passkeyOptionsAction();
      if (!opts.ok) return setError(opts.message);
      const response = await startAuthentication({
        optionsJSON: opts.options as PublicKeyCredentialRequestOptionsJSON,
      });
      const answer = await passkeyLoginAction(response);
      if (!answer.ok) return setError(answer.message);
      window.location.assign(callbackUrl);
    } catch {
      setError(
        'De passkey werd niet gebruikt (geannuleerd of niet beschikbaar op dit toestel). Gebruik de code uit je app.',
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="mt-6 border-t border-gray-300 pt-6">
      {error && (
        <p role="alert" className="mb-3 rounded border border-red-700 bg-red-50 p-3 text-red-800">
          {error}
        </p>
      )}
      <button
        type="button"
        onClick={go}
        disabled={busy}
        className="w-full rounded border border-brand-700 px-4 py-2 font-medium text-brand-800 hover:bg-brand-50 disabled:opacity-70"
      >
        {busy ? 'Wachten op je passkey…' : 'Gebruik een passkey'}
      </button>
    </div>
  );
}
