import { redirect } from 'next/navigation';
import { Notice } from '@/components/ui/notice';
import { currentSession } from '@/lib/auth/session';
import { listOwnSessions } from '@/lib/auth/own-sessions';
import { listPasskeys } from '@/lib/auth/passkeys';
import { PasskeyRegister } from './_components/passkey-register';
import { endSessionAction, removePasskeyAction } from './actions';
import { noticeText } from '@/lib/forms/notices';
import { formatDateTime } from '@/lib/time';
import { DataTable } from '@/components/ui/data-table';

export const metadata = { title: 'Mijn sessies' };

const METHOD: Record<string, string> = {
  TOTP: 'authenticator-app',
  RECOVERY_CODE: 'herstelcode',
  OIDC: 'aanmelden via de overheid',
  WEBAUTHN: 'passkey',
};

/** A short, readable name for a browser from its user agent. */
function browserName(ua: string | null): string {
  if (!ua) return 'Onbekende browser';
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua)
          ? 'Safari'
          : 'Browser';
  const os = /Windows/.test(ua)
    ? 'Windows'
    : /Mac OS X/.test(ua)
      ? 'macOS'
      : /Android/.test(ua)
        ? 'Android'
        : /iPhone|iPad/.test(ua)
          ? 'iOS'
          : /Linux/.test(ua)
            ? 'Linux'
            : '';
  return os ? `${browser} op ${os}` : browser;
}

/** Your own sessions: where you are signed in, and a way to end the others (ASVS 7.5.2). */
export default async function AccountPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await currentSession();
  if (!session || session.needs) redirect('/login');
  const params = await searchParams;
  const [sessions, passkeys] = await Promise.all([
    listOwnSessions(session.userId),
    listPasskeys(session.userId, session.token),
  ]);
  const others = sessions.filter((s) => !s.current);
  return (
    <div>
      <h1 className="text-2xl font-semibold">Mijn sessies</h1>
      <p className="mt-2 max-w-3xl text-gray-800">
        Hier zie je waar je aangemeld bent. Herken je een sessie niet, beëindig ze dan en verwittig de functioneel
        beheerder. Een sessie eindigt vanzelf na {session.idleMinutes} minuten zonder activiteit, en altijd na de
        maximale duur.
      </p>
      <Notice>{noticeText('account', params.melding)}</Notice>
      <DataTable
        caption="Je actieve sessies"
        className="mt-6"
        rows={sessions}
        rowKey={(s) => s.id}
        columns={[
          {
            header: 'Browser',
            cell: (s) => (
              <>
                {browserName(s.userAgent)}
                {s.current && (
                  <span className="ml-2 rounded bg-brand-50 px-2 py-0.5 text-sm text-brand-900">deze sessie</span>
                )}
              </>
            ),
          },
          { header: 'Aangemeld', cell: (s) => formatDateTime(s.createdAt) },
          { header: 'Laatst actief', cell: (s) => formatDateTime(s.lastSeenAt) },
          {
            header: 'Tweede factor',
            cell: (s) => (s.secondFactorMethod ? METHOD[s.secondFactorMethod] : 'nog niet bevestigd'),
          },
          {
            header: <span className="sr-only">Actie</span>,
            cell: (s) =>
              !s.current && (
                <form action={endSessionAction}>
                  <input type="hidden" name="sessionId" value={s.id} />
                  <button
                    type="submit"
                    className="rounded border border-red-800 px-3 py-1 text-red-800 hover:bg-red-50"
                  >
                    Beëindigen
                    <span className="sr-only">
                      {' '}
                      ({browserName(s.userAgent)}, aangemeld {formatDateTime(s.createdAt)})
                    </span>
                  </button>
                </form>
              ),
          },
        ]}
      />
      {others.length > 1 && (
        <form action={endSessionAction} className="mt-4">
          <input type="hidden" name="sessionId" value="andere" />
          <button type="submit" className="rounded border border-red-800 px-3 py-1 text-red-800 hover:bg-red-50">
            Alle andere sessies beëindigen
          </button>
        </form>
      )}

      <h2 className="mt-10 text-xl font-semibold">Passkeys</h2>
      <p className="mt-2 max-w-3xl text-gray-800">
        Een passkey (vingerafdruk, gezichtsherkenning, pincode van dit toestel of een beveiligingssleutel) kan de code
        uit je authenticator-app vervangen bij het aanmelden. Je app en je herstelcodes blijven werken.
      </p>
      {passkeys.length > 0 ? (
        <ul className="mt-4 space-y-2" aria-label="Je passkeys">
          {passkeys.map((p) => (
            <li key={p.credentialId} className="flex flex-wrap items-center gap-3">
              <span className="font-medium">{p.name}</span>
              <span className="text-sm text-gray-700">
                toegevoegd {formatDateTime(p.createdAt)}
                {p.lastUsedAt ? `, laatst gebruikt ${formatDateTime(p.lastUsedAt)}` : ', nog niet gebruikt'}
              </span>
              <form action={removePasskeyAction}>
                <input type="hidden" name="credentialId" value={p.credentialId} />
                <button type="submit" className="rounded border border-red-800 px-3 py-1 text-red-800 hover:bg-red-50">
                  Verwijderen<span className="sr-only"> ({p.name})</span>
                </button>
              </form>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-4 text-gray-700">Je hebt nog geen passkey.</p>
      )}
      <PasskeyRegister />
    </div>
  );
}
