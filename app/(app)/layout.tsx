import Link from 'next/link';
import { redirect } from 'next/navigation';
import { SessionLock } from '@/components/session-lock';
import { SignOutButton } from '@/components/sign-out-button';
import { shellOf } from '@/lib/navigation/get-shell';
import { currentSession, requestViaIdp, requireUserId } from '@/lib/auth/session';
import { sessionEndsAt } from '@/lib/auth/sessions';
import { ROLE_LABEL } from '@/lib/labels';
import { countMyWork } from '@/lib/work/list-my-work';
import { MainNav } from '@/components/main-nav';
import { MAIN_NAV_BUTTON_ID, MAIN_NAV_LIST_ID } from '@/components/main-nav-ids';
import { isAppError } from '@/lib/errors';

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  // the session check (once per request) brings who is signed in: no transaction of its own
  const userId = await requireUserId();
  const session = (await currentSession())!;
  if (!session.shell) redirect('/login?fout=sessie');
  const shell = shellOf(session.shell);
  // what waits, per menu item: one transaction of counts (lib/work; ADR 0038)
  const work = await countMyWork(userId, { roles: shell.roles.map((r) => r.role) }).catch((err: unknown) => {
    // the session ended between the check above and the counts: to the login, as a page would
    if (isAppError(err) && err.code === 'UNAUTHENTICATED') redirect('/login?fout=sessie');
    throw err;
  });
  const endsAt = sessionEndsAt(session).toISOString();
  return (
    <SessionLock endsAt={endsAt}>
      <header className="bg-brand-900 text-white print:hidden">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-3">
          <Link href="/" prefetch={false} className="text-lg font-semibold">
            Veilig Huis Dossier
          </Link>
          <MainNav
            items={shell.nav.map((item) => ({
              ...item,
              count: item.href === '/' ? work.total : (work.byNav[item.href] ?? 0),
            }))}
          />
          {/* without JavaScript the "Menu" button cannot open anything: the list is simply shown */}
          <noscript>
            <style>{`#${MAIN_NAV_LIST_ID}{display:flex!important}#${MAIN_NAV_BUTTON_ID}{display:none!important}`}</style>
          </noscript>
          <div className="flex items-center gap-3 text-sm">
            <span>
              <Link href="/account" className="font-medium underline-offset-4 hover:underline" title="Mijn sessies">
                {shell.name}
              </Link>
              <span className="block text-white/85">
                {shell.organisationName}
                {' · '}
                {shell.roles
                  .map((r) => `${ROLE_LABEL[r.role]}${r.safeHouseName ? ` (${r.safeHouseName})` : ''}`)
                  .join(', ')}
              </span>
            </span>
            <SignOutButton idp={await requestViaIdp()} />
          </div>
        </div>
      </header>
      <main id="inhoud" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
      <footer className="mx-auto max-w-6xl px-4 pb-8 text-sm text-gray-700 print:hidden">
        <Link href="/privacyverklaring" className="text-brand-700 underline">
          Privacyverklaring voor cliënten
        </Link>
      </footer>
    </SessionLock>
  );
}
