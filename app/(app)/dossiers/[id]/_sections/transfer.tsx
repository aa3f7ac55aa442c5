import { Section } from '@/components/ui/section';
import { SpecForm } from '@/components/ui/spec-form';
import { TRANSFER_STATUS_LABEL, formatDate } from '@/lib/labels';
import type { FormAction, View } from './types';

/** Transfers of the dossier to another safe house, and asking for one. */
export function TransferSection({
  transfers,
  otherHouses,
  request,
}: {
  transfers: View['transfers'];
  otherHouses: View['otherHouses'];
  /** Null when this user may not ask for a transfer now. */
  request: FormAction | null;
}) {
  return (
    <Section id="overdracht" title="Overdracht naar een ander Veilig Huis">
      {transfers.length > 0 && (
        <ul className="list-disc pl-6">
          {transfers.map((t) => (
            <li key={t.id}>
              {formatDate(t.createdAt)}: van {t.fromName} naar {t.toName} — {TRANSFER_STATUS_LABEL[t.status]} —{' '}
              {t.reason}
            </li>
          ))}
        </ul>
      )}
      {request && (
        <div className="mt-3 max-w-2xl">
          <SpecForm
            action={request}
            submitLabel="Overdracht vragen"
            label="Overdracht vragen"
            fields={[
              {
                kind: 'note',
                text: 'Het hele dossier gaat, met de persoonsgegevens, naar het andere Veilig Huis zodra de coördinator daar aanvaardt. Daarna zie je het niet meer.',
              },
              {
                kind: 'select',
                name: 'toSafeHouseId',
                label: 'Naar welk Veilig Huis',
                required: true,
                options: otherHouses.map((h) => ({ value: h.id, label: h.name })),
              },
              {
                kind: 'textarea',
                name: 'reason',
                label: 'Reden van de overdracht',
                required: true,
                rows: 2,
                hint: 'Bijvoorbeeld: het gezin is verhuisd.',
              },
            ]}
          />
        </div>
      )}
    </Section>
  );
}
