import { Section } from '@/components/ui/section';
import { SpecForm } from '@/components/ui/spec-form';
import { SEX_LABEL } from '@/lib/labels';
import type { FormAction, OverviewRecord } from './types';

const isoDay = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : '');

/** Rectifying the identification data (art. 16 GDPR); not printed. */
export function RectifySection({
  record,
  rectify,
}: {
  record: OverviewRecord;
  /** Null when the user may not rectify in this dossier now. */
  rectify: FormAction | null;
}) {
  const { member, dossier } = record;
  return (
    <Section
      data-print="hide"
      headingId={`r-${member.id}`}
      level={3}
      title="Identificatiegegevens rechtzetten (art. 16 AVG)"
      className="mt-6 max-w-2xl"
      bodyClassName=""
    >
      {rectify ? (
        <SpecForm
          action={rectify}
          label={`Rechtzetten in dossier ${dossier.reference}`}
          submitLabel="Rechtzetting bewaren"
          className="mt-2 space-y-4 rounded border border-gray-300 bg-white p-4"
          initial={{
            firstName: member.firstName,
            lastName: member.lastName,
            dateOfBirth: isoDay(member.dateOfBirth),
            sex: member.sex,
            nationalNumber: member.nationalNumber ?? '',
            reason: '',
          }}
          fields={[
            { kind: 'text', name: 'firstName', label: 'Voornaam', required: true },
            { kind: 'text', name: 'lastName', label: 'Achternaam', required: true },
            { kind: 'date', name: 'dateOfBirth', label: 'Geboortedatum' },
            {
              kind: 'select',
              name: 'sex',
              label: 'Geslacht',
              required: true,
              options: Object.entries(SEX_LABEL).map(([value, label]) => ({ value, label })),
            },
            {
              kind: 'text',
              name: 'nationalNumber',
              label: 'Rijksregisternummer',
              hint: 'Leeg laten verwijdert het nummer.',
            },
            {
              kind: 'textarea',
              name: 'reason',
              label: 'Reden van de rechtzetting',
              required: true,
              rows: 2,
              hint: 'Komt in het toegangslog: geen namen, nummers of andere persoonsgegevens, bv. "verzoek van de betrokkene, identiteitskaart gezien".',
            },
          ]}
        />
      ) : (
        <p className="mt-2">Rechtzetten kan nu niet in dit dossier.</p>
      )}
    </Section>
  );
}
