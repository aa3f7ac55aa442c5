import Link from 'next/link';
import { Notice } from '@/components/ui/notice';
import { loadPage } from '@/lib/auth/session';
import { listTransfers } from '@/lib/transfers/list-transfers';
import { TRANSFER_STATUS_LABEL, formatDateTime } from '@/lib/labels';
import { SpecForm } from '@/components/ui/spec-form';
import { decideTransferAction } from './actions';
import { noticeText } from '@/lib/forms/notices';
import { DataTable } from '@/components/ui/data-table';

export const metadata = { title: 'Overdrachten' };

export default async function TransfersPage({ searchParams }: { searchParams: Promise<{ melding?: string }> }) {
  const { melding } = await searchParams;
  const transfers = await loadPage(listTransfers);
  const notice = noticeText('transfers', melding);
  const pendingIn = transfers.filter((t) => t.incoming && t.status === 'PENDING');
  return (
    <>
      <h1 className="text-2xl font-semibold">Overdrachten tussen Veilige Huizen</h1>
      <Notice>{notice}</Notice>
      <h2 className="mt-8 text-xl font-semibold">Te aanvaarden</h2>
      {pendingIn.length === 0 ? (
        <p className="mt-2">Er wachten geen overdrachten op jou.</p>
      ) : (
        <ul className="mt-2 space-y-4">
          {pendingIn.map((t) => (
            <li key={t.id} className="max-w-3xl rounded bg-white p-4" aria-label={`Overdracht ${t.reference}`}>
              <p className="font-medium">
                {t.reference} van {t.fromName} — gevraagd op {formatDateTime(t.createdAt)}
              </p>
              <p>Reden: {t.reason}</p>
              <div className="mt-3 grid gap-4 md:grid-cols-2">
                <SpecForm
                  action={decideTransferAction.bind(null, t.id, 'accept')}
                  submitLabel="Overdracht aanvaarden"
                  className=""
                  label={`Overdracht ${t.reference} aanvaarden`}
                  fields={[
                    {
                      kind: 'note',
                      text: 'Na aanvaarding volg jij het dossier verder op; het andere Veilig Huis ziet het niet meer.',
                    },
                  ]}
                />
                <SpecForm
                  action={decideTransferAction.bind(null, t.id, 'reject')}
                  submitLabel="Weigeren"
                  variant="secondary"
                  label={`Overdracht ${t.reference} weigeren`}
                  fields={[{ kind: 'text', name: 'note', label: 'Reden van de weigering', required: true }]}
                />
              </div>
            </li>
          ))}
        </ul>
      )}
      <h2 className="mt-8 text-xl font-semibold">Geschiedenis</h2>
      {transfers.length === 0 ? (
        <p className="mt-2">Nog geen overdrachten.</p>
      ) : (
        <DataTable
          caption="Overdrachten"
          className="mt-2"
          rows={transfers}
          rowKey={(t) => t.id}
          columns={[
            {
              header: 'Dossier',
              cell: (t) =>
                t.status === 'ACCEPTED' && t.incoming ? (
                  <Link href={`/dossiers/${t.dossierId}`} className="text-brand-700 underline">
                    {t.reference}
                  </Link>
                ) : (
                  t.reference
                ),
            },
            { header: 'Van', cell: (t) => t.fromName },
            { header: 'Naar', cell: (t) => t.toName },
            { header: 'Gevraagd', cell: (t) => formatDateTime(t.createdAt) },
            {
              header: 'Status',
              cell: (t) => `${TRANSFER_STATUS_LABEL[t.status]}${t.decisionNote ? ` — ${t.decisionNote}` : ''}`,
            },
            {
              header: <span className="sr-only">Acties</span>,
              cell: (t) =>
                !t.incoming &&
                t.status === 'PENDING' && (
                  <SpecForm
                    action={decideTransferAction.bind(null, t.id, 'cancel')}
                    submitLabel="Intrekken"
                    variant="secondary"
                    className=""
                    label={`Overdracht ${t.reference} intrekken`}
                    fields={[]}
                  />
                ),
            },
          ]}
        />
      )}
    </>
  );
}
