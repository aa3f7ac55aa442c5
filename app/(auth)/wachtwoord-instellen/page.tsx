import Link from 'next/link';
import { SetPasswordForm } from '@/components/set-password-form';
import { INVITATION_GONE, invitationOpen } from '@/lib/auth/invitation';
import { PASSWORD_MIN_LENGTH } from '@/lib/auth/passwords';
import { setPasswordAction } from './actions';

export const metadata = { title: 'Wachtwoord instellen' };

/**
 * The page the invitation mail links to (issue 13 §6; ADR 0043): with an open invitation, a form
 * for the new password; otherwise why the link no longer works. No sign-in needed, nothing about
 * the account is shown.
 */
export default async function SetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string | string[] }>;
}) {
  const { token } = await searchParams;
  const t = typeof token === 'string' ? token : '';
  const open = await invitationOpen(t);
  return (
    <main id="inhoud" className="mx-auto mt-16 max-w-md rounded-lg bg-white p-8 shadow">
      <h1 className="text-2xl font-semibold text-brand-900">Wachtwoord instellen</h1>
      {open ? (
        <>
          <p className="mt-2 text-gray-700">
            Kies een wachtwoord voor Veilig Huis Dossier. Daarna meld je je aan en koppel je een authenticator-app als
            tweede factor.
          </p>
          <div className="mt-6">
            <SetPasswordForm action={setPasswordAction.bind(null, t)} minLength={PASSWORD_MIN_LENGTH} />
          </div>
        </>
      ) : (
        <p role="alert" className="mt-4 rounded border border-amber-700 bg-amber-50 p-3 text-amber-900">
          {INVITATION_GONE}
        </p>
      )}
      <p className="mt-8 text-sm">
        <Link href="/login" className="text-brand-700 underline">
          Naar aanmelden
        </Link>
      </p>
    </main>
  );
}
