import { Callout } from '@/components/ui/callout';
import { Section } from '@/components/ui/section';
import { SpecForm } from '@/components/ui/spec-form';
import { EMERGENCY_GROUND_LABEL, formatDate, formatDateTime } from '@/lib/labels';
import type { FormAction, View } from './types';

/**
 * Urgent disclosures outside consensus (seeds 001, 002; ADR 0035): clearly marked, each with its
 * ground, what was disclosed, to whom, when and why it could not wait; "te bespreken" until a
 * session of the case has taken place after it was recorded. Participants and the coordinator
 * record one here, afterwards.
 */
export function EmergencySection({
  emergencies,
  record,
}: {
  emergencies: View['emergencies'];
  record: FormAction | null;
}) {
  if (emergencies.length === 0 && !record) return null;
  const open = emergencies.filter((e) => e.toDiscuss);
  return (
    <Section
      id="dringend"
      title="Dringende mededelingen buiten consensus"
      className="mt-8 rounded border-2 border-red-700 p-4"
    >
      <p className="text-sm">
        Uitzonderlijk mag een deelnemer zonder consensus informatie meedelen: bij noodtoestand (reëel, ernstig en acuut
        gevaar), met het meldrecht van art. 458bis Sw. (aan de procureur des Konings) of om iemand in groot gevaar te
        helpen (art. 422bis Sw.). Registreer dat hier zo snel mogelijk; het komt op de agenda van het volgende overleg.
      </p>
      {open.length > 0 && (
        <Callout tone="warning" className="mt-3" role="status">
          <strong>Te bespreken: dringende mededeling buiten consensus</strong> ({open.length}) – op de agenda van het
          volgende casusoverleg
          {open[0]?.nextSession ? ` (${formatDate(open[0].nextSession)})` : ''}.
        </Callout>
      )}
      <ul className="mt-3 space-y-3">
        {emergencies.map((e) => (
          <li key={e.id} id={`dringend-${e.id}`} className="rounded border border-red-700 bg-red-50 p-3">
            <p className="font-semibold">
              {e.toDiscuss ? 'Te bespreken: ' : 'Besproken: '}
              {EMERGENCY_GROUND_LABEL[e.ground]}
            </p>
            <dl className="mt-1 grid gap-x-4 gap-y-1 text-sm md:grid-cols-[max-content_1fr]">
              <dt className="font-semibold">Door</dt>
              <dd>
                {e.recordedBy} ({e.organisation}), geregistreerd op {formatDateTime(e.createdAt)}
              </dd>
              <dt className="font-semibold">Meegedeeld aan</dt>
              <dd>
                {e.recipient}, op {formatDateTime(e.disclosedAt)}
              </dd>
              <dt className="font-semibold">Wat</dt>
              <dd className="whitespace-pre-line">{e.disclosed}</dd>
              <dt className="font-semibold">Waarom het niet kon wachten</dt>
              <dd className="whitespace-pre-line">{e.urgency}</dd>
              {e.discussedAt && (
                <>
                  <dt className="font-semibold">Besproken</dt>
                  <dd>in het overleg van {formatDate(e.discussedAt)}</dd>
                </>
              )}
            </dl>
          </li>
        ))}
      </ul>
      {record && (
        <details className="mt-4">
          <summary className="cursor-pointer text-brand-700 underline">Dringende mededeling registreren</summary>
          <SpecForm
            action={record}
            submitLabel="Dringende mededeling registreren"
            label="Dringende mededeling registreren"
            fields={[
              {
                kind: 'radio',
                name: 'ground',
                label: 'Grond',
                required: true,
                options: Object.entries(EMERGENCY_GROUND_LABEL).map(([value, label]) => ({ value, label })),
              },
              {
                kind: 'textarea',
                name: 'disclosed',
                label: 'Welke informatie deelde je mee?',
                required: true,
                rows: 3,
                hint: 'Enkel wat nodig was om het gevaar af te wenden.',
              },
              {
                kind: 'text',
                name: 'recipient',
                label: 'Aan wie?',
                required: true,
                hint: 'Dienst en functie, bv. "Politiezone, wachtofficier" of "Procureur des Konings".',
              },
              { kind: 'datetime', name: 'disclosedAt', label: 'Wanneer?', required: true },
              {
                kind: 'textarea',
                name: 'urgency',
                label: 'Waarom kon dit niet wachten op het casusoverleg?',
                required: true,
                rows: 3,
              },
            ]}
          />
        </details>
      )}
    </Section>
  );
}
