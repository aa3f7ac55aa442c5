import Link from 'next/link';
import { Pagination } from '@/components/ui/pagination';
import { loadPage } from '@/lib/auth/session';
import { listInbox, type InboxFilters } from '@/lib/admission/list-inbox';
import { RISK_LEVEL_LABEL, STATUS_LABEL } from '@/lib/labels';
import { formatDate } from '@/lib/time';
import { RISK_LEVELS } from '@/lib/referrals/schemas';
import { PlanDeadlines } from '@/components/distribution/plan-deadlines';
import { DataTable } from '@/components/ui/data-table';

export const metadata = { title: 'Te toetsen aanmeldingen' };

function href(f: InboxFilters, over: Partial<InboxFilters>) {
  const merged = { ...f, ...over };
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(merged)) if (v !== '' && v !== undefined) q.set(k, String(v));
  return `/triage?${q.toString()}`;
}

export default async function TriagePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const params = await searchParams;
  const data = await loadPage((userId) => listInbox(userId, params));
  const f = data.filters;
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  return (
    <>
      <h1 className="text-2xl font-semibold">Te toetsen aanmeldingen</h1>
      <PlanDeadlines title="Plannen van aanpak te versturen na een casusoverleg (binnen 14 werkdagen)" />
      <ul className="mt-4 flex flex-wrap gap-4" aria-label="Aantallen">
        <li className="rounded bg-white p-3 shadow-sm">
          <span className="block text-2xl font-semibold">{data.counts.open}</span> wachten op toetsing
        </li>
        <li className="rounded bg-white p-3 shadow-sm">
          <span className="block text-2xl font-semibold">{data.counts.openWithMinors}</span> daarvan met minderjarigen
        </li>
        <li className="rounded bg-white p-3 shadow-sm">
          <span className="block text-2xl font-semibold">{data.counts.decided}</span> beslist
        </li>
      </ul>

      <form
        method="get"
        className="mt-6 flex flex-wrap items-end gap-4 rounded bg-white p-4 shadow-sm"
        aria-label="Filters"
      >
        <div>
          <label htmlFor="f-status" className="block font-medium">
            Status
          </label>
          <select
            id="f-status"
            name="status"
            defaultValue={f.status}
            className="mt-1 rounded border border-gray-500 px-2 py-1"
          >
            <option value="open">Wacht op toetsing</option>
            <option value="beslist">Beslist</option>
            <option value="alle">Alle</option>
          </select>
        </div>
        <div>
          <label htmlFor="f-minderjarigen" className="block font-medium">
            Minderjarigen betrokken
          </label>
          <select
            id="f-minderjarigen"
            name="minderjarigen"
            defaultValue={f.minderjarigen}
            className="mt-1 rounded border border-gray-500 px-2 py-1"
          >
            <option value="">Alle</option>
            <option value="ja">Ja</option>
            <option value="nee">Nee</option>
          </select>
        </div>
        <div>
          <label htmlFor="f-risico" className="block font-medium">
            Risico (aanmelder)
          </label>
          <select
            id="f-risico"
            name="risico"
            defaultValue={f.risico}
            className="mt-1 rounded border border-gray-500 px-2 py-1"
          >
            <option value="">Alle</option>
            {RISK_LEVELS.map((r) => (
              <option key={r} value={r}>
                {RISK_LEVEL_LABEL[r]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-vanaf" className="block font-medium">
            Ingediend vanaf
          </label>
          <input
            id="f-vanaf"
            name="vanaf"
            type="date"
            defaultValue={f.vanaf}
            className="mt-1 rounded border border-gray-500 px-2 py-1"
          />
        </div>
        <div>
          <label htmlFor="f-tot" className="block font-medium">
            Ingediend tot en met
          </label>
          <input
            id="f-tot"
            name="tot"
            type="date"
            defaultValue={f.tot}
            className="mt-1 rounded border border-gray-500 px-2 py-1"
          />
        </div>
        <div>
          <label htmlFor="f-sorteer" className="block font-medium">
            Sorteren
          </label>
          <select
            id="f-sorteer"
            name="sorteer"
            defaultValue={f.sorteer}
            className="mt-1 rounded border border-gray-500 px-2 py-1"
          >
            <option value="wachttijd">Langst wachtend eerst</option>
            <option value="nieuwste">Nieuwste eerst</option>
            <option value="risico">Hoogste risico eerst</option>
          </select>
        </div>
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
          Toepassen
        </button>
      </form>

      <p className="mt-4" role="status">
        {data.total} aanmelding(en) gevonden.
      </p>
      {data.rows.length > 0 && (
        <DataTable
          caption="Aanmeldingen"
          className="mt-2"
          rows={data.rows}
          rowKey={(r) => r.id}
          rowClassName={(r) => (r.overdue ? 'bg-amber-50' : undefined)}
          columns={[
            {
              header: 'Referentie',
              cell: (r) => (
                <>
                  <Link href={`/dossiers/${r.id}`} className="text-brand-700 underline">
                    {r.reference}
                  </Link>
                  {r.knownPerson && (
                    <strong className="mt-1 block text-sm text-red-900">
                      {r.knownPerson === 'repeat'
                        ? 'Herhaalde aanmelding (binnen 12 maanden)'
                        : 'Bekende persoon in een ander dossier'}
                    </strong>
                  )}
                </>
              ),
            },
            { header: 'Cliëntsysteem', cell: (r) => r.clientSystemLabel },
            {
              header: (
                <Link
                  href={href(f, { sorteer: f.sorteer === 'wachttijd' ? 'nieuwste' : 'wachttijd', pagina: 1 })}
                  className="underline"
                >
                  Ingediend
                </Link>
              ),
              sort: f.sorteer === 'wachttijd' ? 'ascending' : 'descending',
              cell: (r) => formatDate(r.submittedAt),
            },
            {
              header: 'Wachttijd',
              cell: (r) => (
                <>
                  {r.waitingDays} dag(en)
                  {r.overdue && (
                    <strong className="ml-2 block text-amber-900">
                      Wacht te lang: langer dan {data.overdueDays} dagen zonder beslissing
                    </strong>
                  )}
                </>
              ),
            },
            { header: 'Minderjarigen', cell: (r) => (r.minors > 0 ? `Ja (${r.minors})` : 'Nee') },
            {
              header: 'Risico (aanmelder)',
              cell: (r) => (r.riskJudgement ? `${RISK_LEVEL_LABEL[r.riskJudgement]} (${r.riskScore} × ja)` : '—'),
            },
            {
              header: 'Status',
              cell: (r) =>
                r.stage === 'decided'
                  ? STATUS_LABEL[r.status]
                  : r.stage === 'check'
                    ? 'Te toetsen aan art. 5'
                    : r.stage === 'inputRound'
                      ? `Aanvulling kernpartners tot ${formatDate(r.inputDeadline)}`
                      : r.stage === 'agency'
                        ? 'Wacht op het standpunt van VK of OCJ'
                        : 'Klaar voor de beslissing over de opvolging',
            },
          ]}
        />
      )}
      <Pagination page={f.pagina} pages={pages} href={(p) => href(f, { pagina: p })} />
    </>
  );
}
