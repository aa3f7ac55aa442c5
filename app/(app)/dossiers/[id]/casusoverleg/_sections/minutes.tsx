import { Section } from '@/components/ui/section';
import { SpecForm } from '@/components/ui/spec-form';
import { formatDateTime } from '@/lib/labels';
import type { FormAction, View } from './types';

/** The sessions the case was on, with their minutes and decisions; the latest one can be recorded. */
export function MinutesSection({
  agenda,
  canRecord,
  actions,
}: {
  agenda: View['agenda'];
  canRecord: boolean;
  actions: { minutes: (agendaItemId: string) => FormAction; decision: (agendaItemId: string) => FormAction };
}) {
  return (
    <Section id="verslag" title="Overleg, verslag en beslissingen">
      {agenda.length === 0 && <p>Deze casus stond nog niet op een overleg.</p>}
      {agenda.map((a, i) => (
        <article
          key={a.id}
          className="mb-4 rounded bg-white p-4"
          aria-label={`Overleg van ${formatDateTime(a.startsAt)}`}
        >
          <h3 className="font-semibold">
            {formatDateTime(a.startsAt)} — {a.location}
          </h3>
          {a.finalisedAt && (
            <p className="text-sm text-gray-700">
              Definitief sinds {formatDateTime(a.finalisedAt)}: niet meer te wijzigen.
            </p>
          )}
          {canRecord && i === 0 && !a.finalisedAt ? (
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
        </article>
      ))}
    </Section>
  );
}
