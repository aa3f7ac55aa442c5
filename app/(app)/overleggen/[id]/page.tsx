import Link from 'next/link';
import { Notice } from '@/components/ui/notice';
import { loadPage } from '@/lib/auth/session';
import { getSession } from '@/lib/conferences/list-sessions';
import { ATTENDANCE_LABEL, INVITATION_REASON_LABEL, INVITATION_STATUS_LABEL, SESSION_STATE_LABEL } from '@/lib/labels';
import { formatDateTime } from '@/lib/time';
import { SpecForm } from '@/components/ui/spec-form';
import { caseDirectorAction, closeSessionAction, identityAction, inviteAction, openSessionAction } from '../actions';
import { noticeText } from '@/lib/forms/notices';
import { PlanDeadlines } from '@/components/distribution/plan-deadlines';

export const metadata = { title: 'Casusoverleg' };

export default async function SessionPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ melding?: string }>;
}) {
  const { id } = await params;
  const { melding } = await searchParams;
  const data = await loadPage((userId) => getSession(userId, id));
  const notice = noticeText('session', melding);
  const addresseeGroups = data.directory.map((o) => ({
    label: o.name,
    options: o.users.map((u) => ({ value: u.id, label: `${u.name} (${o.name})` })),
  }));
  return (
    <>
      <p className="text-sm text-gray-700">{data.session.safeHouseName}</p>
      <h1 className="text-2xl font-semibold">Casusoverleg van {formatDateTime(data.session.startsAt)}</h1>
      <p className="mt-1">Plaats: {data.session.location}</p>
      <Notice>{notice}</Notice>
      <section aria-labelledby="overleg-status" className="mt-6 max-w-2xl rounded border border-gray-300 bg-white p-4">
        <h2 id="overleg-status" className="text-lg font-semibold">
          Status: {SESSION_STATE_LABEL[data.session.state]}
        </h2>
        {data.session.state === 'PLANNED' && (
          <>
            <p className="mt-1">
              De deelnemers kunnen zich voorbereiden met eigen nota&apos;s. Informatie inbrengen en stemmen kan pas
              wanneer je het overleg opent (art. 13).
            </p>
            <SpecForm
              action={openSessionAction.bind(null, id)}
              label="Overleg openen"
              submitLabel="Overleg openen"
              className="mt-3"
              fields={[]}
            />
          </>
        )}
        {data.session.state === 'OPEN' && (
          <>
            <p className="mt-1">
              Geopend op {formatDateTime(data.session.openedAt!)}. De deelnemers van elke casus op de agenda kunnen nu
              informatie inbrengen en stemmen.
            </p>
            <SpecForm
              action={closeSessionAction.bind(null, id)}
              label="Overleg afsluiten"
              submitLabel="Overleg afsluiten"
              variant="secondary"
              className="mt-3 space-y-2"
              fields={[
                {
                  kind: 'checkboxes',
                  name: 'confirm',
                  label: 'Bevestiging',
                  required: true,
                  hint: 'Na het afsluiten kan niemand nog informatie inbrengen of stemmen bij dit overleg. Verslag, beslissingen en plan van aanpak kun je nog aanvullen.',
                  options: [{ value: 'ja', label: 'Ik sluit dit overleg definitief af' }],
                },
              ]}
            />
          </>
        )}
        {data.session.state === 'CLOSED' && (
          <p className="mt-1">
            Geopend op {formatDateTime(data.session.openedAt!)}, afgesloten op {formatDateTime(data.session.closedAt!)}.
            Informatie inbrengen en stemmen kan niet meer bij dit overleg.
          </p>
        )}
      </section>
      <PlanDeadlines sessionId={data.session.id} title="Plannen van aanpak te versturen (binnen 14 werkdagen)" />
      {data.cases.map((c) => (
        <section
          key={c.dossier.id}
          aria-labelledby={`casus-${c.dossier.id}`}
          className="mt-10 rounded border border-gray-300 bg-white p-4"
        >
          <h2 id={`casus-${c.dossier.id}`} className="text-xl font-semibold">
            {c.dossier.reference} — {c.dossier.clientSystemLabel}
          </h2>
          <p className="mt-1">
            <Link href={`/dossiers/${c.dossier.id}/casusoverleg`} className="text-brand-700 underline">
              Naar het casusoverleg van deze casus
            </Link>
          </p>
          {c.emergenciesToDiscuss > 0 && (
            <p className="mt-2 rounded border-2 border-red-700 bg-red-50 p-2 font-semibold">
              <Link href={`/dossiers/${c.dossier.id}/casusoverleg#dringend`} className="underline">
                Te bespreken: dringende mededeling buiten consensus ({c.emergenciesToDiscuss})
              </Link>
            </p>
          )}
          <h3 className="mt-4 font-semibold">Uitnodigingen</h3>
          {c.invitations.length === 0 ? (
            <p>Nog niemand uitgenodigd.</p>
          ) : (
            <ul className="mt-1 list-disc pl-6">
              {c.invitations.map((i) => (
                <li key={i.id}>
                  {i.organisation} — aan {i.addressee} — {INVITATION_REASON_LABEL[i.reason]} —{' '}
                  <strong>{INVITATION_STATUS_LABEL[i.status]}</strong>
                  {i.attendee
                    ? `; deelnemer: ${i.attendee} (${i.attendance ? ATTENDANCE_LABEL[i.attendance] : ''})`
                    : ''}
                  {i.mailSentAt ? '' : ' (e-mail niet verstuurd)'}
                </li>
              ))}
            </ul>
          )}
          <h3 className="mt-4 font-semibold">Deelnemers</h3>
          {c.participants.length === 0 ? (
            <p>Nog geen deelnemers.</p>
          ) : (
            <ul className="mt-1 space-y-3">
              {c.participants.map((p) => (
                <li key={p.id}>
                  {p.name} ({p.organisation}) — {ATTENDANCE_LABEL[p.attendance]}
                  {p.isCaseDirector ? ', casusregisseur' : ''}
                  {p.left
                    ? ' — heeft de casus verlaten'
                    : p.acknowledged
                      ? ' — geheimhoudingsplicht bevestigd'
                      : ' — geheimhoudingsplicht nog niet bevestigd'}
                  {!p.left && (
                    <div className="mt-2 flex flex-wrap gap-4">
                      {p.reason === 'EXPERTISE' && (
                        <SpecForm
                          action={identityAction.bind(null, id, c.dossier.id, p.id)}
                          label={`Identiteit tonen aan ${p.name}`}
                          submitLabel={p.showIdentity ? 'Identiteit opnieuw verbergen' : 'Identiteit tonen'}
                          variant="secondary"
                          className="space-y-2 rounded border border-gray-200 p-2"
                          fields={
                            p.showIdentity
                              ? [{ kind: 'hidden', name: 'show', value: 'nee' }]
                              : [
                                  { kind: 'hidden', name: 'show', value: 'ja' },
                                  {
                                    kind: 'text',
                                    name: 'identityReason',
                                    label: `Reden om de identiteit te tonen aan ${p.name}`,
                                    required: true,
                                  },
                                ]
                          }
                        />
                      )}
                      {!p.isCaseDirector && (
                        <SpecForm
                          action={caseDirectorAction.bind(null, id, c.dossier.id, p.id)}
                          label={`${p.name} aanduiden als casusregisseur`}
                          submitLabel={`${p.name} aanduiden als casusregisseur`}
                          variant="secondary"
                          className=""
                          fields={[]}
                        />
                      )}
                    </div>
                  )}
                </li>
              ))}
            </ul>
          )}
          {c.dossier.status === 'IN_TRAJECTORY' && (
            <div className="mt-4 max-w-2xl">
              <h3 className="mb-2 font-semibold">Organisatie uitnodigen voor deze casus</h3>
              <SpecForm
                action={inviteAction.bind(null, id, c.dossier.id)}
                label={`Uitnodigen voor ${c.dossier.reference}`}
                submitLabel="Uitnodiging versturen"
                fields={[
                  {
                    kind: 'select',
                    name: 'addresseeUserId',
                    label: 'Aan wie (contactpersoon van de organisatie)',
                    required: true,
                    options: [],
                    groups: addresseeGroups,
                    placeholder: 'Kies een persoon',
                  },
                  {
                    kind: 'radio',
                    name: 'reason',
                    label: 'Reden van de uitnodiging',
                    required: true,
                    options: Object.entries(INVITATION_REASON_LABEL).map(([value, label]) => ({ value, label })),
                  },
                  {
                    kind: 'text',
                    name: 'reasonNote',
                    label: 'Toelichting (optioneel)',
                    hint: 'Geen gegevens over de cliënt.',
                  },
                ]}
              />
            </div>
          )}
        </section>
      ))}
    </>
  );
}
