import { Section } from '@/components/ui/section';
import { SpecForm } from '@/components/ui/spec-form';
import { SESSION_STATE_LABEL, formatDateTime } from '@/lib/labels';
import type { FormAction, View } from './types';

/**
 * The sessions the case was on, session by session with their state (art. 13; ADR 0033): minutes,
 * decisions and the actions of the plan agreed there. The open session — else the latest — can be recorded.
 */
export function MinutesSection({
  agenda,
  goals = [],
  canRecord,
  actions,
}: {
  agenda: View['agenda'];
  goals?: View['goals'];
  canRecord: boolean;
  actions: { minutes: (agendaItemId: string) => FormAction; decision: (agendaItemId: string) => FormAction };
}) {
  return (
    <Section id="verslag" title="Overleg, verslag en beslissingen">
      {agenda.length === 0 && <p>Deze casus stond nog niet op een overleg.</p>}
      {agenda.map((a, i) => {
        const recordable = agenda.some((x) => x.state === 'OPEN') ? a.state === 'OPEN' : i === 0;
        const agreed = goals.flatMap((g) =>
          g.actions.filter((x) => x.agendaItemId === a.id).map((x) => ({ ...x, goal: g.title })),
        );
        return (
          <article
            key={a.id}
            className="mb-4 rounded bg-white p-4"
            aria-label={`Overleg van ${formatDateTime(a.startsAt)}`}
          >
            <h3 className="font-semibold">
              {formatDateTime(a.startsAt)} — {a.location} —{' '}
              <span className="rounded border border-gray-400 px-2 py-0.5 text-sm font-normal">
                {SESSION_STATE_LABEL[a.state]}
              </span>
            </h3>
            {a.openedAt && (
              <p className="text-sm text-gray-700">
                Geopend op {formatDateTime(a.openedAt)}
                {a.closedAt ? `, afgesloten op ${formatDateTime(a.closedAt)}` : ''}
              </p>
            )}
            {a.finalisedAt && (
              <p className="text-sm text-gray-700">
                Definitief sinds {formatDateTime(a.finalisedAt)}: niet meer te wijzigen.
              </p>
            )}
            {canRecord && recordable && !a.finalisedAt ? (
              <div className="mt-2 space-y-4">
                <SpecForm
                  action={actions.minutes(a.id)}
                  submitLabel="Verslag bewaren"
                  initial={{ minutes: a.minutes }}
                  className="space-y-2"
                  label="Verslag"
                  fields={[{ kind: 'textarea', name: 'minutes', label: 'Verslag (optioneel, art. 13 § 2)', rows: 6 }]}
                />
                <SpecForm
                  action={actions.decision(a.id)}
                  submitLabel="Beslissing toevoegen"
                  className="space-y-2"
                  label="Beslissing"
                  fields={[{ kind: 'text', name: 'text', label: 'Nieuwe beslissing', required: true }]}
                />
              </div>
            ) : (
              <p className="mt-2 whitespace-pre-line">{a.minutes || 'Geen verslag.'}</p>
            )}
            {a.decisions.length > 0 && (
              <>
                <h4 className="mt-3 font-medium">Beslissingen</h4>
                <ol className="list-decimal pl-6">
                  {a.decisions.map((d) => (
                    <li key={d.id}>{d.text}</li>
                  ))}
                </ol>
              </>
            )}
            {agreed.length > 0 && (
              <>
                <h4 className="mt-3 font-medium">Acties van het plan van aanpak afgesproken op dit overleg</h4>
                <ul className="list-disc pl-6">
                  {agreed.map((x) => (
                    <li key={x.id}>
                      {x.description} ({x.owner}; doel: {x.goal})
                    </li>
                  ))}
                </ul>
              </>
            )}
          </article>
        );
      })}
    </Section>
  );
}
