import { getDossier } from '@/lib/dossiers/get-dossier';
import { Notice } from '@/components/ui/notice';
import { loadPage } from '@/lib/auth/session';
import { RISK_FACTORS, RISK_ANSWER_LABEL, type RiskAnswer } from '@/lib/referrals/risk-screening';
import {
  CRITERIA, DECISION_LABEL, KNOWN_STATUS_LABEL, MEMBER_ROLE_LABEL, RISK_LEVEL_LABEL, SEX_LABEL, STATUS_LABEL,
  VIOLENCE_FORM_LABEL, VIOLENCE_TYPE_LABEL, formatDate, formatDateTime,
} from '@/lib/labels';
import { CloseInputRoundForm, ConsultationForm, DecisionForm, PartnerInputForm } from '@/components/dossier/forms';
import { closeInputRoundAction, decideAdmissionAction, recordConsultationAction, requestTransferAction, revealAction, safeAddressAction, savePartnerInputAction } from './actions';
import { Reveal } from '@/components/dossier/reveal';
import { SpecForm } from '@/components/ui/spec-form';
import { TRANSFER_STATUS_LABEL } from '@/lib/labels';

export const metadata = { title: 'Dossier' };

const NOTICES: Record<string, string> = {
  ingediend: 'De aanmelding is ingediend bij de coördinator van het Veilig Huis.',
  'veilig-adres': 'Het veilig adres is bijgewerkt. Adres en telefoon van dat lid ziet enkel de coördinator.',
  overleg: 'Het overleg met de gemandateerde voorziening is geregistreerd.',
  beslist: 'De beslissing is bewaard. De aanmelder ziet de uitkomst en de motivering.',
  aanvulling: 'Je aanvulling is bewaard.',
  rondegesloten: 'De vraag om aanvulling is afgesloten.',
  overdracht: 'De overdracht is gevraagd. De coördinator van het andere Veilig Huis moet ze aanvaarden.',
};

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={`h-${id}`} id={id} className="mt-10">
      <h2 id={`h-${id}`} className="text-xl font-semibold">{title}</h2>
      <div className="mt-3">{children}</div>
    </section>
  );
}

function Row({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="font-medium">{term}</dt>
      <dd className="whitespace-pre-line">{children}</dd>
    </>
  );
}

export default async function DossierPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ melding?: string }>;
}) {
  const { id } = await params;
  const { melding } = await searchParams;
  const view = await loadPage((userId) => getDossier(userId, id));
  const { dossier, referral, members, contacts, assessment, consultations, inputs } = view;
  const hasMinors = members.some((m) => m.isMinor);
  const notice = melding ? NOTICES[melding] : undefined;
  const ownInput = inputs.find(() => view.can.writeInput);
  const answers = (referral?.riskAnswers ?? {}) as Record<string, RiskAnswer>;

  return (
    <>
      <p className="text-sm text-gray-700">{dossier.safeHouse.name}</p>
      <h1 className="text-2xl font-semibold">
        Dossier {dossier.reference}: {dossier.clientSystemLabel}
      </h1>
      <Notice>{notice}</Notice>
      {view.can.conference && (
        <p className="mt-4">
          <a href={`/dossiers/${dossier.id}/casusoverleg`} className="font-medium text-brand-700 underline">Naar het casusoverleg</a>
        </p>
      )}

      <dl className="mt-4 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
        <Row term="Status">{STATUS_LABEL[dossier.status]}</Row>
        <Row term="Ingediend op">{formatDate(dossier.submittedAt)}</Row>
        {view.referrer && view.can.viewOutcome && <Row term="Aanmelder">{`${view.referrer.name} (${view.referrer.organisation})`}</Row>}
        {view.can.viewOutcome && dossier.decidedAt && <Row term="Beslist op">{formatDate(dossier.decidedAt)}</Row>}
        {view.can.viewOutcome && dossier.decisionReasons && <Row term="Motivering van de uitkomst">{dossier.decisionReasons}</Row>}
        {dossier.closedAt && <Row term="Afgesloten op">{formatDate(dossier.closedAt)}</Row>}
        {dossier.retentionUntil && <Row term="Bewaard tot">{`${formatDate(dossier.retentionUntil)} (${dossier.retentionYears} jaar)`}</Row>}
      </dl>

      {referral && (
        <Section id="aanmelding" title="Aanmelding">
          <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2">
            <Row term="Vormen van geweld">{referral.violenceForms.map((f) => VIOLENCE_FORM_LABEL[f] ?? f).join(', ') || '—'}</Row>
            <Row term="Soorten geweld">{referral.violenceTypes.map((t) => VIOLENCE_TYPE_LABEL[t] ?? t).join(', ') || '—'}</Row>
            <Row term="Situatie">{referral.situation || '—'}</Row>
            <Row term="Al ondernomen">{referral.actionsTaken || '—'}</Row>
            <Row term="Betrokken organisaties">{referral.involvedOrganisations || '—'}</Row>
            <Row term="Cliëntsysteem op de hoogte">
              {referral.clientInformed == null ? '—' : referral.clientInformed ? 'Ja' : `Nee — ${referral.notInformedReason ?? ''}`}
            </Row>
            <Row term="Risico-inschatting aanmelder">
              {referral.riskJudgement ? `${RISK_LEVEL_LABEL[referral.riskJudgement]} (${referral.riskScore} van ${RISK_FACTORS.length} risicofactoren: ja)` : '—'}
              {referral.riskJudgementReason ? `\n${referral.riskJudgementReason}` : ''}
            </Row>
          </dl>
          <details className="mt-3">
            <summary className="cursor-pointer text-brand-800 underline">Antwoorden op de risicoscreening</summary>
            <table className="mt-2 bg-white text-left text-sm">
              <caption className="sr-only">Risicoscreening</caption>
              <tbody>
                {RISK_FACTORS.map((f) => (
                  <tr key={f.key} className="border-b border-gray-200">
                    <th scope="row" className="p-1 pr-4 font-normal">{f.label}</th>
                    <td className="p-1">{answers[f.key] ? RISK_ANSWER_LABEL[answers[f.key]!] : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </Section>
      )}

      <Section id="leden" title="Leden van het cliëntsysteem">
        {members.length === 0 ? (
          <p>Nog geen leden geregistreerd.</p>
        ) : (
          <table className="w-full bg-white text-left">
            <caption className="sr-only">Leden van het cliëntsysteem</caption>
            <thead>
              <tr className="border-b border-gray-400">
                <th scope="col" className="p-2">Naam</th>
                <th scope="col" className="p-2">Rol</th>
                <th scope="col" className="p-2">Geboren</th>
                <th scope="col" className="p-2">Geslacht</th>
                <th scope="col" className="p-2">Rijksregisternummer</th>
                <th scope="col" className="p-2">Adres en telefoon</th>
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr key={m.id} className="border-b border-gray-200">
                  <td className="p-2">{m.firstName} {m.lastName}</td>
                  <td className="p-2">{MEMBER_ROLE_LABEL[m.memberRole]}{m.isMinor ? ' (minderjarig)' : ''}</td>
                  <td className="p-2">{formatDate(m.dateOfBirth)}</td>
                  <td className="p-2">{SEX_LABEL[m.sex]}</td>
                  <td className="p-2">
                    {m.reveal.nationalNumber
                      ? <Reveal label={`Rijksregisternummer van ${m.firstName} ${m.lastName}`} masked="••.••.••-•••.••" action={revealAction.bind(null, dossier.id, 'member', m.id, 'nationalNumber')} />
                      : m.hasNationalNumber ? 'afgeschermd' : '—'}
                  </td>
                  <td className="p-2">
                    {m.safeAddress && <strong className="mr-2 block text-red-900">Veilig adres{m.reveal.contact ? '' : ': enkel zichtbaar voor de coördinator'}</strong>}
                    {m.reveal.contact
                      ? <Reveal label={`Adres en telefoon van ${m.firstName} ${m.lastName}`} action={revealAction.bind(null, dossier.id, 'member', m.id, 'contact')} />
                      : m.hasContact && !m.safeAddress ? 'afgeschermd' : m.hasContact ? '' : '—'}
                    {view.can.setSafeAddress && (
                      <div className="mt-1">
                        <SpecForm action={safeAddressAction.bind(null, dossier.id, m.id, !m.safeAddress)} submitLabel={m.safeAddress ? 'Veilig adres opheffen' : 'Markeren als veilig adres'}
                          variant="secondary" className="" label={`Veilig adres van ${m.firstName} ${m.lastName}`} fields={[]} />
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {contacts.length > 0 && (
          <>
            <h3 className="mt-6 font-semibold">Relaties en contacten</h3>
            <ul className="mt-2 list-disc pl-6">
              {contacts.map((c) => (
                <li key={c.id}>
                  {c.firstName} {c.lastName} — {c.relation}
                  {c.hasContact && <> — <Reveal label={`Contactgegevens van ${c.firstName} ${c.lastName}`} action={revealAction.bind(null, dossier.id, 'contact', c.id, 'contact')} /></>}
                </li>
              ))}
            </ul>
          </>
        )}
      </Section>

      {(view.can.consult || view.can.decide || assessment || consultations.length > 0) && (
        <Section id="toetsing" title="Toetsing aan de criteria van art. 5">
          {consultations.length > 0 && (
            <>
              <h3 className="font-semibold">Overleg met gemandateerde voorziening</h3>
              <ul className="mt-2 space-y-2">
                {consultations.map((c) => (
                  <li key={c.id} className="rounded bg-white p-3">
                    {c.agency} — {c.agencyName}, {c.consultedPerson}, {formatDate(c.consultedAt)}
                    <p className="mt-1 whitespace-pre-line">{c.view}</p>
                  </li>
                ))}
              </ul>
            </>
          )}
          {view.can.consult && (hasMinors || consultations.length > 0) && (
            <div className="mt-4">
              <h3 className="mb-2 font-semibold">Overleg met VK of OCJ registreren</h3>
              <ConsultationForm action={recordConsultationAction.bind(null, dossier.id)} />
            </div>
          )}
          {view.can.decide && (
            <div className="mt-6">
              <h3 className="mb-2 font-semibold">Beslissing</h3>
              <DecisionForm action={decideAdmissionAction.bind(null, dossier.id)} blockedByConsultation={hasMinors && consultations.length === 0} />
            </div>
          )}
          {assessment && (
            <dl className="mt-4 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2">
              {CRITERIA.map((_, i) => {
                const n = (i + 1) as 1 | 2 | 3;
                return (
                  <Row key={n} term={`Criterium ${n}`}>
                    {`${assessment[`criterion${n}Met`] ? 'Vervuld' : 'Niet vervuld'} — ${assessment[`criterion${n}Reason`]}`}
                  </Row>
                );
              })}
              <Row term="Risico (coördinator)">{`${RISK_LEVEL_LABEL[assessment.riskLevel]} — ${assessment.riskAssessment}`}</Row>
              <Row term="Beslissing">{`${DECISION_LABEL[assessment.decision]} (${formatDateTime(assessment.decidedAt)})`}</Row>
            </dl>
          )}
        </Section>
      )}

      {(view.can.writeInput || inputs.length > 0 || view.missingPartners.length > 0 || view.can.closeInputRound) && (
        <Section id="aanvullingen" title="Aanvullingen van de kernpartners">
          {inputs.map((i) => (
            <article key={i.id} className="mb-3 rounded bg-white p-3" aria-label={`Aanvulling van ${i.organisationName}`}>
              <h3 className="font-semibold">{i.organisationName}</h3>
              <dl className="mt-1 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-sm">
                <Row term="Gekend">{KNOWN_STATUS_LABEL[i.knownStatus]}</Row>
                <Row term="Traject">{i.trajectory || '—'}</Row>
                <Row term="Verloop">{i.trajectoryProgress || '—'}</Row>
                <Row term="Visie op opvolging">{i.viewOnFollowUp}</Row>
                <Row term="Laatst bijgewerkt">{formatDateTime(i.updatedAt)}</Row>
              </dl>
            </article>
          ))}
          {view.missingPartners.length > 0 && (
            <p className="mt-2">
              <span className="font-medium">Nog geen aanvulling van:</span> {view.missingPartners.join(', ')}
            </p>
          )}
          {view.can.closeInputRound && <CloseInputRoundForm action={closeInputRoundAction.bind(null, dossier.id)} />}
          {view.can.writeInput && (
            <div className="mt-4">
              <h3 className="mb-2 font-semibold">{ownInput ? 'Aanvulling van je organisatie bijwerken' : 'Aanvulling geven'}</h3>
              <PartnerInputForm
                action={savePartnerInputAction.bind(null, dossier.id)}
                initial={{
                  knownStatus: ownInput?.knownStatus ?? '',
                  trajectory: ownInput?.trajectory ?? '',
                  trajectoryProgress: ownInput?.trajectoryProgress ?? '',
                  viewOnFollowUp: ownInput?.viewOnFollowUp ?? '',
                }}
              />
            </div>
          )}
        </Section>
      )}

      {(view.can.transfer || view.transfers.length > 0) && (
        <Section id="overdracht" title="Overdracht naar een ander Veilig Huis">
          {view.transfers.length > 0 && (
            <ul className="list-disc pl-6">
              {view.transfers.map((t) => (
                <li key={t.id}>
                  {formatDate(t.createdAt)}: van {t.fromName} naar {t.toName} — {TRANSFER_STATUS_LABEL[t.status]} — {t.reason}
                </li>
              ))}
            </ul>
          )}
          {view.can.transfer && (
            <div className="mt-3 max-w-2xl">
              <SpecForm
                action={requestTransferAction.bind(null, dossier.id)}
                submitLabel="Overdracht vragen"
                label="Overdracht vragen"
                fields={[
                  { kind: 'note', text: 'Het hele dossier gaat, met de persoonsgegevens, naar het andere Veilig Huis zodra de coördinator daar aanvaardt. Daarna zie je het niet meer.' },
                  { kind: 'select', name: 'toSafeHouseId', label: 'Naar welk Veilig Huis', required: true, options: view.otherHouses.map((h) => ({ value: h.id, label: h.name })) },
                  { kind: 'textarea', name: 'reason', label: 'Reden van de overdracht', required: true, rows: 2, hint: 'Bijvoorbeeld: het gezin is verhuisd.' },
                ]}
              />
            </div>
          )}
        </Section>
      )}

      <p className="mt-10 rounded border border-amber-700 bg-amber-50 p-3 text-sm text-amber-900">
        Vertrouwelijk – art. 458ter Sw. Deze raadpleging werd gelogd.
      </p>
    </>
  );
}
