import Link from 'next/link';
import { loadPage } from '@/lib/auth/session';
import { listMyActions } from '@/lib/plan/list-my-actions';
import { formatDate, PLAN_ACTION_STATUS_LABEL } from '@/lib/labels';
import { DataTable, type DataTableColumn } from '@/components/ui/data-table';

export const metadata = { title: 'Mijn acties' };

/**
 * "Mijn acties" (memorandum to art. 15; ADR 0034): the actions of the action plans of one's
 * cases that are one's own — named to you, or to your organisation without a person. Open ones
 * first, overdue ones (due before today, Brussels time) at the top and marked in words.
 */
export default async function MyActionsPage() {
  const actions = await loadPage((userId) => listMyActions(userId));
  const open = actions.filter((a) => a.status === 'OPEN');
  const closed = actions.filter((a) => a.status !== 'OPEN');
  const overdue = open.filter((a) => a.overdue).length;
  return (
    <>
      <h1 className="text-2xl font-semibold">Mijn acties</h1>
      <p className="mt-1 max-w-3xl">
        De acties uit het plan van aanpak van de casussen waaraan je deelneemt, die op jouw naam staan of op naam van je
        organisatie zonder verantwoordelijke persoon. Rond een actie af in het casusoverleg, met een korte notitie.
      </p>
      <section aria-labelledby="h-open" className="mt-6">
        <h2 id="h-open" className="text-xl font-semibold">
          Open ({open.length}
          {overdue ? `, waarvan ${overdue} over tijd` : ''})
        </h2>
        {open.length === 0 ? (
          <p className="mt-2">Je hebt geen openstaande acties.</p>
        ) : (
          <ActionTable caption="Open acties met casus, actie, verantwoordelijke, termijn en status" actions={open} />
        )}
      </section>
      {closed.length > 0 && (
        <section aria-labelledby="h-afgesloten" className="mt-8">
          <h2 id="h-afgesloten" className="text-xl font-semibold">
            Afgesloten (laatste 90 dagen)
          </h2>
          <ActionTable
            caption="Afgesloten acties met casus, actie, verantwoordelijke, termijn en status"
            actions={closed}
          />
        </section>
      )}
    </>
  );
}

type Action = Awaited<ReturnType<typeof listMyActions>>[number];

const ACTION_COLUMNS: DataTableColumn<Action>[] = [
  {
    header: 'Casus',
    cell: (a) => (
      <Link href={`/dossiers/${a.dossierId}/casusoverleg#actie-${a.id}`} className="text-brand-700 underline">
        {a.reference}
      </Link>
    ),
  },
  {
    header: 'Actie',
    cell: (a) => (
      <>
        {a.description}
        <span className="block text-sm text-gray-700">Doel: {a.goal}</span>
        {a.doneNote && <span className="block text-sm text-gray-700">Notitie: {a.doneNote}</span>}
      </>
    ),
  },
  { header: 'Verantwoordelijke', cell: (a) => (a.personal ? 'Jij' : a.owner) },
  { header: 'Tegen', cell: (a) => (a.dueDate ? formatDate(a.dueDate) : '—'), className: 'whitespace-nowrap' },
  {
    header: 'Status',
    cell: (a) => (
      <>
        {a.overdue ? <strong className="text-red-800">Over tijd</strong> : PLAN_ACTION_STATUS_LABEL[a.status]}
        {a.doneAt ? ` op ${formatDate(a.doneAt)}` : ''}
      </>
    ),
  },
];

function ActionTable({ caption, actions }: { caption: string; actions: Action[] }) {
  return (
    <DataTable
      caption={caption}
      columns={ACTION_COLUMNS}
      rows={actions}
      rowKey={(a) => a.id}
      rowClassName={(a) => (a.overdue ? 'bg-red-50' : undefined)}
      className="mt-2 max-w-5xl"
      scroll
    />
  );
}
