'use client';

import { signOut } from 'next-auth/react';

/**
 * Ends the local session (next-auth's sign-out ends the server-side session: events.signOut);
 * after a login through the IdP, the browser then goes on to end the IdP's session as well.
 */
export function SignOutButton({ idp = false }: { idp?: boolean }) {
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: idp ? '/login/afmelden-idp' : '/login' })}
      className="rounded border border-white/70 px-3 py-1 text-sm text-white hover:bg-white/10"
    >
      Afmelden
    </button>
  );
}
