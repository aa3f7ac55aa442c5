import { loadPage } from '@/lib/auth/session';
import { getStatistics } from '@/lib/reporting/get-statistics';
import { PERIOD_PATTERN, periodOptions } from '@/lib/reporting/schemas';
import {
  MINORS_LABEL,
  ORGANISATION_KIND_LABEL,
  OUTCOME_LABEL,
  REPORTING_VIOLENCE_FORM_LABEL,
} from '@/lib/reporting/labels';
import { formatDays } from '@/lib/reporting/suppression';
import type { UnitStatistics } from '@/lib/reporting/tables';
import { BarChart, Count } from '@/components/statistics/bar-chart';
import { CountTable } from '@/components/statistics/count-table';
import { TableScroll } from '@/components/ui/table-scroll';

export const metadata = { title: 'Statistieken' };

const th = 'p-2 font-semibold';
const num = 'p-2 text-right tabular-nums';

function Median({ u }: { u: UnitStatistics }) {
  if (u.waiting.medianDays !== null) return <>{formatDays(u.waiting.medianDays)} dagen</>;
  return <>{u.waiting.medianWithheld ? 'niet getoond (minder dan 5 beslissingen)' : '—'}</>;
}

export default async function StatisticsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  // the page offers only valid periods; an old or mistyped link falls back to the default period
  const periode = typeof params.periode === 'string' && PERIOD_PATTERN.test(params.periode) ? params.periode : '';
  const data = await loadPage((userId) => getStatistics(userId, { periode, veiligHuis: params.veiligHuis ?? '' }));
  const f = data.filters;
  const s = data.selection;
  const scopeName = data.selected
    ? data.selected.name
    : data.houses.length === 1
      ? data.houses[0]!.name
      : 'alle Veilige Huizen';
  const exportQuery = new URLSearchParams({
    periode: f.periode,
    ...(f.veiligHuis ? { veiligHuis: f.veiligHuis } : {}),
  });
  // each safe house, then all together (as in the CSV); one safe house needs no total row
  const overviewRows = data.total && data.rows.length !== 1 ? [...data.rows, data.total] : data.rows;
  const kinds = s.referrerKinds.filter((k) => k.n !== 0);

  return (
    <>
      <h1 className="text-2xl font-semibold">Statistieken</h1>
      <p className="mt-2 max-w-3xl text-gray-700">
        Geanonimiseerde cijfers over aanmeldingen, beslissingen, trajecten en het profiel van de cliëntsystemen (art. 8
        en art. 15, §4 van het decreet). Je ziet nooit een dossier of een persoon.
      </p>

      <form
        method="get"
        className="mt-6 flex flex-wrap items-end gap-4 rounded bg-white p-4 shadow-sm"
        aria-label="Filters"
      >
        <div>
          <label htmlFor="f-periode" className="block font-medium">
            Periode
          </label>
          <select
            id="f-periode"
            name="periode"
            defaultValue={f.periode}
            aria-describedby="f-periode-uitleg"
            className="mt-1 rounded border border-gray-500 px-2 py-1"
          >
            {periodOptions().map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
          </select>
        </div>
        {data.houses.length > 1 && (
          <div>
            <label htmlFor="f-veilig-huis" className="block font-medium">
              Veilig Huis
            </label>
            <select
              id="f-veilig-huis"
              name="veiligHuis"
              defaultValue={f.veiligHuis}
              className="mt-1 rounded border border-gray-500 px-2 py-1"
            >
              <option value="">Alle Veilige Huizen</option>
              {data.houses.map((h) => (
                <option key={h.id} value={h.id}>
                  {h.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
          Toepassen
        </button>
        <p id="f-periode-uitleg" className="w-full text-sm text-gray-700">
          Cijfers bestaan enkel per kwartaal of per jaar, volgens de maand waarin de aanmelding werd ingediend: zo kan
          niemand twee periodes van elkaar aftrekken om een klein aantal terug te vinden. Concepten tellen niet mee.
        </p>
      </form>

      <div className="mt-6 flex flex-wrap items-center justify-between gap-4">
        <p>
          <span className="font-medium">Periode:</span> {data.period} ·{' '}
          <span className="font-medium">Veilig Huis:</span> {scopeName}
        </p>
        <a
          href={`/api/v1/statistieken?${exportQuery.toString()}`}
          className="rounded border border-brand-700 px-3 py-1 font-medium text-brand-700 underline hover:bg-brand-50"
        >
          Exporteren als CSV
        </a>
      </div>
      <div className="mt-3 max-w-3xl rounded border border-gray-300 bg-white p-3 text-sm">
        <p>
          Om te vermijden dat iemand herkend wordt, tonen we aantallen van 1 tot en met {data.threshold - 1} niet. Je
          ziet dan <span aria-hidden="true">„&lt; {data.threshold}”</span>
          <span className="sr-only">„minder dan {data.threshold}”</span>.
        </p>
        <p className="mt-1">
          Als zo’n aantal uit een totaal af te leiden zou zijn, verbergen we ook een ander aantal (van {data.threshold}{' '}
          of meer). Je ziet dan <span aria-hidden="true">„x”</span>
          <span className="sr-only">„x” (afgeschermd)</span>.
        </p>
        <p className="mt-1">Een mediane wachttijd tonen we pas vanaf {data.threshold} beslissingen.</p>
      </div>

      <section aria-labelledby="h-overzicht" className="mt-8">
        <h2 id="h-overzicht" className="text-xl font-semibold">
          Overzicht per Veilig Huis
        </h2>
        <TableScroll labelledBy="tabel-overzicht">
          <table className="mt-3 w-full border-collapse bg-white text-left">
            <caption id="tabel-overzicht" className="p-2 text-left text-sm text-gray-700">
              Aanmeldingen, beslissingen en trajecten per Veilig Huis, {data.period}
            </caption>
            <thead>
              <tr className="border-b border-gray-400">
                <th scope="col" className={th}>
                  Veilig Huis
                </th>
                <th scope="col" className={`${th} text-right`}>
                  Aanmeldingen
                </th>
                <th scope="col" className={`${th} text-right`}>
                  Wacht op beslissing
                </th>
                <th scope="col" className={`${th} text-right`}>
                  Beslist
                </th>
                <th scope="col" className={`${th} text-right`}>
                  Opgenomen
                </th>
                <th scope="col" className={`${th} text-right`}>
                  Lopende trajecten
                </th>
                <th scope="col" className={`${th} text-right`}>
                  Afgesloten trajecten
                </th>
              </tr>
            </thead>
            <tbody>
              {overviewRows.map((u) => (
                <tr key={u.id} className={`border-b border-gray-200 ${u.id === 'total' ? 'font-semibold' : ''}`}>
                  <th scope="row" className="p-2 text-left font-normal">
                    {u.id === 'total' ? <strong>{u.name}</strong> : u.name}
                  </th>
                  <td className={num}>
                    <Count value={u.referrals} />
                  </td>
                  <td className={num}>
                    <Count value={u.pending} />
                  </td>
                  <td className={num}>
                    <Count value={u.decided} />
                  </td>
                  <td className={num}>
                    <Count value={u.outcomes.find((o) => o.code === 'START_TRAJECTORY')!.n} />
                  </td>
                  <td className={num}>
                    <Count value={u.trajectories.open} />
                  </td>
                  <td className={num}>
                    <Count value={u.trajectories.closed} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>

      <section aria-labelledby="h-beslissingen" className="mt-8">
        <h2 id="h-beslissingen" className="text-xl font-semibold">
          Beslissingen na toetsing
        </h2>
        <BarChart
          label={`Staafdiagram van de beslissingen per uitkomst, ${scopeName}. De aantallen staan in de tabel hieronder.`}
          items={s.outcomes.map((o) => ({ key: o.code, label: OUTCOME_LABEL[o.code] ?? o.code, value: o.n }))}
        />
        <CountTable
          caption={`Beslissingen per uitkomst, ${scopeName}`}
          labelHeader="Uitkomst"
          valueHeader="Aantal"
          rows={s.outcomes.map((o) => ({ key: o.code, label: OUTCOME_LABEL[o.code] ?? o.code, value: o.n }))}
          total={{ label: 'Totaal beslist', value: s.decided }}
        />

        <h3 className="mt-6 text-lg font-semibold">Trajecten</h3>
        <CountTable
          caption={`Opgenomen cliëntsystemen: lopende en afgesloten trajecten, ${scopeName}`}
          labelHeader="Traject"
          valueHeader="Aantal"
          rows={[
            { key: 'open', label: 'Lopend', value: s.trajectories.open },
            { key: 'closed', label: 'Afgesloten', value: s.trajectories.closed },
          ]}
          total={{ label: 'Totaal opgenomen', value: s.outcomes.find((o) => o.code === 'START_TRAJECTORY')!.n }}
        />
      </section>

      <section aria-labelledby="h-profiel" className="mt-8">
        <h2 id="h-profiel" className="text-xl font-semibold">
          Profiel van de cliëntsystemen
        </h2>

        <h3 className="mt-4 text-lg font-semibold">Vormen van geweld</h3>
        <p className="mt-1 text-sm text-gray-700">Een aanmelding kan meer dan één vorm van geweld vermelden.</p>
        <BarChart
          label={`Staafdiagram van de aanmeldingen per vorm van geweld, ${scopeName}. De aantallen staan in de tabel hieronder.`}
          items={s.violenceForms.map((v) => ({
            key: v.code,
            label: REPORTING_VIOLENCE_FORM_LABEL[v.code] ?? v.code,
            value: v.n,
          }))}
        />
        <CountTable
          caption={`Aanmeldingen per vorm van geweld, ${scopeName}`}
          labelHeader="Vorm van geweld"
          valueHeader="Aanmeldingen"
          rows={s.violenceForms.map((v) => ({
            key: v.code,
            label: REPORTING_VIOLENCE_FORM_LABEL[v.code] ?? v.code,
            value: v.n,
          }))}
        />

        <h3 className="mt-6 text-lg font-semibold">Minderjarigen betrokken</h3>
        <CountTable
          caption={`Aanmeldingen met en zonder minderjarigen in het cliëntsysteem, ${scopeName}`}
          labelHeader="Cliëntsysteem"
          valueHeader="Aanmeldingen"
          rows={s.minors.map((m) => ({ key: m.code, label: MINORS_LABEL[m.code], value: m.n }))}
        />

        <h3 className="mt-6 text-lg font-semibold">Aanmeldende sector</h3>
        {kinds.length === 0 ? (
          <p className="mt-2">Geen aanmeldingen in deze periode.</p>
        ) : (
          <>
            <BarChart
              label={`Staafdiagram van de aanmeldingen per aanmeldende sector, ${scopeName}. De aantallen staan in de tabel hieronder.`}
              items={kinds.map((k) => ({ key: k.code, label: ORGANISATION_KIND_LABEL[k.code], value: k.n }))}
            />
            <CountTable
              caption={`Aanmeldingen per soort aanmeldende organisatie (art. 10), ${scopeName}. Sectoren zonder aanmeldingen staan er niet bij.`}
              labelHeader="Sector"
              valueHeader="Aanmeldingen"
              rows={kinds.map((k) => ({ key: k.code, label: ORGANISATION_KIND_LABEL[k.code], value: k.n }))}
            />
          </>
        )}
      </section>

      <section aria-labelledby="h-wachttijd" className="mt-8">
        <h2 id="h-wachttijd" className="text-xl font-semibold">
          Wachttijd tot beslissing
        </h2>
        <p className="mt-1 max-w-3xl text-sm text-gray-700">
          Mediaan van het aantal dagen tussen de indiening van de aanmelding en de beslissing na toetsing, voor de
          beslissingen over aanmeldingen uit deze periode.
        </p>
        <TableScroll labelledBy="tabel-wachttijd">
          <table className="mt-3 w-full max-w-3xl border-collapse bg-white text-left">
            <caption id="tabel-wachttijd" className="p-2 text-left text-sm text-gray-700">
              Mediane wachttijd per Veilig Huis, {data.period}
            </caption>
            <thead>
              <tr className="border-b border-gray-400">
                <th scope="col" className={th}>
                  Veilig Huis
                </th>
                <th scope="col" className={`${th} text-right`}>
                  Beslissingen
                </th>
                <th scope="col" className={`${th} text-right`}>
                  Mediane wachttijd
                </th>
              </tr>
            </thead>
            <tbody>
              {overviewRows.map((u) => (
                <tr key={u.id} className={`border-b border-gray-200 ${u.id === 'total' ? 'font-semibold' : ''}`}>
                  <th scope="row" className="p-2 text-left font-normal">
                    {u.id === 'total' ? <strong>{u.name}</strong> : u.name}
                  </th>
                  <td className={num}>
                    <Count value={u.decided} />
                  </td>
                  <td className={num}>
                    <Median u={u} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
    </>
  );
}
