import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/login-form';
import { currentSession } from '@/lib/auth/session';
import { env } from '@/lib/env';
import { safeCallbackUrl as safeCallback } from '@/lib/auth/callback-url';

export const metadata = { title: 'Aanmelden' };

const NOTICES: Record<string, string> = {
  sessie: 'Je sessie is verlopen of niet meer geldig. Meld je opnieuw aan.',
  oidc: 'Je identiteit werd bevestigd, maar er is geen actief account in Veilig Huis Dossier aan gekoppeld. Vraag de functioneel beheerder van je organisatie om je account klaar te zetten voor aanmelden via de overheid.',
  afgemeld: 'Je bent afgemeld, ook bij de aanmeldingsdienst van de overheid.',
  'oidc-mfa':
    'Aanmelden via de overheid is geweigerd: daar werd geen tweede factor gebruikt (bijvoorbeeld itsme of een beveiligingscode). Meld je opnieuw aan met een tweede factor.',
  vergrendeld: 'Je scherm werd vergrendeld na een periode zonder activiteit. Meld je opnieuw aan.',
  wachtwoord:
    'Je wachtwoord is ingesteld. Meld je nu aan met je e-mailadres en je nieuwe wachtwoord; daarna koppel je een authenticator-app.',
};

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const session = await currentSession();
  if (session?.needs)
    redirect(`/login/tweede-factor?callbackUrl=${encodeURIComponent(safeCallback(params.callbackUrl))}`);
  if (session) redirect(safeCallback(params.callbackUrl));
  const e = env();
  const notice = typeof params.fout === 'string' ? NOTICES[params.fout] : undefined;
  return (
    <main id="inhoud" className="mx-auto mt-16 max-w-md rounded-lg bg-white p-8 shadow">
      <h1 className="text-2xl font-semibold text-brand-900">Veilig Huis Dossier</h1>
      <p className="mt-2 text-gray-700">Meld je aan om verder te gaan.</p>
      {notice && (
        <p role="status" className="mt-4 rounded border border-amber-700 bg-amber-50 p-3 text-amber-900">
          {notice}
        </p>
      )}
      <div className="mt-6">
        <LoginForm
          callbackUrl={safeCallback(params.callbackUrl)}
          oidc={e.OIDC_ISSUER ? { name: e.OIDC_NAME } : null}
          password={e.AUTH_PASSWORD_LOGIN}
        />
      </div>
      <p className="mt-8 text-sm text-gray-700">
        Deze omgeving bevat gegevens onder het beroepsgeheim (art. 458 Sw.) en de geheimhoudingsplicht van het
        casusoverleg (art. 458ter §2 Sw.). Elke raadpleging wordt gelogd.
      </p>
    </main>
  );
}
