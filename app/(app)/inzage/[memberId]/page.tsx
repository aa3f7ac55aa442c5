import Link from 'next/link';
import { loadPage } from '@/lib/auth/session';
import { getAccessOverview } from '@/lib/gdpr/access-overview';
import { actionLabel } from '@/lib/gdpr/action-labels';
import {
  DISCLOSURE_GROUND_LABEL, DISCLOSURE_STATUS_LABEL, MEMBER_ROLE_LABEL, RISK_LEVEL_LABEL, SEX_LABEL, STATUS_LABEL,
  VIOLENCE_FORM_LABEL, VIOLENCE_TYPE_LABEL, formatDate, formatDateTime,
} from '@/lib/labels';
import { SpecForm } from '@/components/ui/spec-form';
import { PrintButton } from '@/components/gdpr/print-button';
import { rectifyMemberAction } from '../actions';

export const metadata = { title: 'Inzageoverzicht' };

const NOTICES: Record<string, string> = {
  rechtgezet: 'De gegevens zijn rechtgezet. Het toegangslog vermeldt de rechtzetting en de reden, niet de oude of nieuwe waarden.',
};

// Printing: only the overview itself, without the site's header, the forms and the buttons.
const PRINT_CSS = `@media print {
  body { background: white; }
  header, .skip-link, [data-print="hide"] { display: none !important; }
  main { max-width: none !important; padding: 0 !important; }
  section { break-inside: avoid-page; }
  table { font-size: 10pt; }
  a { color: inherit; text-decoration: none; }
}`;

function Row({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="font-medium">{term}</dt>
      <dd className="whitespace-pre-line">{children ?? '—'}</dd>
    </>
  );
}

const yesNo = (b: boolean | null | undefined) => (b === null || b === undefined ? 'onbekend' : b ? 'ja' : 'nee');
const isoDay = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : '');

export default async function AccessOverviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ memberId: string }>;
  searchParams: Promise<{ melding?: string }>;
}) {
  const { memberId } = await params;
  const { melding } = await searchParams;
  const data = await loadPage((userId) => getAccessOverview(userId, memberId));
  const notice = melding ? NOTICES[melding] : undefined;
  const first = data.records[0];
  const person = first ? `${first.member.firstName} ${first.member.lastName}` : '';

  return (
    <>
      <style href="vhd-inzage-print" precedence="default">{PRINT_CSS}</style>
      <p data-print="hide" className="text-sm">
        <Link href="/inzage" className="text-brand-700 underline">Terug naar zoeken</Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold">Inzageoverzicht: {person}</h1>
      <p className="mt-1 text-sm text-gray-700">
        Wat de dossieromgeving van de Veilige Huizen over deze persoon bevat (art. 15 AVG). Opgemaakt op{' '}
        {formatDateTime(data.generatedAt)}. {data.records.length > 1 ? `${data.records.length} dossiers, gekoppeld via het rijksregisternummer.` : ''}
      </p>
      {notice && <p role="status" data-print="hide" className="mt-4 rounded border border-green-800 bg-green-50 p-3 text-green-900">{notice}</p>}

      <div data-print="hide" className="mt-4 space-y-3 rounded border border-amber-700 bg-amber-50 p-4 text-amber-950">
        <p className="font-semibold">Afdrukken</p>
        <p>
          Druk dit overzicht af met de knop hieronder of met Ctrl+P (Cmd+P op een Mac). Kies &ldquo;Opslaan als pdf&rdquo; als je
          het elektronisch wil bezorgen. Menu, knoppen en formulieren worden niet mee afgedrukt.
        </p>
        <p>
          Lees het overzicht na voor je het aan de betrokkene bezorgt: gegevens over andere leden van het cliëntsysteem, of
          gegevens die de veiligheid van iemand in gevaar brengen, horen er niet in (art. 15, lid 4 AVG).
        </p>
        <PrintButton />
      </div>

      {data.records.map((r) => (
        <article key={r.member.id} aria-labelledby={`dossier-${r.member.id}`} className="mt-10 border-t border-gray-400 pt-6">
          <h2 id={`dossier-${r.member.id}`} className="text-xl font-semibold">
            Dossier {r.dossier.reference} — {r.dossier.safeHouseName}
          </h2>

          <section aria-labelledby={`id-${r.member.id}`} className="mt-4">
            <h3 id={`id-${r.member.id}`} className="text-lg font-semibold">Identificatie- en contactgegevens</h3>
            <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
              <Row term="Voornaam">{r.member.firstName}</Row>
              <Row term="Achternaam">{r.member.lastName}</Row>
              <Row term="Geboortedatum">{formatDate(r.member.dateOfBirth)}</Row>
              <Row term="Minderjarig">{yesNo(r.member.isMinor)}</Row>
              <Row term="Geslacht">{SEX_LABEL[r.member.sex] ?? r.member.sex}</Row>
              <Row term="Rijksregisternummer">{r.member.nationalNumber ?? 'niet geregistreerd'}</Row>
              <Row term="Contactgegevens">{r.member.contact ?? 'niet geregistreerd'}</Row>
              <Row term="Rol in het cliëntsysteem">{MEMBER_ROLE_LABEL[r.member.memberRole]}</Row>
              <Row term="Geregistreerd op">{formatDate(r.member.recordedAt)}</Row>
            </dl>
          </section>

          <section aria-labelledby={`d-${r.member.id}`} className="mt-6">
            <h3 id={`d-${r.member.id}`} className="text-lg font-semibold">Dossier</h3>
            <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
              <Row term="Referentie">{r.dossier.reference}</Row>
              <Row term="Cliëntsysteem">{r.dossier.clientSystemLabel}</Row>
              <Row term="Status">{STATUS_LABEL[r.dossier.status]}</Row>
              <Row term="Veilig Huis">{r.dossier.safeHouseName}</Row>
              <Row term="Aangemeld door (organisatie)">{r.dossier.referrerOrganisation}</Row>
              <Row term="Aangemaakt op">{formatDate(r.dossier.createdAt)}</Row>
              <Row term="Ingediend op">{formatDate(r.dossier.submittedAt)}</Row>
              <Row term="Beslist op">{formatDate(r.dossier.decidedAt)}</Row>
              <Row term="Afgesloten op">{formatDate(r.dossier.closedAt)}</Row>
              <Row term="Bewaard tot">{formatDate(r.dossier.retentionUntil)}</Row>
            </dl>
          </section>

          {r.referral && (
            <section aria-labelledby={`a-${r.member.id}`} className="mt-6">
              <h3 id={`a-${r.member.id}`} className="text-lg font-semibold">Aanmelding</h3>
              <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
                <Row term="Vormen van geweld">{r.referral.violenceForms.map((f) => VIOLENCE_FORM_LABEL[f] ?? f).join(', ') || '—'}</Row>
                <Row term="Soorten geweld">{r.referral.violenceTypes.map((t) => VIOLENCE_TYPE_LABEL[t] ?? t).join(', ') || '—'}</Row>
                <Row term="Situatie">{r.referral.situation || '—'}</Row>
                <Row term="Wat al gebeurde">{r.referral.actionsTaken || '—'}</Row>
                <Row term="Cliëntsysteem op de hoogte">{yesNo(r.referral.clientInformed)}</Row>
                {r.referral.notInformedReason && <Row term="Waarom niet op de hoogte">{r.referral.notInformedReason}</Row>}
                <Row term="Inschatting van het risico door de aanmelder">
                  {r.referral.riskJudgement ? RISK_LEVEL_LABEL[r.referral.riskJudgement] : '—'}
                  {r.referral.riskJudgementReason ? ` — ${r.referral.riskJudgementReason}` : ''}
                </Row>
                <Row term="Betrokken organisaties">{r.referral.involvedOrganisations || '—'}</Row>
                <Row term="Laatst gewijzigd">{formatDate(r.referral.updatedAt)}</Row>
              </dl>
            </section>
          )}

          <section aria-labelledby={`i-${r.member.id}`} className="mt-6">
            <h3 id={`i-${r.member.id}`} className="text-lg font-semibold">Informatie over deze persoon in het casusoverleg</h3>
            {r.informationItems.length === 0 ? (
              <p className="mt-2">Geen informatie die specifiek over deze persoon gaat.</p>
            ) : (
              <table className="mt-2 w-full border-collapse bg-white text-left text-sm">
                <caption className="sr-only">Ingebrachte informatie over deze persoon</caption>
                <thead>
                  <tr className="border-b border-gray-400">
                    <th scope="col" className="p-2">Datum</th>
                    <th scope="col" className="p-2">Organisatie</th>
                    <th scope="col" className="p-2">Categorie (art. 15 §1)</th>
                    <th scope="col" className="p-2">Inhoud</th>
                  </tr>
                </thead>
                <tbody>
                  {r.informationItems.map((i) => (
                    <tr key={i.id} className="border-b border-gray-200 align-top">
                      <td className="p-2 whitespace-nowrap">{formatDate(i.createdAt)}</td>
                      <td className="p-2">{i.organisation}</td>
                      <td className="p-2">{i.categoryLabel}</td>
                      <td className="p-2 whitespace-pre-line">{i.content}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>

          <section aria-labelledby={`v-${r.member.id}`} className="mt-6">
            <h3 id={`v-${r.member.id}`} className="text-lg font-semibold">Voorstellen om informatie met deze persoon te delen (art. 14 §2)</h3>
            {r.disclosures.length === 0 ? (
              <p className="mt-2">Geen voorstellen.</p>
            ) : (
              <table className="mt-2 w-full border-collapse bg-white text-left text-sm">
                <caption className="sr-only">Voorstellen tot delen met deze persoon</caption>
                <thead>
                  <tr className="border-b border-gray-400">
                    <th scope="col" className="p-2">Voorgesteld op</th>
                    <th scope="col" className="p-2">Grond</th>
                    <th scope="col" className="p-2">Aantal stukken informatie</th>
                    <th scope="col" className="p-2">Status</th>
                    <th scope="col" className="p-2">Gedeeld op</th>
                  </tr>
                </thead>
                <tbody>
                  {r.disclosures.map((p) => (
                    <tr key={p.id} className="border-b border-gray-200">
                      <td className="p-2">{formatDate(p.createdAt)}</td>
                      <td className="p-2">{DISCLOSURE_GROUND_LABEL[p.ground] ?? p.ground}</td>
                      <td className="p-2">{p.itemCount}</td>
                      <td className="p-2">{DISCLOSURE_STATUS_LABEL[p.status] ?? p.status}</td>
                      <td className="p-2">{formatDate(p.sharedAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>

          <section aria-labelledby={`t-${r.member.id}`} className="mt-6">
            <h3 id={`t-${r.member.id}`} className="text-lg font-semibold">Wie had toegang tot dit dossier</h3>
            {r.accessLogTruncated && <p className="mt-2 text-sm">Enkel de laatste {r.accessLog.length} gebeurtenissen; de DPO kan het volledige toegangslog opvragen.</p>}
            {r.accessLog.length === 0 ? (
              <p className="mt-2">Nog geen toegang geregistreerd.</p>
            ) : (
              <table className="mt-2 w-full border-collapse bg-white text-left text-sm">
                <caption className="sr-only">Toegang tot dossier {r.dossier.reference}, nieuwste eerst</caption>
                <thead>
                  <tr className="border-b border-gray-400">
                    <th scope="col" className="p-2">Wanneer</th>
                    <th scope="col" className="p-2">Wie</th>
                    <th scope="col" className="p-2">Organisatie</th>
                    <th scope="col" className="p-2">Wat</th>
                    <th scope="col" className="p-2">Uitkomst</th>
                  </tr>
                </thead>
                <tbody>
                  {r.accessLog.map((l, i) => (
                    <tr key={i} className="border-b border-gray-200">
                      <td className="p-2 whitespace-nowrap">{formatDateTime(l.occurredAt)}</td>
                      <td className="p-2">{l.actorName ?? 'systeem'}</td>
                      <td className="p-2">{l.organisationName ?? '—'}</td>
                      <td className="p-2">{actionLabel(l.action)}</td>
                      <td className="p-2">{l.outcome === 'ALLOWED' ? 'toegestaan' : 'geweigerd'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>

          <section data-print="hide" aria-labelledby={`r-${r.member.id}`} className="mt-6 max-w-2xl">
            <h3 id={`r-${r.member.id}`} className="text-lg font-semibold">Identificatiegegevens rechtzetten (art. 16 AVG)</h3>
            {r.canRectify ? (
              <SpecForm
                action={rectifyMemberAction.bind(null, data.memberId, r.member.id)}
                label={`Rechtzetten in dossier ${r.dossier.reference}`}
                submitLabel="Rechtzetting bewaren"
                className="mt-2 space-y-4 rounded border border-gray-300 bg-white p-4"
                initial={{
                  firstName: r.member.firstName,
                  lastName: r.member.lastName,
                  dateOfBirth: isoDay(r.member.dateOfBirth),
                  sex: r.member.sex,
                  nationalNumber: r.member.nationalNumber ?? '',
                  reason: '',
                }}
                fields={[
                  { kind: 'text', name: 'firstName', label: 'Voornaam', required: true },
                  { kind: 'text', name: 'lastName', label: 'Achternaam', required: true },
                  { kind: 'date', name: 'dateOfBirth', label: 'Geboortedatum' },
                  { kind: 'select', name: 'sex', label: 'Geslacht', required: true, options: Object.entries(SEX_LABEL).map(([value, label]) => ({ value, label })) },
                  { kind: 'text', name: 'nationalNumber', label: 'Rijksregisternummer', hint: 'Leeg laten verwijdert het nummer.' },
                  {
                    kind: 'textarea', name: 'reason', label: 'Reden van de rechtzetting', required: true, rows: 2,
                    hint: 'Komt in het toegangslog: geen namen, nummers of andere persoonsgegevens, bv. "verzoek van de betrokkene, identiteitskaart gezien".',
                  },
                ]}
              />
            ) : (
              <p className="mt-2">
                Rechtzetten kan nu niet in dit dossier.
              </p>
            )}
          </section>
        </article>
      ))}
    </>
  );
}
