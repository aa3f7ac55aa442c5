import { loadPage } from '@/lib/auth/session';
import { Notice } from '@/components/ui/notice';
import { listMyInvitations } from '@/lib/conferences/list-my-invitations';
import { ATTENDANCE_LABEL, INVITATION_REASON_LABEL, INVITATION_STATUS_LABEL, SESSION_STATE_LABEL } from '@/lib/labels';
import { formatDateTime } from '@/lib/time';
import { SpecForm } from '@/components/ui/spec-form';
import { acknowledgeAction, respondAction } from './actions';
import { noticeText } from '@/lib/forms/notices';

export const metadata = { title: 'Uitnodigingen' };

const SECRECY =
  'Wat in het casusoverleg gedeeld wordt, valt onder de geheimhoudingsplicht van art. 458ter §2 Sw. en art. 14, § 1 van het decreet. ' +
  'Je deelt enkel informatie die relevant en proportioneel is; je bent niet verplicht te spreken. Je geeft niets door buiten het overleg, ' +
  'behalve met de consensus van alle deelnemers en onder de voorwaarden van art. 14, § 2. Schending is strafbaar (art. 458 Sw.).';

export default async function InvitationsPage({ searchParams }: { searchParams: Promise<{ melding?: string }> }) {
  const { melding } = await searchParams;
  const data = await loadPage(listMyInvitations);
  const notice = noticeText('invitations', melding);
  return (
    <>
      <h1 className="text-2xl font-semibold">Uitnodigingen voor casusoverleg</h1>
      <Notice>{notice}</Notice>

      {data.pending.length > 0 && (
        <section aria-labelledby="h-geheim" className="mt-8">
          <h2 id="h-geheim" className="text-xl font-semibold">
            Geheimhoudingsplicht bevestigen
          </h2>
          <p className="mt-1">
            Je neemt deel aan een casus. Je ziet er pas iets van nadat je de geheimhoudingsplicht bevestigd hebt.
          </p>
          {data.pending.map((p) => (
            <div key={p.id} className="mt-3 max-w-3xl">
              <p className="font-medium">
                {p.safeHouseName} — {INVITATION_REASON_LABEL[p.reason]} — {ATTENDANCE_LABEL[p.attendance]}
              </p>
              <SpecForm
                action={acknowledgeAction.bind(null, p.id)}
                label="Geheimhoudingsplicht bevestigen"
                submitLabel="Bevestigen en de casus openen"
                fields={[
                  { kind: 'note', text: SECRECY },
                  {
                    kind: 'checkboxes',
                    name: 'bevestig',
                    label: 'Bevestiging',
                    required: true,
                    options: [
                      {
                        value: 'ja',
                        label: 'Ik ken de geheimhoudingsplicht van art. 458ter §2 Sw. en leef ze na voor deze casus.',
                      },
                    ],
                  },
                ]}
              />
            </div>
          ))}
        </section>
      )}

      <section aria-labelledby="h-uitn" className="mt-8">
        <h2 id="h-uitn" className="text-xl font-semibold">
          Aan mij gerichte uitnodigingen
        </h2>
        {data.invitations.length === 0 ? (
          <p className="mt-2">Er zijn geen uitnodigingen.</p>
        ) : (
          <ul className="mt-2 space-y-4">
            {data.invitations.map((i) => (
              <li key={i.id} id={`uitnodiging-${i.id}`} className="max-w-3xl rounded bg-white p-4">
                <p className="font-medium">
                  {i.safeHouseName}: casusoverleg op {formatDateTime(i.session.startsAt)} — {i.session.location} (
                  {SESSION_STATE_LABEL[i.session.state].toLowerCase()})
                </p>
                <p className="text-sm">
                  Reden: {INVITATION_REASON_LABEL[i.reason]}
                  {i.reasonNote ? ` (${i.reasonNote})` : ''}
                </p>
                <p className="text-sm">
                  Status: <strong>{INVITATION_STATUS_LABEL[i.status]}</strong>
                </p>
                {i.status === 'INVITED' && (
                  <div className="mt-3 grid gap-4 md:grid-cols-2">
                    <SpecForm
                      action={respondAction.bind(null, i.id)}
                      label="Uitnodiging aanvaarden"
                      submitLabel="Aanvaarden"
                      initial={{ attendeeUserId: data.me }}
                      fields={[
                        { kind: 'hidden', name: 'answer', value: 'accept' },
                        {
                          kind: 'select',
                          name: 'attendeeUserId',
                          label: 'Wie neemt deel?',
                          required: true,
                          options: data.colleagues.map((c) => ({ value: c.id, label: c.name })),
                        },
                        {
                          kind: 'radio',
                          name: 'attendance',
                          label: 'Als',
                          required: true,
                          options: Object.entries(ATTENDANCE_LABEL).map(([value, label]) => ({ value, label })),
                        },
                      ]}
                    />
                    <SpecForm
                      action={respondAction.bind(null, i.id)}
                      label="Uitnodiging afwijzen"
                      submitLabel="Afwijzen"
                      variant="secondary"
                      fields={[
                        { kind: 'hidden', name: 'answer', value: 'decline' },
                        {
                          kind: 'note',
                          text: 'Deelname is vrij (art. 12). Je hoeft niet te motiveren waarom je niet deelneemt.',
                        },
                        { kind: 'text', name: 'declineNote', label: 'Toelichting (optioneel)' },
                      ]}
                    />
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
