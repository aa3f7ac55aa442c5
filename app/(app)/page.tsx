import Link from 'next/link';
import { Section } from '@/components/ui/section';
import { currentSession, loadPage } from '@/lib/auth/session';
import { shellOf } from '@/lib/navigation/get-shell';
import { formatDate, formatDateTime } from '@/lib/time';
import { listMyWork } from '@/lib/work/list-my-work';
import type { WorkItem } from '@/lib/work/types';

export const metadata = { title: 'Mijn werk' };

const URGENCY_TEXT = { overdue: 'Te laat', soon: 'Binnenkort', normal: null } as const;
const URGENCY_CLASS = {
  overdue: 'border-red-700 bg-red-50 text-red-900',
  soon: 'border-amber-700 bg-amber-50 text-amber-900',
  normal: '',
} as const;

/** A day ('YYYY-MM-DD', Brussels) or a moment, in Dutch. */
const dueText = (due: string) =>
  due.length === 10 ? `uiterlijk ${formatDate(new Date(`${due}T12:00:00Z`))}` : `op ${formatDateTime(new Date(due))}`;

function Line({ item }: { item: WorkItem }) {
  const urgency = URGENCY_TEXT[item.urgency];
  return (
    <li className="flex flex-wrap items-baseline gap-x-3 gap-y-1 rounded bg-white p-3">
      <Link href={item.href} prefetch={false} className="font-medium text-brand-700 underline">
        {item.label}
      </Link>
      {item.due && <span className="text-gray-700">{dueText(item.due)}</span>}
      {urgency && (
        <span className={`rounded border px-1.5 text-sm font-semibold ${URGENCY_CLASS[item.urgency]}`}>{urgency}</span>
      )}
    </li>
  );
}

/**
 * "Mijn werk" (issue 13 §1; ADR 0038): the start page — what waits for the signed-in person,
 * across their roles, each line linking to where it is done. The dossier list is at /dossiers.
 */
export default async function MyWorkPage() {
  const work = await loadPage((userId) => listMyWork(userId));
  const session = await currentSession();
  const tools = session?.shell ? shellOf(session.shell).nav.filter((n) => n.href !== '/') : [];
  const waiting = work.sections.filter((s) => s.count > 0);
  return (
    <>
      <h1 className="text-2xl font-semibold">Mijn werk</h1>
      {!work.clientWork ? (
        <>
          <p className="mt-4 max-w-2xl">
            Je rol geeft geen toegang tot de inhoud van dossiers. Er wacht hier dus geen dossierwerk op jou.
          </p>
          {tools.length > 0 ? (
            <Section id="onderdelen" title="Jouw onderdelen">
              <ul className="list-disc space-y-1 pl-6">
                {tools.map((t) => (
                  <li key={t.href}>
                    <Link href={t.href} prefetch={false} className="text-brand-700 underline">
                      {t.label}
                    </Link>
                  </li>
                ))}
              </ul>
            </Section>
          ) : (
            <p className="mt-2 max-w-2xl">Gebruik je account-pagina om je sessies en aanmeldmethoden te beheren.</p>
          )}
        </>
      ) : (
        <>
          <p className="mt-2 max-w-3xl text-gray-700">
            Wat op jou wacht, over al je rollen heen. Elke regel brengt je naar de plek waar je het afhandelt. Je ziet
            enkel wat je mag zien.
          </p>
          <p className="mt-4 font-medium" data-testid="work-total">
            {work.total === 0
              ? 'Er wacht nu niets op jou.'
              : `Er ${work.total === 1 ? 'wacht 1 taak' : `wachten ${work.total} taken`} op jou.`}
          </p>
          {waiting.map((s) => (
            <Section key={s.key} id={`werk-${s.key}`} title={`${s.title} (${s.count})`} className="mt-8">
              <ul className="max-w-4xl space-y-2">
                {s.items.map((item) => (
                  <Line key={item.id} item={item} />
                ))}
              </ul>
              {s.count > s.items.length && (
                <p className="mt-2">
                  En nog {s.count - s.items.length}.{' '}
                  {s.navHref && (
                    <Link href={s.navHref} prefetch={false} className="text-brand-700 underline">
                      Bekijk ze allemaal
                    </Link>
                  )}
                </p>
              )}
            </Section>
          ))}
        </>
      )}
    </>
  );
}
