import { redirect } from 'next/navigation';
import { currentSession } from '@/lib/auth/session';
import { startEnrolment } from '@/lib/auth/second-factor';
import { SecondFactorForm } from './_components/second-factor-form';
import { PasskeyLogin } from './_components/passkey-login';
import { hasPasskey } from '@/lib/auth/passkeys';
import { safeCallbackUrl as safeCallback } from '@/lib/auth/callback-url';

export const metadata = { title: 'Tweede stap van het aanmelden' };

/**
 * The second step of a password login (ADR 0018): a code from the authenticator app, or a
 * recovery code. Whoever has no app linked yet links one here first: it cannot be skipped.
 */
export default async function SecondFactorPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallback(params.callbackUrl);
  const session = await currentSession();
  if (!session) redirect('/login');
  if (!session.needs) redirect(callbackUrl);
  const enrolment = session.needs === 'enrol' ? await startEnrolment(session.token) : null;
  const passkey = !enrolment && (await hasPasskey(session.token));
  return (
    <main id="inhoud" className="mx-auto mt-16 max-w-lg rounded-lg bg-white p-8 shadow">
      <h1 className="text-2xl font-semibold text-brand-900">
        {enrolment ? 'Koppel een authenticator-app' : 'Bevestig dat jij het bent'}
      </h1>
      {passkey && <PasskeyLogin callbackUrl={callbackUrl} />}
      <SecondFactorForm mode={enrolment ? 'enrol' : 'verify'} callbackUrl={callbackUrl} enrolment={enrolment} />
    </main>
  );
}
