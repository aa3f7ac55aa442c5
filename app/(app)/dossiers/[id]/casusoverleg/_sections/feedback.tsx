import { Section } from '@/components/ui/section';
import { SpecForm } from '@/components/ui/spec-form';
import { formatDate } from '@/lib/labels';
import type { FormAction, View } from './types';

/** Feedback by a standing delegate to a case worker of their organisation (art. 12). */
export function FeedbackSection({
  feedback,
  colleagues,
  record,
}: {
  feedback: View['feedback'];
  colleagues: View['colleagues'];
  /** Null when this user may not record feedback. */
  record: FormAction | null;
}) {
  return (
    <Section id="terugkoppeling" title="Terugkoppeling door een vaste afgevaardigde (art. 12)">
      {feedback.length > 0 && (
        <ul className="list-disc pl-6">
          {feedback.map((f) => (
            <li key={f.id}>
              {f.delegate} aan {f.caseWorker} op {formatDate(f.givenAt)}
              {f.acknowledgedAt
                ? ` (geheimhoudingsplicht bevestigd op ${formatDate(f.acknowledgedAt)})`
                : ' (geheimhoudingsplicht nog niet bevestigd)'}
              {f.note ? ` — ${f.note}` : ''}
            </li>
          ))}
        </ul>
      )}
      {record && (
        <div className="mt-3 max-w-2xl">
          <SpecForm
            action={record}
            submitLabel="Terugkoppeling registreren"
            label="Terugkoppeling registreren"
            fields={[
              {
                kind: 'note',
                text:
                  'De medewerker aan wie je terugkoppelt, is daardoor gebonden door de geheimhoudingsplicht van art. 458ter §2 Sw. ' +
                  'Hij of zij krijgt een e-mail zonder gegevens over de casus en leest je opmerking pas na het bevestigen van die geheimhoudingsplicht.',
              },
              {
                kind: 'select',
                name: 'caseWorkerUserId',
                label: 'Aan welke medewerker',
                required: true,
                options: colleagues.map((c) => ({ value: c.id, label: c.name })),
              },
              { kind: 'date', name: 'givenAt', label: 'Datum', required: true },
              { kind: 'text', name: 'note', label: 'Opmerking (optioneel)' },
            ]}
          />
        </div>
      )}
    </Section>
  );
}
