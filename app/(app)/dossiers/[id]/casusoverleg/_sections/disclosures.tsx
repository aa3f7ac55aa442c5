import { Section } from '@/components/ui/section';
import { SpecForm } from '@/components/ui/spec-form';
import { DISCLOSURE_GROUND_LABEL, DISCLOSURE_STATUS_LABEL, MINOR_OBJECTION_LABEL, formatDateTime } from '@/lib/labels';
import type { FormAction, View } from './types';
import { Unreachable, VoteList } from './votes';

/** Sharing with a member of the client system or under a reporting duty (art. 14, § 2): proposals, votes, a new proposal. */
export function DisclosuresSection({
  view,
  active,
  actions,
}: {
  view: View;
  /** Participants who take part now: who can be named to share. */
  active: View['participants'];
  actions: {
    propose: FormAction;
    vote: (proposalId: string) => FormAction;
    withdraw: (proposalId: string) => FormAction;
    markShared: (proposalId: string) => FormAction;
  };
}) {
  const v = view;
  const itemLabel = (itemId: string) => {
    const item = v.items.find((i) => i.id === itemId);
    return item ? `${item.organisation}: ${item.content}` : 'onbekend';
  };
  return (
    <Section id="delen" title="Delen met het cliëntsysteem of onder rapportageplicht (art. 14, § 2)">
      <p className="max-w-3xl">
        Informatie uit het casusoverleg wordt enkel gedeeld als <strong>alle deelnemers en de voorzitter</strong>{' '}
        akkoord gaan over precies welke informatie, met wie en door wie. Wie moet beslissen, ligt vast op het moment van
        het voorstel. Eén bezwaar volstaat om niet te delen.
      </p>
      {v.proposals.map((p) => (
        <article
          key={p.id}
          id={`voorstel-${p.id}`}
          className="mt-4 rounded border border-gray-300 bg-white p-4"
          aria-label={`Voorstel van ${p.proposedBy}`}
        >
          <p className="font-semibold">
            {p.kind === 'CLIENT_MEMBER' ? `Delen met ${p.member}` : `Delen onder rapportageplicht met ${p.recipient}`} —
            door {p.sharer}
          </p>
          <p data-testid="proposal-status">
            Status: <strong>{DISCLOSURE_STATUS_LABEL[p.status]}</strong>
          </p>
          <p className="text-sm">
            Grond: {DISCLOSURE_GROUND_LABEL[p.ground]}
            {p.goalId ? ` (${v.goals.find((g) => g.id === p.goalId)?.title ?? ''})` : ''}. Noodzaak: {p.necessity}
          </p>
          {p.minorObjection && (
            <p className="text-sm" data-testid="minor-objection">
              Eigen mening van de minderjarige: {MINOR_OBJECTION_LABEL[p.minorObjection]}
              {p.minorObjectionNote ? `. Afweging: ${p.minorObjectionNote}` : ''}
            </p>
          )}
          <h3 className="mt-2 font-medium">Welke informatie</h3>
          <ul className="list-disc pl-6">
            {p.itemIds.map((iid) => (
              <li key={iid}>{itemLabel(iid)}</li>
            ))}
          </ul>
          <h3 className="mt-2 font-medium">Wie moet akkoord gaan</h3>
          <VoteList votes={p.votes} />
          {p.unreachable && <Unreachable />}
          {p.canVote && v.can.vote && (
            <div className="mt-3 flex flex-wrap gap-4">
              <SpecForm
                action={actions.vote(p.id)}
                submitLabel="Akkoord"
                className=""
                label="Akkoord"
                fields={[{ kind: 'hidden', name: 'vote', value: 'AGREE' }]}
              />
              <SpecForm
                action={actions.vote(p.id)}
                submitLabel="Bezwaar"
                variant="secondary"
                className=""
                label="Bezwaar"
                fields={[{ kind: 'hidden', name: 'vote', value: 'OBJECT' }]}
              />
            </div>
          )}
          {(p.status === 'OPEN' || p.status === 'APPROVED') && p.mineToWithdraw && v.can.withdraw && (
            <div className="mt-3">
              <SpecForm
                action={actions.withdraw(p.id)}
                submitLabel="Voorstel intrekken"
                variant="secondary"
                className=""
                label="Voorstel intrekken"
                fields={[]}
              />
            </div>
          )}
          {p.status === 'APPROVED' && p.sharerUserId === v.actorUserId && (
            <div className="mt-3">
              <SpecForm
                action={actions.markShared(p.id)}
                submitLabel="Registreren dat ik gedeeld heb"
                className={p.kind === 'CLIENT_MEMBER' ? undefined : ''}
                label="Deling registreren"
                fields={
                  p.kind === 'CLIENT_MEMBER'
                    ? [
                        {
                          kind: 'datetime',
                          name: 'memberGivenAt',
                          label: 'Wanneer gaf je de informatie aan het lid?',
                          required: true,
                        },
                        {
                          kind: 'text',
                          name: 'memberGivenHow',
                          label: 'Hoe gaf je ze (gesprek, telefoon, brief, …)?',
                          required: true,
                        },
                      ]
                    : []
                }
              />
            </div>
          )}
          {p.givenAt ? (
            <p className="mt-2 text-sm" data-testid="disclosure-given">
              Gegeven aan het lid op {formatDateTime(p.givenAt)} door {p.givenBy}
              {p.givenHow ? ` (${p.givenHow})` : ''}; geregistreerd op {p.sharedAt ? formatDateTime(p.sharedAt) : '—'}.
            </p>
          ) : (
            p.sharedAt && <p className="mt-2 text-sm">Gedeeld op {formatDateTime(p.sharedAt)}.</p>
          )}
        </article>
      ))}
      {v.can.propose && v.items.length > 0 && (
        <div className="mt-6 max-w-3xl">
          <h3 className="mb-2 font-semibold">Nieuw voorstel tot delen</h3>
          <SpecForm
            action={actions.propose}
            submitLabel="Voorstel indienen"
            label="Nieuw voorstel tot delen"
            initial={{ itemIds: [], minorObjection: '' }}
            fields={[
              {
                kind: 'radio',
                name: 'kind',
                label: 'Soort deling',
                required: true,
                options: [
                  { value: 'CLIENT_MEMBER', label: 'Met een lid van het cliëntsysteem (art. 14, § 2, eerste lid)' },
                  {
                    value: 'REPORTING_DUTY',
                    label: 'Onder rapportageplicht van een deelnemer (art. 14, § 2, tweede lid)',
                  },
                ],
              },
              {
                kind: 'select',
                name: 'memberId',
                label: 'Met welk lid (bij delen met een lid)',
                options: v.members.map((m) => ({ value: m.id, label: m.label })),
                placeholder: 'Kies een lid',
              },
              { kind: 'text', name: 'recipient', label: 'Aan wie gerapporteerd wordt (bij rapportageplicht)' },
              {
                kind: 'checkboxes',
                name: 'itemIds',
                label: 'Precies welke informatie',
                required: true,
                hint: 'Aan een lid mag enkel informatie gegeven worden die uitsluitend dat lid betreft.',
                options: v.items
                  .filter((i) => !i.withdrawnAt)
                  .map((i) => ({
                    value: i.id,
                    label: `${i.organisation}: ${i.content}${i.concerns ? ` (betreft ${i.concerns})` : ''}`,
                  })),
              },
              {
                kind: 'select',
                name: 'sharerUserId',
                label: 'Wie deelt de informatie',
                required: true,
                options: active.map((p) => ({ value: p.userId, label: `${p.name} (${p.organisation})` })),
              },
              {
                kind: 'radio',
                name: 'ground',
                label: 'Grond',
                required: true,
                options: Object.entries(DISCLOSURE_GROUND_LABEL).map(([value, label]) => ({ value, label })),
              },
              {
                kind: 'select',
                name: 'goalId',
                label: 'Doel van het plan van aanpak (bij die grond)',
                options: v.goals.map((g) => ({ value: g.id, label: g.title })),
                placeholder: 'Kies een doel',
              },
              { kind: 'textarea', name: 'necessity', label: 'Waarom is dit noodzakelijk?', required: true, rows: 2 },
              {
                kind: 'radio',
                name: 'minorObjection',
                label: 'Eigen mening van het kind of de jongere',
                hint: 'Verplicht bij delen met een minderjarige, en met een ouder in een cliëntsysteem met minderjarigen: vraag en weeg het eigen bezwaar van het kind.',
                options: [
                  ...Object.entries(MINOR_OBJECTION_LABEL).map(([value, label]) => ({ value, label })),
                  { value: '', label: 'Geen minderjarige betrokken' },
                ],
              },
              {
                kind: 'textarea',
                name: 'minorObjectionNote',
                label: 'Hoe werd het bezwaar afgewogen, of waarom kon het kind niet gevraagd worden?',
                rows: 2,
              },
            ]}
          />
        </div>
      )}
    </Section>
  );
}
