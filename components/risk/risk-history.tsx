import Link from 'next/link';
import { Callout } from '@/components/ui/callout';
import { Section } from '@/components/ui/section';
import { RISK_LEVEL_LABEL } from '@/lib/labels';
import { RISK_ANSWER_LABEL, RISK_FACTORS, type RiskAnswer } from '@/lib/referrals/risk-screening';
import { RISK_LEVELS } from '@/lib/referrals/schemas';
import { RISK_LEVEL_WORD, riskRank } from '@/lib/risk/levels';
import { formatDate, LOCALE, TIME_ZONE } from '@/lib/time';
import type { RiskHistoryView, RiskPoint } from '@/lib/risk/get-risk-history';
import { TableScroll } from '@/components/ui/table-scroll';

type RiskLevel = RiskPoint['level'];

const dayMonthYear = new Intl.DateTimeFormat(LOCALE, {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: TIME_ZONE,
});
export const formatRiseDate = (d: Date) => dayMonthYear.format(d);

/** "Risico gestegen van verhoogd naar hoog op 3 december 2026" */
export function riseSentence(rise: { from: RiskLevel; to: RiskLevel; at: Date }): string {
  return `Risico gestegen van ${RISK_LEVEL_WORD[rise.from]} naar ${RISK_LEVEL_WORD[rise.to]} op ${formatRiseDate(rise.at)}`;
}

/**
 * Each level its own colour (dark enough for 4.5:1 against white) and its own shape, so the
 * chart is never read by colour alone; the table under it holds the same data in words.
 */
const LEVEL_STYLE: Record<RiskLevel, { colour: string; shape: 'circle' | 'square' | 'triangle' | 'diamond' }> = {
  LOW: { colour: '#166534', shape: 'circle' },
  ELEVATED: { colour: '#854d0e', shape: 'square' },
  HIGH: { colour: '#9a3412', shape: 'triangle' },
  ACUTE: { colour: '#991b1b', shape: 'diamond' },
};

function Marker({ x, y, level }: { x: number; y: number; level: RiskLevel }) {
  const { colour, shape } = LEVEL_STYLE[level];
  const common = { fill: colour, stroke: '#111827', strokeWidth: 1.5 };
  switch (shape) {
    case 'circle':
      return <circle cx={x} cy={y} r={7} {...common} />;
    case 'square':
      return <rect x={x - 6.5} y={y - 6.5} width={13} height={13} {...common} />;
    case 'triangle':
      return <polygon points={`${x},${y - 8} ${x + 8},${y + 6} ${x - 8},${y + 6}`} {...common} />;
    case 'diamond':
      return <polygon points={`${x},${y - 9} ${x + 9},${y} ${x},${y + 9} ${x - 9},${y}`} {...common} />;
  }
}

const changeOf = (p: RiskPoint, before: RiskPoint | undefined): string => {
  if (!before) return 'eerste inschatting';
  const d = riskRank(p.level) - riskRank(before.level);
  return d > 0 ? '↑ gestegen' : d < 0 ? '↓ gedaald' : '= gelijk';
};

/** One sentence that says what the chart shows, for its accessible name. */
export function chartSummary(points: RiskPoint[]): string {
  if (points.length === 0) return 'Verloop van het risico: nog geen inschatting.';
  const first = points[0]!;
  const last = points.at(-1)!;
  const path = points.map((p) => RISK_LEVEL_WORD[p.level]).join(', ');
  const count = points.length === 1 ? '1 inschatting' : `${points.length} inschattingen`;
  return (
    `Verloop van het risico: ${count} van ${formatRiseDate(first.at)} tot ${formatRiseDate(last.at)}. ` +
    `Niveaus na elkaar: ${path}. Laatste niveau: ${RISK_LEVEL_WORD[last.level]}.`
  );
}

/** The history as a small timeline: x the date, y the four levels (server-rendered SVG, no library). */
export function RiskChart({ points }: { points: RiskPoint[] }) {
  const W = 640;
  const H = 220;
  const left = 112;
  const right = 24;
  const top = 18;
  const bottom = 44;
  const levels = [...RISK_LEVELS].reverse(); // acute at the top
  const yOf = (l: RiskLevel) => top + (levels.indexOf(l) * (H - top - bottom)) / (levels.length - 1);
  const times = points.map((p) => p.at.getTime());
  const min = Math.min(...times);
  const max = Math.max(...times);
  const xOf = (t: number) =>
    max === min ? (left + W - right) / 2 : left + ((t - min) * (W - left - right)) / (max - min);
  const coords = points.map((p) => ({ x: xOf(p.at.getTime()), y: yOf(p.level), p }));
  const summary = chartSummary(points);
  return (
    <svg
      role="img"
      aria-label={summary}
      viewBox={`0 0 ${W} ${H}`}
      className="h-auto w-full max-w-2xl rounded border border-gray-300 bg-white"
      data-testid="risk-chart"
    >
      <title>{summary}</title>
      {levels.map((l) => (
        <g key={l}>
          <line x1={left} x2={W - right} y1={yOf(l)} y2={yOf(l)} stroke="#d1d5db" strokeDasharray="4 4" />
          <text x={left - 12} y={yOf(l) + 5} textAnchor="end" fontSize="14" fill="#1f2937">
            {RISK_LEVEL_LABEL[l]}
          </text>
        </g>
      ))}
      <line x1={left} x2={W - right} y1={H - bottom + 8} y2={H - bottom + 8} stroke="#4b5563" />
      {coords.length > 1 && (
        <polyline
          points={coords.map((c) => `${c.x},${c.y}`).join(' ')}
          fill="none"
          stroke="#374151"
          strokeWidth={2.5}
        />
      )}
      {coords.map((c) => (
        <Marker key={c.p.id} x={c.x} y={c.y} level={c.p.level} />
      ))}
      {coords.length > 0 && (
        <>
          <text
            x={coords[0]!.x}
            y={H - 12}
            textAnchor={coords.length > 1 ? 'start' : 'middle'}
            fontSize="13"
            fill="#1f2937"
          >
            {formatDate(coords[0]!.p.at)}
          </text>
          {coords.length > 1 && (
            <text x={coords.at(-1)!.x} y={H - 12} textAnchor="end" fontSize="13" fill="#1f2937">
              {formatDate(coords.at(-1)!.p.at)}
            </text>
          )}
        </>
      )}
    </svg>
  );
}

/**
 * The dossier's risk over time (issue 13 §5; ADR 0042): a rise of the last point in words, the
 * chart, and a table with the same data (date, level, change, who, screening, reasoning) for
 * screen-reader and keyboard users. A link to record a new assessment for who may.
 */
export function RiskHistorySection({ history, newHref }: { history: RiskHistoryView; newHref: string | null }) {
  const { points, rise } = history;
  return (
    <Section
      id="risico"
      title="Verloop van het risico"
      description="De eerste risico-inschatting van de aanmelder en elke latere inschatting van de coördinator of de casusregisseur."
      actions={
        newHref ? (
          <Link href={newHref} className="font-medium text-brand-700 underline">
            Nieuwe risico-inschatting
          </Link>
        ) : null
      }
    >
      {rise && (
        <Callout tone="warning" className="mb-4 font-semibold" data-testid="risk-rise">
          <span aria-hidden="true">↑ </span>
          <span>{riseSentence(rise)}.</span>
        </Callout>
      )}
      {points.length === 0 ? (
        <p>Nog geen risico-inschatting.</p>
      ) : (
        <>
          <RiskChart points={points} />
          <div className="mt-4 overflow-x-auto">
            <TableScroll label="Tabel met alle risico-inschattingen">
              <table className="w-full bg-white text-left text-sm" data-testid="risk-table">
                <caption className="sr-only">Verloop van het risico, oudste inschatting eerst</caption>
                <thead>
                  <tr className="border-b border-gray-400">
                    <th scope="col" className="p-2">
                      Datum
                    </th>
                    <th scope="col" className="p-2">
                      Niveau
                    </th>
                    <th scope="col" className="p-2">
                      Verandering
                    </th>
                    <th scope="col" className="p-2">
                      Door
                    </th>
                    <th scope="col" className="p-2">
                      Screening
                    </th>
                    <th scope="col" className="p-2">
                      Onderbouwing
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {points.map((p, i) => (
                    <tr key={p.id} className="border-b border-gray-200 align-top">
                      <td className="whitespace-nowrap p-2">{formatDate(p.at)}</td>
                      <td className="whitespace-nowrap p-2 font-semibold">{RISK_LEVEL_LABEL[p.level]}</td>
                      <td className="whitespace-nowrap p-2">{changeOf(p, points[i - 1])}</td>
                      <td className="p-2">
                        {p.by} <span className="text-gray-700">({p.capacity})</span>
                      </td>
                      <td className="p-2">
                        <details>
                          <summary className="cursor-pointer text-brand-800 underline">
                            {p.score} van {RISK_FACTORS.length} × ja
                          </summary>
                          <ul className="mt-1 space-y-0.5">
                            {RISK_FACTORS.map((f) => (
                              <li key={f.key}>
                                {f.label}{' '}
                                <strong>
                                  {p.answers[f.key] ? RISK_ANSWER_LABEL[p.answers[f.key] as RiskAnswer] : '—'}
                                </strong>
                              </li>
                            ))}
                          </ul>
                        </details>
                      </td>
                      <td className="whitespace-pre-line p-2">{p.reasoning || '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </div>
        </>
      )}
    </Section>
  );
}
