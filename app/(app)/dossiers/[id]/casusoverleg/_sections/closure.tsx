import { DescriptionItem, DescriptionList } from '@/components/ui/description-list';
import { Section } from '@/components/ui/section';
import { SpecForm } from '@/components/ui/spec-form';
import {
  CONSENSUS_STATUS_LABEL,
  EXTENSION_GROUND_LABEL,
  SESSION_STATE_LABEL,
  formatDate,
  formatDateTime,
} from '@/lib/labels';
import type { FormAction, View } from './types';
import { Unreachable, VoteList } from './votes';

/** Closing the dossier at a closing conference, and extending the retention period by consensus (art. 15, § 3). */
export function ClosureSection({
  view,
  actions,
}: {
  view: View;
  actions: {
    proposeExtension: FormAction;
    voteExtension: (extensionId: string) => FormAction;
    withdrawExtension: (extensionId: string) => FormAction;
    close: FormAction;
  };
}) {
  const v = view;
  const pastSessions = v.agenda.filter((a) => a.past);
  const sessionOptions = v.agenda.map((a) => ({
    value: a.id,
    label: `${formatDateTime(a.startsAt)} — ${a.location} (${SESSION_STATE_LABEL[a.state].toLowerCase()})`,
  }));
  const sessionOf = (agendaItemId: string | null) => v.agenda.find((a) => a.id === agendaItemId);
  return (
    <Section id="afronding" title="Afronding en bewaartermijn (art. 15, § 3)">
      {v.closure.closedAt ? (
        <DescriptionList aria-label="Afsluiting">
          <DescriptionItem term="Afgesloten op" preserveLines={false}>
            {formatDate(v.closure.closedAt)}
          </DescriptionItem>
          <DescriptionItem term="Redenen">{v.closure.closureReasons}</DescriptionItem>
          <DescriptionItem term="Bewaartermijn" preserveLines={false}>
            {v.closure.retentionYears} jaar
            {v.closure.retentionGround ? ` (${EXTENSION_GROUND_LABEL[v.closure.retentionGround]})` : ''}, tot{' '}
            {formatDate(v.closure.retentionUntil)}
            {v.closure.retentionReason ? ` — ${v.closure.retentionReason}` : ''}
          </DescriptionItem>
        </DescriptionList>
      ) : (
        <p className="max-w-3xl">
          Een dossier wordt afgesloten op een afrondingstafel. De persoonsgegevens worden dan nog hoogstens 15 jaar
          bewaard (korter als dat volstaat); enkel met de consensus van alle deelnemers en de voorzitter, op die
          afrondingstafel, kan dat verlengd worden tot hoogstens 30 jaar, bv. bij eergerelateerd geweld of zeer ernstige
          feiten.
        </p>
      )}
      {v.extensions.map((e) => (
        <article
          key={e.id}
          className="mt-4 rounded border border-gray-300 bg-white p-4"
          aria-label={`Verlenging tot ${e.years} jaar`}
        >
          <p className="font-semibold">
            Verlenging van de bewaartermijn tot {e.years} jaar — {EXTENSION_GROUND_LABEL[e.ground]}
          </p>
          <p data-testid="extension-status">
            Status: <strong>{CONSENSUS_STATUS_LABEL[e.status]}</strong>
          </p>
          <p className="text-sm">{e.groundNote}</p>
          <p className="text-sm">
            Afrondingstafel: {sessionOf(e.agendaItemId) ? formatDateTime(sessionOf(e.agendaItemId)!.startsAt) : 'geen'}
          </p>
          <VoteList votes={e.votes} />
          {e.unreachable && <Unreachable />}
          {(e.status === 'OPEN' || e.status === 'APPROVED') && v.can.withdrawExtension && (
            <div className="mt-3">
              <SpecForm
                action={actions.withdrawExtension(e.id)}
                submitLabel="Verlenging intrekken"
                variant="secondary"
                className=""
                label="Verlenging intrekken"
                fields={[]}
              />
            </div>
          )}
          {e.canVote && v.can.voteExtension && (
            <div className="mt-3 flex flex-wrap gap-4">
              <SpecForm
                action={actions.voteExtension(e.id)}
                submitLabel="Akkoord met verlenging"
                className=""
                label="Akkoord met verlenging"
                fields={[{ kind: 'hidden', name: 'vote', value: 'AGREE' }]}
              />
              <SpecForm
                action={actions.voteExtension(e.id)}
                submitLabel="Bezwaar tegen verlenging"
                variant="secondary"
                className=""
                label="Bezwaar tegen verlenging"
                fields={[{ kind: 'hidden', name: 'vote', value: 'OBJECT' }]}
              />
            </div>
          )}
        </article>
      ))}
      {v.can.proposeExtension && !v.extensions.some((e) => e.status === 'OPEN') && (
        <div className="mt-4 max-w-2xl">
          <h3 className="mb-2 font-semibold">Verlenging van de bewaartermijn voorstellen</h3>
          <SpecForm
            action={actions.proposeExtension}
            submitLabel="Verlenging voorstellen"
            label="Verlenging voorstellen"
            initial={{ agendaItemId: pastSessions[0]?.id ?? '' }}
            fields={[
              {
                kind: 'select',
                name: 'agendaItemId',
                label: 'Afrondingstafel (overleg van deze casus)',
                required: true,
                placeholder: 'Kies het overleg',
                options: sessionOptions,
              },
              { kind: 'text', name: 'years', label: 'Bewaartermijn in jaren (16 tot 30)', required: true },
              {
                kind: 'radio',
                name: 'ground',
                label: 'Grond',
                required: true,
                options: Object.entries(EXTENSION_GROUND_LABEL).map(([value, label]) => ({ value, label })),
              },
              { kind: 'textarea', name: 'groundNote', label: 'Toelichting', required: true, rows: 2 },
            ]}
          />
        </div>
      )}
      {v.can.close && (
        <div className="mt-4 max-w-2xl">
          <h3 className="mb-2 font-semibold">Dossier afsluiten (afrondingstafel)</h3>
          <SpecForm
            action={actions.close}
            submitLabel="Dossier afsluiten"
            label="Dossier afsluiten"
            initial={{ years: '15', extensionId: '', agendaItemId: pastSessions[0]?.id ?? '' }}
            fields={[
              {
                kind: 'select',
                name: 'agendaItemId',
                label: 'Afrondingstafel (overleg van deze casus)',
                required: true,
                placeholder: 'Kies het overleg',
                options: pastSessions.map((a) => ({
                  value: a.id,
                  label: `${formatDateTime(a.startsAt)} — ${a.location} (${SESSION_STATE_LABEL[a.state].toLowerCase()})`,
                })),
                hint: 'De datum van dat overleg is de datum van de afsluiting; de bewaartermijn loopt vanaf dan.',
              },
              { kind: 'textarea', name: 'reasons', label: 'Redenen van de afsluiting', required: true, rows: 3 },
              {
                kind: 'text',
                name: 'years',
                label: 'Bewaartermijn in jaren (1 tot 15)',
                required: true,
                hint: 'Hoogstens 15 jaar; korter als de gegevens niet zo lang nodig zijn (art. 15, § 3).',
              },
              {
                kind: 'textarea',
                name: 'shorterReason',
                label: 'Reden voor een kortere termijn (bij minder dan 15 jaar)',
                rows: 2,
              },
              {
                kind: 'select',
                name: 'extensionId',
                label: 'Verlenging met consensus (optioneel)',
                placeholder: 'Geen verlenging',
                hint: 'Enkel een verlenging die op deze afrondingstafel met consensus werd goedgekeurd, telt.',
                options: v.extensions
                  .filter((e) => e.status === 'APPROVED')
                  .map((e) => ({ value: e.id, label: `${e.years} jaar (verlenging met consensus)` })),
              },
              {
                kind: 'note',
                text: 'Na de afsluiting kan niets meer gewijzigd worden. Na de bewaartermijn worden de persoonsgegevens automatisch gewist.',
              },
            ]}
          />
        </div>
      )}
    </Section>
  );
}
