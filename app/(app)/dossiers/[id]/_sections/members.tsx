import { MemberVoiceCard, missingText } from '@/components/dossier/member-voice';
import { Reveal } from '@/components/dossier/reveal';
import { Callout } from '@/components/ui/callout';
import { DataTable } from '@/components/ui/data-table';
import { Section } from '@/components/ui/section';
import { SpecForm } from '@/components/ui/spec-form';
import type { MemberVoicesView } from '@/lib/client-voice/get-member-voices';
import { MEMBER_ROLE_LABEL, SEX_LABEL, formatDate } from '@/lib/labels';
import type { FormAction, RevealAction, View } from './types';

type Member = View['members'][number];

/**
 * The members (masked national numbers and addresses, revealed with a reason) and their contacts;
 * for the coordinator and the case's participants also each member's voice and rights (art. 4,
 * art. 16; ADR 0037).
 */
export function MembersSection({
  members,
  contacts,
  canSetSafeAddress,
  voices,
  actions,
}: {
  members: View['members'];
  contacts: View['contacts'];
  canSetSafeAddress: boolean;
  /** null for whoever may not see the members' voice (referrer, core partner) */
  voices: MemberVoicesView | null;
  actions: {
    reveal: (subject: 'member' | 'contact', subjectId: string, field: 'nationalNumber' | 'contact') => RevealAction;
    safeAddress: (memberId: string, safe: boolean) => FormAction;
    /** where a member's voice is edited (null: the actor may not) */
    voiceHref: (memberId: string) => string;
  };
}) {
  const name = (m: Member) => `${m.firstName} ${m.lastName}`;
  return (
    <Section id="leden" title="Leden van het cliëntsysteem">
      {members.length === 0 ? (
        <p>Nog geen leden geregistreerd.</p>
      ) : (
        <DataTable
          caption="Leden van het cliëntsysteem"
          rows={members}
          rowKey={(m) => m.id}
          columns={[
            {
              header: 'Naam',
              cell: (m) => (
                <>
                  {m.firstName} {m.lastName}
                </>
              ),
            },
            {
              header: 'Rol',
              cell: (m) => (
                <>
                  {MEMBER_ROLE_LABEL[m.memberRole]}
                  {m.isMinor ? ' (minderjarig)' : ''}
                </>
              ),
            },
            { header: 'Geboren', cell: (m) => formatDate(m.dateOfBirth) },
            { header: 'Geslacht', cell: (m) => SEX_LABEL[m.sex] },
            {
              header: 'Rijksregisternummer',
              cell: (m) =>
                m.reveal.nationalNumber ? (
                  <Reveal
                    label={`Rijksregisternummer van ${name(m)}`}
                    masked="••.••.••-•••.••"
                    action={actions.reveal('member', m.id, 'nationalNumber')}
                  />
                ) : m.hasNationalNumber ? (
                  'afgeschermd'
                ) : (
                  '—'
                ),
            },
            {
              header: 'Adres en telefoon',
              cell: (m) => (
                <>
                  {m.safeAddress && (
                    <strong className="mr-2 block text-red-900">
                      Veilig adres{m.reveal.contact ? '' : ': enkel zichtbaar voor de coördinator'}
                    </strong>
                  )}
                  {m.reveal.contact ? (
                    <Reveal
                      label={`Adres en telefoon van ${name(m)}`}
                      action={actions.reveal('member', m.id, 'contact')}
                    />
                  ) : m.hasContact && !m.safeAddress ? (
                    'afgeschermd'
                  ) : m.hasContact ? (
                    ''
                  ) : (
                    '—'
                  )}
                  {canSetSafeAddress && (
                    <div className="mt-1">
                      <SpecForm
                        action={actions.safeAddress(m.id, !m.safeAddress)}
                        submitLabel={m.safeAddress ? 'Veilig adres opheffen' : 'Markeren als veilig adres'}
                        variant="secondary"
                        className=""
                        label={`Veilig adres van ${name(m)}`}
                        fields={[]}
                      />
                    </div>
                  )}
                </>
              ),
            },
          ]}
        />
      )}
      {voices && voices.members.length > 0 && (
        <>
          <h3 id="stem" className="mt-6 font-semibold">
            Stem en rechten van de leden (art. 4 en art. 16)
          </h3>
          <p className="mt-1 max-w-3xl text-sm">
            Per lid: geïnformeerd over de aanmelding en het casusoverleg (of waarom niet), de toestemming, de eigen
            mening en wensen, hoe de stem in het overleg komt en wie het lid achteraf informeert.
          </p>
          {voices.members.some((m) => missingText(m)) && (
            <Callout tone="warning" className="mt-2">
              Niet elk lid werd geïnformeerd of heeft een geregistreerde reden waarom niet. Registreer dit vóór het
              casusoverleg.
            </Callout>
          )}
          {voices.members.map((m) => (
            <MemberVoiceCard
              key={m.memberId}
              member={m}
              editHref={voices.canRecord ? actions.voiceHref(m.memberId) : null}
            />
          ))}
        </>
      )}
      {contacts.length > 0 && (
        <>
          <h3 className="mt-6 font-semibold">Relaties en contacten</h3>
          <ul className="mt-2 list-disc pl-6">
            {contacts.map((c) => (
              <li key={c.id}>
                {c.firstName} {c.lastName} — {c.relation}
                {c.hasContact && (
                  <>
                    {' '}
                    —{' '}
                    <Reveal
                      label={`Contactgegevens van ${c.firstName} ${c.lastName}`}
                      action={actions.reveal('contact', c.id, 'contact')}
                    />
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </Section>
  );
}
