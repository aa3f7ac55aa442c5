import Link from 'next/link';
import { Callout } from '@/components/ui/callout';
import { DescriptionItem, DescriptionList } from '@/components/ui/description-list';
import { SpecForm, type FieldSpec, type FormActionOf } from '@/components/ui/spec-form';
import type { MemberVoicesView } from '@/lib/client-voice/get-member-voices';
import type { MemberVoiceValues } from '@/lib/client-voice/schemas';
import { CONSENT_STATUS_LABEL, VOICE_CHANNEL_LABEL, formatDate, formatDateTime } from '@/lib/labels';
import { parseIsoDate } from '@/lib/time';

type MemberVoice = MemberVoicesView['members'][number];
export type VoiceAction = FormActionOf<MemberVoiceValues>;

const day = (iso: string) => (iso ? formatDate(parseIsoDate(iso)) : '');

function informedText(v: MemberVoiceValues, part: 'referral' | 'conference'): string {
  const answer = v[`${part}Informed`];
  if (answer === 'ja')
    return `Ja, op ${day(v[`${part}InformedAt`])} door ${v[`${part}InformedBy`]} (${v[`${part}InformedHow`]})`;
  if (answer === 'nee') return `Nee. Reden: ${v[`${part}NotInformedReason`]}`;
  return 'Niet geregistreerd';
}

function consentText(v: MemberVoiceValues): string {
  if (!v.consent) return 'Niet geregistreerd';
  const label = CONSENT_STATUS_LABEL[v.consent as keyof typeof CONSENT_STATUS_LABEL];
  if (v.consent === 'NOT_ASKED') return `${label}. Waarom: ${v.consentNote}`;
  return `${label} op ${day(v.consentAt)}${v.consentNote ? `. ${v.consentNote}` : ''}`;
}

function voiceText(v: MemberVoiceValues): string {
  if (!v.voiceChannel) return 'Niet geregistreerd';
  const label = VOICE_CHANNEL_LABEL[v.voiceChannel as keyof typeof VOICE_CHANNEL_LABEL];
  if (v.voiceChannel === 'TRUSTED_PERSON') return `${label}: ${v.representative}`;
  return v.voiceNote ? `${label}: ${v.voiceNote}` : label;
}

/** What is missing for one member, in words (art. 4: informed, or a recorded reason why not). */
export function missingText(m: MemberVoice): string | null {
  const parts = [
    m.missing.referral ? 'over de aanmelding' : null,
    m.missing.conference ? 'over het casusoverleg' : null,
  ].filter(Boolean);
  return parts.length
    ? `${m.label}: niet geregistreerd of dit lid geïnformeerd werd ${parts.join(' en ')}, en ook geen reden waarom niet.`
    : null;
}

/** Whether the member was informed about one part (art. 4): yes with when, by whom, how; or no with the reason. */
function informedFields(
  part: 'referral' | 'conference',
  question: string,
  howLabel: string,
): FieldSpec<keyof MemberVoiceValues>[] {
  return [
    {
      kind: 'radio',
      name: `${part}Informed`,
      label: question,
      inline: true,
      options: [
        { value: 'ja', label: 'Ja' },
        { value: 'nee', label: 'Nee' },
        { value: '', label: 'Nog niet geregistreerd' },
      ],
    },
    { kind: 'date', name: `${part}InformedAt`, label: 'Wanneer (bij ja)' },
    { kind: 'text', name: `${part}InformedBy`, label: 'Door wie (naam, functie; bij ja)' },
    { kind: 'text', name: `${part}InformedHow`, label: howLabel },
    { kind: 'textarea', name: `${part}NotInformedReason`, label: 'Waarom niet (bij nee, bv. veiligheid)', rows: 2 },
  ];
}

const FIELDS: FieldSpec<keyof MemberVoiceValues>[] = [
  {
    kind: 'note',
    text: 'Geïnformeerd over de aanmelding (art. 4; de memorie: "voor zover de veiligheid het toelaat").',
  },
  ...informedFields(
    'referral',
    'Werd het lid geïnformeerd over de aanmelding bij het Veilig Huis?',
    'Hoe (gesprek, telefoon, brief, …; bij ja)',
  ),
  ...informedFields('conference', 'Werd het lid geïnformeerd over het casusoverleg?', 'Hoe (bij ja)'),
  {
    kind: 'select',
    name: 'consent',
    label: 'Toestemming (geïnformeerde instemming)',
    placeholder: 'Nog niet geregistreerd',
    options: Object.entries(CONSENT_STATUS_LABEL).map(([value, label]) => ({ value, label })),
  },
  { kind: 'date', name: 'consentAt', label: 'Datum (gevraagd, gegeven, geweigerd of ingetrokken)' },
  {
    kind: 'textarea',
    name: 'consentNote',
    label: 'Toelichting',
    hint: 'Verplicht als de toestemming niet gevraagd werd: waarom niet.',
    rows: 2,
  },
  {
    kind: 'textarea',
    name: 'view',
    label: 'Eigen mening en wensen van het lid',
    hint: 'In de woorden van het lid waar mogelijk. Wordt versleuteld bewaard.',
    rows: 3,
  },
  {
    kind: 'select',
    name: 'voiceChannel',
    label: 'Hoe wordt de stem van het lid ingebracht?',
    placeholder: 'Nog niet geregistreerd',
    options: Object.entries(VOICE_CHANNEL_LABEL).map(([value, label]) => ({ value, label })),
  },
  { kind: 'text', name: 'representative', label: 'Vertrouwenspersoon (naam en rol; bij vertegenwoordiging)' },
  { kind: 'textarea', name: 'voiceNote', label: 'Hoe anders, of wat er afgesproken is', rows: 2 },
  { kind: 'text', name: 'debriefBy', label: 'Wie informeert het lid achteraf over het verloop en de besluiten?' },
  { kind: 'date', name: 'debriefAt', label: 'Wanneer (uiterlijk)' },
];

/** What is recorded about one member's voice and rights, in words. */
export function VoiceFacts({ values: v, className }: { values: MemberVoiceValues; className?: string }) {
  return (
    <DescriptionList className={className}>
      <DescriptionItem term="Geïnformeerd over de aanmelding">{informedText(v, 'referral')}</DescriptionItem>
      <DescriptionItem term="Geïnformeerd over het casusoverleg">{informedText(v, 'conference')}</DescriptionItem>
      <DescriptionItem term="Toestemming">{consentText(v)}</DescriptionItem>
      <DescriptionItem term="Eigen mening en wensen">{v.view || 'Niet geregistreerd'}</DescriptionItem>
      <DescriptionItem term="Stem in het overleg">{voiceText(v)}</DescriptionItem>
      <DescriptionItem term="Achteraf geïnformeerd door">
        {v.debriefBy ? `${v.debriefBy}${v.debriefAt ? `, uiterlijk ${day(v.debriefAt)}` : ''}` : 'Niet geregistreerd'}
      </DescriptionItem>
    </DescriptionList>
  );
}

/** The form for one member's voice and rights (on a page of its own: field ids follow field names). */
export function MemberVoiceForm({ member: m, action }: { member: MemberVoice; action: VoiceAction }) {
  return (
    <SpecForm
      action={action}
      submitLabel="Bewaren"
      label={`Stem en rechten van ${m.label}`}
      initial={m.values}
      fields={FIELDS}
    />
  );
}

/** One member's voice and rights: what was recorded, a warning for what is missing, a link to edit. */
export function MemberVoiceCard({ member: m, editHref }: { member: MemberVoice; editHref: string | null }) {
  const v = m.values;
  const missing = missingText(m);
  return (
    <article
      id={`stem-${m.memberId}`}
      className="mt-4 rounded border border-gray-300 bg-white p-4"
      aria-label={`Stem en rechten van ${m.label}`}
    >
      <h3 className="font-semibold">{m.label}</h3>
      {missing && (
        <Callout tone="error" role="alert" className="mt-2">
          {missing}
        </Callout>
      )}
      <VoiceFacts values={v} className="mt-2" />
      {m.updatedAt && (
        <p className="mt-2 text-sm text-gray-700">
          Laatst bijgewerkt door {m.updatedBy} op {formatDateTime(m.updatedAt)}.
        </p>
      )}
      {editHref && (
        <p className="mt-3">
          <Link href={editHref} className="font-medium text-brand-700 underline">
            Stem en rechten van {m.label} bijwerken
          </Link>
        </p>
      )}
    </article>
  );
}
