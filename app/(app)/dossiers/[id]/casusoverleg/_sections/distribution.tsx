import { Callout, type CalloutTone } from '@/components/ui/callout';
import { Section } from '@/components/ui/section';
import { SpecForm } from '@/components/ui/spec-form';
import { loadPage } from '@/lib/auth/session';
import { deadlineText, type DeadlineState } from '@/lib/distribution/deadline';
import { getPlanDistribution } from '@/lib/distribution/get-plan-distribution';
import { formatDate, formatDateTime } from '@/lib/time';
import { distributeAction, finaliseAction } from '../distribution-actions';

const TONE: Record<DeadlineState, CalloutTone> = {
  distributed: 'success',
  late: 'info',
  upcoming: 'info',
  open: 'info',
  near: 'warning',
  missed: 'error',
};

const REASON_LABEL: Record<string, string> = {
  PARTICIPANT: 'deelnemer',
  DECLINED: 'uitgenodigd, niet aanwezig',
  REFERRER: 'aanmelder (enkel de terugmelding)',
};

/**
 * After the session (issue 12 §5; seed 004; ADR 0036): the coordinator finalises the minutes,
 * optionally writes the outcome for the referrer, and distributes the plan within 14 working
 * days. Loads its own data, so the page only places it.
 */
export async function DistributionSection({ dossierId }: { dossierId: string }) {
  const v = await loadPage((userId) => getPlanDistribution(userId, dossierId));
  const items = v.items.filter((i) => i.past);
  if (items.length === 0) return null;
  return (
    <Section id="verspreiding" title="Verslag definitief maken en plan van aanpak versturen">
      <p className="text-sm text-gray-700">
        Het plan van aanpak wordt binnen 14 werkdagen na het overleg verstuurd naar de deelnemers en naar wie
        uitgenodigd was maar niet kon komen (weekends en Belgische feestdagen tellen niet mee). De e-mail bevat enkel
        een link, geen gegevens over de casus.
      </p>
      {items.map((i) => (
        <article
          key={i.id}
          className="mt-4 rounded bg-white p-4"
          aria-label={`Plan van aanpak van het overleg van ${formatDateTime(i.startsAt)}`}
        >
          <h3 className="font-semibold">Overleg van {formatDateTime(i.startsAt)}</h3>
          {v.isCoordinator && (
            <Callout tone={TONE[i.deadline.state]} className="mt-2">
              {deadlineText(i.deadline)} Uiterste datum: {formatDate(new Date(`${i.deadline.deadline}T12:00:00Z`))}.
            </Callout>
          )}
          <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 text-sm">
            <dt className="font-medium">Verslag</dt>
            <dd>
              {i.finalisedAt
                ? `definitief sinds ${formatDateTime(i.finalisedAt)}${i.finalisedBy ? ` (${i.finalisedBy})` : ''}`
                : 'nog niet definitief'}
            </dd>
            <dt className="font-medium">Plan van aanpak</dt>
            <dd>
              {i.distributedAt
                ? `verstuurd op ${formatDateTime(i.distributedAt)}${i.distributedBy ? ` (${i.distributedBy})` : ''}`
                : 'nog niet verstuurd'}
            </dd>
          </dl>
          {i.referrerOutcome && (
            <div className="mt-2 text-sm">
              <p className="font-medium">
                Terugmelding aan de aanmelder{' '}
                {i.referrerOutcome.sharedAt
                  ? `(gedeeld op ${formatDate(i.referrerOutcome.sharedAt)})`
                  : '(nog niet gedeeld)'}
              </p>
              <p className="whitespace-pre-line">{i.referrerOutcome.text}</p>
            </div>
          )}
          {i.recipients.length > 0 && (
            <>
              <h4 className="mt-3 font-medium">Verstuurd naar</h4>
              <ul className="list-disc pl-6 text-sm">
                {i.recipients.map((r) => (
                  <li key={r.id}>
                    {r.name} — {REASON_LABEL[r.reason] ?? r.reason}:{' '}
                    {r.mailSentAt ? `e-mail verstuurd op ${formatDateTime(r.mailSentAt)}` : 'e-mail niet verstuurd'}
                  </li>
                ))}
              </ul>
            </>
          )}
          {v.canFinalise && !i.finalisedAt && (
            <div className="mt-3 max-w-2xl">
              <SpecForm
                action={finaliseAction.bind(null, dossierId, i.id)}
                label="Verslag definitief maken"
                submitLabel="Verslag definitief maken"
                fields={[
                  {
                    kind: 'note',
                    text: 'Daarna kunnen het verslag en de beslissingen van dit overleg niet meer gewijzigd worden.',
                  },
                  {
                    kind: 'textarea',
                    name: 'referrerOutcome',
                    label: 'Terugmelding aan de aanmelder (optioneel)',
                    hint: 'Enkel wat de aanmelder aanbelangt: de opname en de volgende stappen die met hem of haar zijn afgesproken. Niet het verslag.',
                    rows: 3,
                  },
                ]}
              />
            </div>
          )}
          {v.canDistribute && i.finalisedAt && !i.distributedAt && (
            <div className="mt-3">
              <SpecForm
                action={distributeAction.bind(null, dossierId, i.id)}
                label="Plan van aanpak versturen"
                submitLabel="Plan van aanpak versturen"
                fields={[]}
              />
            </div>
          )}
        </article>
      ))}
    </Section>
  );
}
