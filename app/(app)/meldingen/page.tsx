import Link from 'next/link';
import { Notice } from '@/components/ui/notice';
import { loadPage } from '@/lib/auth/session';
import { noticeText } from '@/lib/forms/notices';
import { listMyNotifications } from '@/lib/notifications/my-notifications';
import { formatDateTime } from '@/lib/time';
import { markAllReadAction, openNotificationAction } from './actions';

export const metadata = { title: 'Meldingen' };

/**
 * What waits for you (issue 13 §2; ADR 0039): the notifications of your work, newest first, unread
 * ones in bold. Opening one marks it read and leads to where it is done. Nothing about a case is in
 * a notification — the place it leads to shows that, under the usual access rules.
 */
export default async function NotificationsPage({ searchParams }: { searchParams: Promise<{ melding?: string }> }) {
  const { melding } = await searchParams;
  const { items, unread } = await loadPage(listMyNotifications);
  return (
    <>
      <h1 className="text-2xl font-semibold">Meldingen</h1>
      <Notice>{noticeText('notifications', melding)}</Notice>
      <p className="mt-2 max-w-3xl">
        Wat op je wacht in Veilig Huis Dossier. Een melding zegt enkel dat er iets wacht en waar; de inhoud zie je na
        het openen. Per e-mail krijg je ze zoals je koos bij{' '}
        <Link href="/account/meldingen" className="text-brand-700 underline">
          voorkeuren voor meldingen
        </Link>
        .
      </p>
      <p className="mt-4" role="status" data-testid="unread-count">
        {unread === 0 ? 'Geen ongelezen meldingen.' : `${unread} ongelezen ${unread === 1 ? 'melding' : 'meldingen'}.`}
      </p>
      {unread > 0 && (
        <form action={markAllReadAction} className="mt-2">
          <button type="submit" className="rounded border border-gray-400 bg-white px-3 py-1">
            Alles als gelezen markeren
          </button>
        </form>
      )}
      {items.length === 0 ? (
        <p className="mt-4">Je hebt nog geen meldingen.</p>
      ) : (
        <ul className="mt-4 max-w-3xl divide-y divide-gray-200 rounded bg-white" aria-label="Meldingen">
          {items.map((n) => (
            <li key={n.id} id={`melding-${n.id}`} className="flex flex-wrap items-center justify-between gap-2 p-3">
              <div>
                <span className={n.readAt ? '' : 'font-semibold'}>
                  {n.readAt ? '' : <span className="sr-only">Ongelezen: </span>}
                  {n.label}
                </span>
                <span className="block text-sm text-gray-700">
                  {n.safeHouseName ?? 'Veilig Huis Dossier'} · {formatDateTime(n.createdAt)}
                  {n.readAt ? ' · gelezen' : ' · ongelezen'}
                </span>
              </div>
              <form action={openNotificationAction.bind(null, n.id)}>
                <button type="submit" className="text-brand-700 underline" aria-label={`Openen: ${n.label}`}>
                  Openen
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
