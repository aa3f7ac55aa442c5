'use client';

import { useState } from 'react';
import { signIn } from 'next-auth/react';

const GENERIC_ERROR =
  'Aanmelden is niet gelukt. Controleer je e-mailadres en wachtwoord. Na herhaalde mislukte pogingen moet je telkens wat langer wachten.';

export function LoginForm({
  callbackUrl,
  oidc,
  password: passwordLogin = true,
}: {
  callbackUrl: string;
  oidc: { name: string } | null;
  password?: boolean;
}) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    if (!email.trim() || !password) {
      setError('Vul je e-mailadres en je wachtwoord in.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const res = await signIn('credentials', { email, password, redirect: false });
      const wait = /^wacht:(\d+)$/.exec(res?.error ?? '');
      if (wait) {
        setError(`Te veel mislukte pogingen. Probeer opnieuw over ${wait[1]} seconden.`);
      } else if (!res || res.error) {
        setError(GENERIC_ERROR);
        setPassword('');
      } else {
        window.location.assign(`/login/tweede-factor?callbackUrl=${encodeURIComponent(callbackUrl)}`);
      }
    } catch {
      setError('De server is niet bereikbaar. Probeer het zo dadelijk opnieuw.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div>
      {passwordLogin && (
        <form onSubmit={onSubmit} noValidate className="space-y-4" aria-describedby={error ? 'login-fout' : undefined}>
          {error && (
            <p id="login-fout" role="alert" className="rounded border border-red-700 bg-red-50 p-3 text-red-800">
              {error}
            </p>
          )}
          <div>
            <label htmlFor="email" className="block font-medium">
              E-mailadres
            </label>
            <input
              id="email"
              name="email"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              className="mt-1 w-full rounded border border-gray-500 px-3 py-2"
            />
          </div>
          <div>
            <label htmlFor="password" className="block font-medium">
              Wachtwoord
            </label>
            <input
              id="password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              className="mt-1 w-full rounded border border-gray-500 px-3 py-2"
            />
          </div>
          <button
            type="submit"
            disabled={busy}
            className="w-full rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-70"
          >
            {busy ? 'Bezig met aanmelden…' : 'Aanmelden'}
          </button>
        </form>
      )}
      {oidc && (
        <div className={passwordLogin ? 'mt-6 border-t border-gray-300 pt-6' : ''}>
          <button
            type="button"
            onClick={() => signIn('oidc', { callbackUrl })}
            className="w-full rounded border border-brand-700 px-4 py-2 font-medium text-brand-800 hover:bg-brand-50"
          >
            Aanmelden via {oidc.name}
          </button>
        </div>
      )}
    </div>
  );
}
