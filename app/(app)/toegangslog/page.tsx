import Link from 'next/link';
import { Pagination } from '@/components/ui/pagination';
import { searchAuditEvents } from '@/lib/dpo/search-events';
import { filterQuery } from '@/lib/dpo/filters';
import { loadPage } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/labels';
import { ErrorSummary, SelectField, TextField } from '@/components/ui/form';
import { DataTable } from '@/components/ui/data-table';

export const metadata = { title: 'Toegangslog' };

export default async function AuditLogPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const data = await loadPage((userId) => searchAuditEvents(userId, params));
  const { filters, errors, options } = data;
  const v = data.verification;
  const hasErrors = Object.keys(errors).length > 0;
  const pageHref = (n: number) => `/toegangslog?${filterQuery(filters, { pagina: String(n) })}`;
  const exportQuery = filterQuery(filters);
  const filtered = Object.values(filters).some(Boolean);

  return (
    <>
      <h1 className="text-2xl font-semibold">Toegangslog</h1>
      <p className="mt-2 max-w-3xl">
        Wie had toegang tot welke gegevens, wanneer, wat deed die en waarom. Je ziet de gebeurtenissen, geen inhoud van
        dossiers. Je eigen zoekopdrachten en exports worden ook gelogd.
      </p>
      <p
        role="status"
        className={`mt-4 rounded border p-3 ${
          !v.ok
            ? 'border-red-800 bg-red-50 text-red-900'
            : v.pending > 0
              ? 'border-amber-700 bg-amber-50 text-amber-900'
              : 'border-green-800 bg-green-50 text-green-900'
        }`}
      >
        {v.ok ? (
          <>
            {v.throughSeq ? `Keten intact tot en met gebeurtenis ${v.throughSeq}.` : 'Keten intact.'}
            {v.pending > 0
              ? ` De ${v.pending} nieuwere gebeurtenissen worden binnen tien minuten door de achtergrondcontrole nagekeken.`
              : ''}
            {v.unsealed > 0
              ? ` ${v.unsealed === 1 ? 'De nieuwste gebeurtenis wacht' : `De ${v.unsealed} nieuwste gebeurtenissen wachten`} op verzegeling in de keten door de achtergronddienst.`
              : ''}{' '}
            {v.lastFullRunAt
              ? `Laatste volledige controle: ${formatDateTime(v.lastFullRunAt)}.`
              : 'Nog geen volledige controle door de achtergrondtaak.'}
          </>
        ) : (
          `Keten gebroken bij gebeurtenis ${v.brokenAtSeq}: ${v.problem}${v.foundAt ? ` (vastgesteld ${formatDateTime(v.foundAt)})` : ''}.`
        )}
      </p>

      <form
        method="get"
        action="/toegangslog"
        aria-labelledby="filters-titel"
        noValidate
        className="mt-6 rounded border border-gray-300 bg-white p-4"
      >
        <h2 id="filters-titel" className="text-lg font-semibold">
          Filteren
        </h2>
        {hasErrors && (
          <div className="mt-3">
            <ErrorSummary message="Controleer de filters." errors={errors} />
          </div>
        )}
        <div className="mt-3 grid gap-4 md:grid-cols-2">
          <SelectField
            name="gebruiker"
            label="Gebruiker"
            placeholder="Alle gebruikers"
            options={options.users}
            defaultValue={filters.gebruiker}
            error={errors.gebruiker}
          />
          <SelectField
            name="organisatie"
            label="Organisatie"
            placeholder="Alle organisaties"
            options={options.organisations}
            defaultValue={filters.organisatie}
            error={errors.organisatie}
          />
          <TextField
            name="dossier"
            label="Dossierreferentie"
            hint="Bv. VH-ANT-2026-0001. Ook afgesloten en verwijderde dossiers."
            defaultValue={filters.dossier}
            error={errors.dossier}
          />
          <SelectField
            name="actie"
            label="Actie"
            placeholder="Alle acties"
            options={options.actions}
            defaultValue={filters.actie}
            error={errors.actie}
          />
          <SelectField
            name="doel"
            label="Doel"
            placeholder="Alle doelen"
            options={options.purposes}
            defaultValue={filters.doel}
            error={errors.doel}
          />
          <div className="grid grid-cols-2 gap-4">
            <TextField name="van" type="date" label="Van (dag)" defaultValue={filters.van} error={errors.van} />
            <TextField name="tot" type="date" label="Tot en met (dag)" defaultValue={filters.tot} error={errors.tot} />
          </div>
        </div>
        <div className="mt-4 flex flex-wrap items-center gap-4">
          <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
            Filter toepassen
          </button>
          {filtered && (
            <Link href="/toegangslog" className="text-brand-700 underline">
              Filters wissen
            </Link>
          )}
        </div>
      </form>

      {data.unknownReference && (
        <p role="status" className="mt-4 rounded border border-amber-700 bg-amber-50 p-3 text-amber-900">
          Er is geen dossier met referentie {filters.dossier}, ook niet bij de verwijderde dossiers.
        </p>
      )}

      {!hasErrors && (
        <div className="mt-6 flex flex-wrap items-baseline justify-between gap-4">
          <p>
            {data.totalCapped
              ? `Meer dan ${data.total.toLocaleString('nl-BE')} gebeurtenissen`
              : data.total === 1
                ? '1 gebeurtenis'
                : `${data.total} gebeurtenissen`}
            {filtered ? ' voor deze filters' : ''}.
          </p>
          <a
            href={`/api/v1/toegangslog${exportQuery ? `?${exportQuery}` : ''}`}
            className="font-medium text-brand-700 underline"
          >
            Exporteren als CSV
          </a>
        </div>
      )}

      <DataTable
        caption="Gebeurtenissen, nieuwste eerst"
        className="mt-2 text-sm"
        rowClassName="align-top"
        rows={data.events}
        rowKey={(e) => e.seq}
        empty="Geen gebeurtenissen."
        columns={[
          { header: 'Nr.', cell: (e) => e.seq },
          { header: 'Wanneer', cell: (e) => formatDateTime(e.occurredAt), className: 'whitespace-nowrap' },
          {
            header: 'Wie',
            cell: (e) => (
              <>
                {e.actorName ?? (e.actorUserId ? 'onbekend account' : 'systeem')}
                {e.organisationName ? ` (${e.organisationName})` : ''}
              </>
            ),
          },
          {
            header: 'Wat',
            cell: (e) => (
              <>
                {e.actionLabel}
                <span className="block font-mono text-xs text-gray-700">{e.action}</span>
              </>
            ),
            breakAnywhere: true,
          },
          {
            header: 'Object',
            cell: (e) => <span title={e.objectId ?? undefined}>{e.objectLabel}</span>,
            breakAnywhere: true,
          },
          {
            header: 'Dossier',
            cell: (e) => e.dossierReference ?? (e.dossierId ? e.dossierId.slice(0, 8) : '—'),
            className: 'font-mono whitespace-nowrap',
          },
          {
            header: 'Waarom',
            cell: (e) => (
              <>
                {e.purposeLabel}
                {e.reason ? ` — ${e.reason}` : ''}
              </>
            ),
            breakAnywhere: true,
          },
          { header: 'Uitkomst', cell: (e) => (e.outcome === 'ALLOWED' ? 'toegestaan' : 'geweigerd') },
        ]}
      />
      <Pagination page={data.page} pages={data.pages} href={pageHref} />
    </>
  );
}
