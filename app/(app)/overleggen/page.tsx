import Link from 'next/link';
import { Notice } from '@/components/ui/notice';
import { loadPage } from '@/lib/auth/session';
import { listSessions } from '@/lib/conferences/list-sessions';
import { SESSION_STATE_LABEL } from '@/lib/labels';
import { formatDateTime } from '@/lib/time';
import { SpecForm } from '@/components/ui/spec-form';
import { planSessionAction } from './actions';
import { noticeText } from '@/lib/forms/notices';

export const metadata = { title: 'Casusoverleggen' };

export default async function SessionsPage({ searchParams }: { searchParams: Promise<{ melding?: string }> }) {
  const { melding } = await searchParams;
  const { sessions, trajectories } = await loadPage(listSessions);
  return (
    <>
      <h1 className="text-2xl font-semibold">Casusoverleggen</h1>
      <Notice>{noticeText('sessions', melding)}</Notice>
      <h2 className="mt-8 text-xl font-semibold">Overleggen</h2>
      {sessions.length === 0 ? (
        <p className="mt-2">Er zijn geen overleggen gepland.</p>
      ) : (
        <ul className="mt-2 space-y-2">
          {sessions.map((s) => (
            <li key={s.id} className="rounded bg-white p-3">
              <Link href={`/overleggen/${s.id}`} className="font-medium text-brand-700 underline">
                {formatDateTime(s.startsAt)} — {s.location}
              </Link>{' '}
              <span className="ml-2 rounded border border-gray-400 px-2 py-0.5 text-sm">
                {SESSION_STATE_LABEL[s.state]}
              </span>
              <p className="text-sm text-gray-800">Agenda: {s.agenda.map((a) => a.dossier.reference).join(', ')}</p>
            </li>
          ))}
        </ul>
      )}
      <h2 className="mt-8 text-xl font-semibold">Nieuw overleg plannen</h2>
      {trajectories.length === 0 ? (
        <p className="mt-2">Er zijn geen lopende trajecten om te bespreken.</p>
      ) : (
        <div className="mt-2 max-w-2xl">
          <SpecForm
            action={planSessionAction}
            submitLabel="Overleg plannen"
            initial={{ dossierIds: [] }}
            fields={[
              { kind: 'date', name: 'date', label: 'Datum', required: true },
              { kind: 'time', name: 'startTime', label: 'Beginuur', required: true },
              { kind: 'time', name: 'endTime', label: 'Einduur', required: true },
              {
                kind: 'text',
                name: 'location',
                label: 'Plaats of link van het online overleg',
                required: true,
                hint: 'Geen namen of gegevens van cliënten: deze tekst staat ook in de uitnodiging.',
              },
              {
                kind: 'checkboxes',
                name: 'dossierIds',
                label: 'Casussen op de agenda',
                required: true,
                hint: 'Elke casus krijgt zijn eigen deelnemers: wie deelneemt aan de ene casus, ziet niets van de andere.',
                options: trajectories.map((t) => ({ value: t.id, label: `${t.reference} — ${t.clientSystemLabel}` })),
              },
            ]}
          />
        </div>
      )}
    </>
  );
}
