import Link from 'next/link';
import { Notice } from '@/components/ui/notice';
import { loadPage } from '@/lib/auth/session';
import { getCaseConference } from '@/lib/conferences/get-case-conference';
import {
  ATTENDANCE_LABEL, CONSENSUS_STATUS_LABEL, DATA_CATEGORY_LABEL, EXTENSION_GROUND_LABEL, DISCLOSURE_GROUND_LABEL, DISCLOSURE_STATUS_LABEL, INVITATION_REASON_LABEL,
  formatDate, formatDateTime,
} from '@/lib/labels';
import { SpecForm } from '@/components/ui/spec-form';
import { LiveUpdates } from '@/components/dossier/live-updates';
import {
  addItemAction, closeAction, withdrawAction, withdrawExtensionAction, correctItemAction, withdrawItemAction, decisionAction, proposeExtensionAction, voteExtensionAction, feedbackAction, goalAction, leaveAction, markSharedAction, minutesAction, planActionAction,
  proposeAction, toggleActionAction, voteAction,
} from './actions';

export const metadata = { title: 'Casusoverleg' };

const NOTICES: Record<string, string> = {
  informatie: 'De informatie is toegevoegd.',
  rechtgezet: 'De informatie is rechtgezet.',
  'item-ingetrokken': 'De informatie is ingetrokken en gewist.',
  voorstel: 'Het voorstel tot delen is ingediend. Alle deelnemers en de voorzitter moeten akkoord gaan.',
  ingetrokken: 'Het voorstel is ingetrokken.',
  gestemd: 'Je stem is geregistreerd.',
  gedeeld: 'De deling is geregistreerd.',
  verslag: 'Het verslag is bewaard.',
  beslissing: 'De beslissing is toegevoegd.',
  plan: 'Het plan van aanpak is bijgewerkt.',
  terugkoppeling: 'De terugkoppeling is geregistreerd; de medewerker is gebonden door het beroepsgeheim.',
  verlenging: 'Het voorstel tot verlenging van de bewaartermijn is ingediend. Alle deelnemers en de voorzitter moeten akkoord gaan.',
  afgesloten: 'Het dossier is afgesloten. Het is nu alleen nog te lezen.',
};

function VoteList({ votes }: { votes: { userId: string; name: string; chair: boolean; vote: string | null; canStillVote: boolean }[] }) {
  return (
    <ul className="list-disc pl-6" aria-label="Stemmen">
      {votes.map((vote) => (
        <li key={vote.userId}>
          {vote.name}{vote.chair ? ' (voorzitter)' : ''}: {vote.vote === 'AGREE' ? 'akkoord' : vote.vote === 'OBJECT' ? 'bezwaar' : vote.canStillVote ? 'nog niet gestemd' : 'kan niet meer stemmen (neemt niet meer deel)'}
        </li>
      ))}
    </ul>
  );
}

function Unreachable() {
  return (
    <p className="mt-2 rounded border border-red-700 bg-red-50 p-2 text-red-900" role="status">
      Dit voorstel kan geen consensus meer bereiken: iemand die moest beslissen, neemt niet meer deel. Wie akkoord moet gaan,
      ligt vast bij het voorstel; vertrek of verwijdering telt nooit als akkoord. Trek het voorstel in en doe zo nodig een nieuw voorstel.
    </p>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section id={id} aria-labelledby={`h-${id}`} className="mt-10">
      <h2 id={`h-${id}`} className="text-xl font-semibold">{title}</h2>
      <div className="mt-3">{children}</div>
    </section>
  );
}

export default async function CaseConferencePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ melding?: string }> }) {
  const { id } = await params;
  const { melding } = await searchParams;
  const v = await loadPage((userId) => getCaseConference(userId, id));
  const notice = melding ? NOTICES[melding] : undefined;
  const active = v.participants.filter((p) => p.accepted && p.acknowledged && !p.left);
  const now = Date.now();
  const pastSessions = v.agenda.filter((a) => new Date(a.startsAt).getTime() <= now);
  const sessionOptions = v.agenda.map((a) => ({ value: a.id, label: `${formatDateTime(a.startsAt)} — ${a.location}` }));
  const itemLabel = (itemId: string) => {
    const item = v.items.find((i) => i.id === itemId);
    return item ? `${item.organisation}: ${item.content}` : 'onbekend';
  };
  return (
    <>
      <p className="text-sm text-gray-700">{v.dossier.safeHouseName}</p>
      <h1 className="text-2xl font-semibold">Casusoverleg {v.dossier.reference}: {v.dossier.label}</h1>
      <div className="mt-2 flex flex-wrap items-center gap-6">
        <LiveUpdates dossierId={v.dossier.id} />
        {v.can.pdf && (
          <a href={`/api/v1/dossiers/${v.dossier.id}/verslag`} className="text-brand-700 underline">
            Verslag en plan van aanpak downloaden (PDF)
          </a>
        )}
        <Link href={`/dossiers/${v.dossier.id}`} className="text-brand-700 underline">Naar het dossier</Link>
      </div>
      <Notice>{notice}</Notice>
      {v.pseudonymised && (
        <p className="mt-4 rounded border border-gray-500 bg-gray-50 p-3">
          Je bent uitgenodigd voor je expertise: je ziet de casus zonder identificerende gegevens.
        </p>
      )}
      <p className="mt-4 rounded border border-amber-700 bg-amber-50 p-3 text-amber-900">
        Vertrouwelijk – art. 458ter Sw. Deel enkel informatie die relevant en proportioneel is voor de bescherming van de leden
        van het cliëntsysteem. Niemand is verplicht te spreken (art. 13, § 2).
      </p>

      <Section id="deelnemers" title="Deelnemers aan deze casus">
        <ul className="list-disc pl-6">
          {v.participants.filter((p) => p.accepted).map((p) => (
            <li key={p.id}>
              {p.name} ({p.organisation}) — {ATTENDANCE_LABEL[p.attendance]}, {(INVITATION_REASON_LABEL[p.reason] ?? '').toLowerCase()}
              {p.isCaseDirector ? ' — casusregisseur' : ''}
              {p.left ? ' — heeft de casus verlaten' : !p.acknowledged ? ' — beroepsgeheim nog niet bevestigd' : ''}
            </li>
          ))}
        </ul>
        {v.me && (
          <div className="mt-3">
            <SpecForm action={leaveAction.bind(null, v.me.id)} submitLabel="Deze casus verlaten" variant="secondary" className="" label="Casus verlaten" fields={[]} />
          </div>
        )}
      </Section>

      <Section id="leden" title="Leden van het cliëntsysteem">
        <ul className="list-disc pl-6">
          {v.members.map((m) => <li key={m.id}>{m.label}</li>)}
        </ul>
      </Section>

      <Section id="verslag" title="Overleg, verslag en beslissingen">
        {v.agenda.length === 0 && <p>Deze casus stond nog niet op een overleg.</p>}
        {v.agenda.map((a, i) => (
          <article key={a.id} className="mb-4 rounded bg-white p-4" aria-label={`Overleg van ${formatDateTime(a.startsAt)}`}>
            <h3 className="font-semibold">{formatDateTime(a.startsAt)} — {a.location}</h3>
            {v.can.record && i === 0 ? (
              <div className="mt-2 space-y-4">
                <SpecForm action={minutesAction.bind(null, v.dossier.id, a.id)} submitLabel="Verslag bewaren" initial={{ minutes: a.minutes }} className="space-y-2" label="Verslag"
                  fields={[{ kind: 'textarea', name: 'minutes', label: 'Verslag (optioneel, art. 13 § 2)', rows: 6 }]} />
                <SpecForm action={decisionAction.bind(null, v.dossier.id, a.id)} submitLabel="Beslissing toevoegen" className="space-y-2" label="Beslissing"
                  fields={[{ kind: 'text', name: 'text', label: 'Nieuwe beslissing', required: true }]} />
              </div>
            ) : (
              <p className="mt-2 whitespace-pre-line">{a.minutes || 'Geen verslag.'}</p>
            )}
            {a.decisions.length > 0 && (
              <>
                <h4 className="mt-3 font-medium">Beslissingen</h4>
                <ol className="list-decimal pl-6">{a.decisions.map((d) => <li key={d.id}>{d.text}</li>)}</ol>
              </>
            )}
          </article>
        ))}
      </Section>

      <Section id="informatie" title="Ingebrachte informatie">
        {v.items.length === 0 ? <p>Nog geen informatie ingebracht.</p> : (
          <ul className="space-y-2">
            {v.items.map((i) => (
              <li key={i.id} className="rounded bg-white p-3">
                {i.withdrawnAt ? (
                  <p className="text-sm text-gray-700">Informatie van {i.organisation}, ingetrokken door de organisatie op {formatDateTime(i.withdrawnAt)} (art. 15, § 2).</p>
                ) : (
                  <>
                    <p className="text-sm text-gray-700">
                      {i.organisation} · {DATA_CATEGORY_LABEL[i.category]} · {i.concerns ? `betreft ${i.concerns}` : 'betreft het cliëntsysteem'} · {formatDateTime(i.createdAt)}
                      {i.correctedAt ? ` · rechtgezet op ${formatDateTime(i.correctedAt)}` : ''}
                    </p>
                    <p className="whitespace-pre-line">{i.content}</p>
                    {i.ownOrganisation && v.can.contribute && (
                      <details className="mt-2">
                        <summary className="cursor-pointer text-brand-700 underline">Rechtzetten of intrekken</summary>
                        <div className="mt-2 grid gap-4 md:grid-cols-2">
                          <SpecForm
                            action={correctItemAction.bind(null, v.dossier.id, i.id)}
                            submitLabel="Rechtzetting bewaren"
                            label="Informatie rechtzetten"
                            initial={{ category: String(i.category), concernsMemberId: i.concernsMemberId ?? '', content: i.content }}
                            fields={[
                              { kind: 'select', name: 'category', label: 'Categorie van gegevens (art. 15, § 1)', required: true, options: Object.entries(DATA_CATEGORY_LABEL).map(([value, label]) => ({ value, label: `${value}. ${label}` })) },
                              { kind: 'select', name: 'concernsMemberId', label: 'Over welk lid gaat deze informatie?', placeholder: 'Het cliëntsysteem in het algemeen', options: v.members.map((m) => ({ value: m.id, label: m.label })) },
                              { kind: 'textarea', name: 'content', label: 'Informatie', required: true, rows: 3 },
                              { kind: 'text', name: 'reason', label: 'Reden van de rechtzetting', required: true },
                            ]}
                          />
                          <SpecForm
                            action={withdrawItemAction.bind(null, v.dossier.id, i.id)}
                            submitLabel="Informatie intrekken"
                            variant="secondary"
                            label="Informatie intrekken"
                            fields={[
                              { kind: 'note', text: 'Je organisatie trekt deze informatie in: de inhoud wordt gewist. Dat ze bestond en wie ze introk, blijft in het toegangslog.' },
                              { kind: 'text', name: 'reason', label: 'Reden van de intrekking', required: true },
                            ]}
                          />
                        </div>
                      </details>
                    )}
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
        {v.can.contribute && (
          <div className="mt-4 max-w-3xl">
            <SpecForm
              action={addItemAction.bind(null, v.dossier.id)}
              submitLabel="Informatie inbrengen"
              label="Informatie inbrengen"
              fields={[
                { kind: 'note', text: 'Breng enkel informatie in die relevant en proportioneel is. Je bent niet verplicht te spreken. Wat je inbrengt, wordt aan je organisatie toegeschreven.' },
                { kind: 'select', name: 'category', label: 'Categorie van gegevens (art. 15, § 1)', required: true, options: Object.entries(DATA_CATEGORY_LABEL).map(([value, label]) => ({ value, label: `${value}. ${label}` })) },
                { kind: 'select', name: 'concernsMemberId', label: 'Over welk lid gaat deze informatie?', hint: 'Kies een lid als de informatie enkel dat lid betreft; dat bepaalt aan wie ze later eventueel gegeven mag worden.', placeholder: 'Het cliëntsysteem in het algemeen', options: v.members.map((m) => ({ value: m.id, label: m.label })) },
                { kind: 'textarea', name: 'content', label: 'Informatie', required: true, rows: 3 },
              ]}
            />
          </div>
        )}
      </Section>

      <Section id="plan" title="Plan van aanpak">
        <p>Casusregisseur: {v.participants.find((p) => p.isCaseDirector && !p.left)?.name ?? 'nog niet aangeduid'}</p>
        {v.goals.map((g) => (
          <article key={g.id} className="mt-3 rounded bg-white p-3" aria-label={`Doel: ${g.title}`}>
            <h3 className="font-semibold">Doel: {g.title}</h3>
            <ul className="mt-1 space-y-1">
              {g.actions.map((act) => (
                <li key={act.id} className="flex flex-wrap items-center gap-3">
                  <span>{act.done ? '✓ ' : ''}{act.description} — {act.owner}{act.dueDate ? `, tegen ${formatDate(act.dueDate)}` : ''}</span>
                  {v.can.record && (
                    <SpecForm action={toggleActionAction.bind(null, v.dossier.id, act.id, !act.done)} submitLabel={act.done ? 'Heropenen' : 'Afgerond'} variant="secondary" className="" label={`Actie ${act.description}`} fields={[]} />
                  )}
                </li>
              ))}
            </ul>
          </article>
        ))}
        {v.can.record && (
          <div className="mt-4 grid max-w-4xl gap-4 md:grid-cols-2">
            <SpecForm action={goalAction.bind(null, v.dossier.id)} submitLabel="Doel toevoegen" label="Doel toevoegen" fields={[{ kind: 'text', name: 'title', label: 'Nieuw doel', required: true }]} />
            {v.goals.length > 0 && (
              <SpecForm
                action={planActionAction.bind(null, v.dossier.id)}
                submitLabel="Actie toevoegen"
                label="Actie toevoegen"
                fields={[
                  { kind: 'select', name: 'goalId', label: 'Bij doel', required: true, options: v.goals.map((g) => ({ value: g.id, label: g.title })) },
                  { kind: 'text', name: 'description', label: 'Actie', required: true },
                  { kind: 'select', name: 'ownerOrganisationId', label: 'Verantwoordelijke organisatie', required: true, options: [...new Map(active.map((p) => [p.organisationId, p.organisation])).entries()].map(([value, label]) => ({ value, label })) },
                  { kind: 'date', name: 'dueDate', label: 'Tegen (optioneel)' },
                ]}
              />
            )}
          </div>
        )}
      </Section>

      <Section id="delen" title="Delen met het cliëntsysteem of onder rapportageplicht (art. 14, § 2)">
        <p className="max-w-3xl">
          Informatie uit het casusoverleg wordt enkel gedeeld als <strong>alle deelnemers en de voorzitter</strong> akkoord gaan over precies
          welke informatie, met wie en door wie. Wie moet beslissen, ligt vast op het moment van het voorstel. Eén bezwaar volstaat om niet te delen.
        </p>
        {v.proposals.map((p) => (
          <article key={p.id} id={`voorstel-${p.id}`} className="mt-4 rounded border border-gray-300 bg-white p-4" aria-label={`Voorstel van ${p.proposedBy}`}>
            <p className="font-semibold">
              {p.kind === 'CLIENT_MEMBER' ? `Delen met ${p.member}` : `Delen onder rapportageplicht met ${p.recipient}`} — door {p.sharer}
            </p>
            <p data-testid="proposal-status">Status: <strong>{DISCLOSURE_STATUS_LABEL[p.status]}</strong></p>
            <p className="text-sm">Grond: {DISCLOSURE_GROUND_LABEL[p.ground]}{p.goalId ? ` (${v.goals.find((g) => g.id === p.goalId)?.title ?? ''})` : ''}. Noodzaak: {p.necessity}</p>
            <h3 className="mt-2 font-medium">Welke informatie</h3>
            <ul className="list-disc pl-6">{p.itemIds.map((iid) => <li key={iid}>{itemLabel(iid)}</li>)}</ul>
            <h3 className="mt-2 font-medium">Wie moet akkoord gaan</h3>
            <VoteList votes={p.votes} />
            {p.unreachable && <Unreachable />}
            {p.canVote && v.can.vote && (
              <div className="mt-3 flex flex-wrap gap-4">
                <SpecForm action={voteAction.bind(null, v.dossier.id, p.id)} submitLabel="Akkoord" className="" label="Akkoord" fields={[{ kind: 'hidden', name: 'vote', value: 'AGREE' }]} />
                <SpecForm action={voteAction.bind(null, v.dossier.id, p.id)} submitLabel="Bezwaar" variant="secondary" className="" label="Bezwaar" fields={[{ kind: 'hidden', name: 'vote', value: 'OBJECT' }]} />
              </div>
            )}
            {(p.status === 'OPEN' || p.status === 'APPROVED') && p.mineToWithdraw && v.can.withdraw && (
              <div className="mt-3">
                <SpecForm action={withdrawAction.bind(null, v.dossier.id, p.id)} submitLabel="Voorstel intrekken" variant="secondary" className="" label="Voorstel intrekken" fields={[]} />
              </div>
            )}
            {p.status === 'APPROVED' && p.sharerUserId === v.actorUserId && (
              <div className="mt-3">
                <SpecForm action={markSharedAction.bind(null, v.dossier.id, p.id)} submitLabel="Registreren dat ik gedeeld heb" className="" label="Deling registreren" fields={[]} />
              </div>
            )}
            {p.sharedAt && <p className="mt-2 text-sm">Gedeeld op {formatDateTime(p.sharedAt)}.</p>}
          </article>
        ))}
        {v.can.propose && v.items.length > 0 && (
          <div className="mt-6 max-w-3xl">
            <h3 className="mb-2 font-semibold">Nieuw voorstel tot delen</h3>
            <SpecForm
              action={proposeAction.bind(null, v.dossier.id)}
              submitLabel="Voorstel indienen"
              label="Nieuw voorstel tot delen"
              initial={{ itemIds: [] }}
              fields={[
                { kind: 'radio', name: 'kind', label: 'Soort deling', required: true, options: [
                  { value: 'CLIENT_MEMBER', label: 'Met een lid van het cliëntsysteem (art. 14, § 2, eerste lid)' },
                  { value: 'REPORTING_DUTY', label: 'Onder rapportageplicht van een deelnemer (art. 14, § 2, tweede lid)' },
                ] },
                { kind: 'select', name: 'memberId', label: 'Met welk lid (bij delen met een lid)', options: v.members.map((m) => ({ value: m.id, label: m.label })), placeholder: 'Kies een lid' },
                { kind: 'text', name: 'recipient', label: 'Aan wie gerapporteerd wordt (bij rapportageplicht)' },
                { kind: 'checkboxes', name: 'itemIds', label: 'Precies welke informatie', required: true, hint: 'Aan een lid mag enkel informatie gegeven worden die uitsluitend dat lid betreft.', options: v.items.filter((i) => !i.withdrawnAt).map((i) => ({ value: i.id, label: `${i.organisation}: ${i.content}${i.concerns ? ` (betreft ${i.concerns})` : ''}` })) },
                { kind: 'select', name: 'sharerUserId', label: 'Wie deelt de informatie', required: true, options: active.map((p) => ({ value: p.userId, label: `${p.name} (${p.organisation})` })) },
                { kind: 'radio', name: 'ground', label: 'Grond', required: true, options: Object.entries(DISCLOSURE_GROUND_LABEL).map(([value, label]) => ({ value, label })) },
                { kind: 'select', name: 'goalId', label: 'Doel van het plan van aanpak (bij die grond)', options: v.goals.map((g) => ({ value: g.id, label: g.title })), placeholder: 'Kies een doel' },
                { kind: 'textarea', name: 'necessity', label: 'Waarom is dit noodzakelijk?', required: true, rows: 2 },
              ]}
            />
          </div>
        )}
      </Section>

      <Section id="afronding" title="Afronding en bewaartermijn (art. 15, § 3)">
        {v.closure.closedAt ? (
          <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1" aria-label="Afsluiting">
            <dt className="font-medium">Afgesloten op</dt><dd>{formatDate(v.closure.closedAt)}</dd>
            <dt className="font-medium">Redenen</dt><dd className="whitespace-pre-line">{v.closure.closureReasons}</dd>
            <dt className="font-medium">Bewaartermijn</dt>
            <dd>{v.closure.retentionYears} jaar{v.closure.retentionGround ? ` (${EXTENSION_GROUND_LABEL[v.closure.retentionGround]})` : ''}, tot {formatDate(v.closure.retentionUntil)}{v.closure.retentionReason ? ` — ${v.closure.retentionReason}` : ''}</dd>
          </dl>
        ) : (
          <p className="max-w-3xl">
            Een dossier wordt afgesloten op een afrondingstafel. De persoonsgegevens worden dan nog hoogstens 15 jaar bewaard (korter
            als dat volstaat); enkel met de consensus van alle deelnemers en de voorzitter, op die afrondingstafel, kan dat verlengd
            worden tot hoogstens 30 jaar, bv. bij eergerelateerd geweld of zeer ernstige feiten.
          </p>
        )}
        {v.extensions.map((e) => (
          <article key={e.id} className="mt-4 rounded border border-gray-300 bg-white p-4" aria-label={`Verlenging tot ${e.years} jaar`}>
            <p className="font-semibold">Verlenging van de bewaartermijn tot {e.years} jaar — {EXTENSION_GROUND_LABEL[e.ground]}</p>
            <p data-testid="extension-status">Status: <strong>{CONSENSUS_STATUS_LABEL[e.status]}</strong></p>
            <p className="text-sm">{e.groundNote}</p>
            <p className="text-sm">Afrondingstafel: {v.agenda.find((a) => a.id === e.agendaItemId) ? formatDateTime(v.agenda.find((a) => a.id === e.agendaItemId)!.startsAt) : 'geen'}</p>
            <VoteList votes={e.votes} />
            {e.unreachable && <Unreachable />}
            {(e.status === 'OPEN' || e.status === 'APPROVED') && v.can.withdrawExtension && (
              <div className="mt-3">
                <SpecForm action={withdrawExtensionAction.bind(null, v.dossier.id, e.id)} submitLabel="Verlenging intrekken" variant="secondary" className="" label="Verlenging intrekken" fields={[]} />
              </div>
            )}
            {e.canVote && v.can.voteExtension && (
              <div className="mt-3 flex flex-wrap gap-4">
                <SpecForm action={voteExtensionAction.bind(null, v.dossier.id, e.id)} submitLabel="Akkoord met verlenging" className="" label="Akkoord met verlenging" fields={[{ kind: 'hidden', name: 'vote', value: 'AGREE' }]} />
                <SpecForm action={voteExtensionAction.bind(null, v.dossier.id, e.id)} submitLabel="Bezwaar tegen verlenging" variant="secondary" className="" label="Bezwaar tegen verlenging" fields={[{ kind: 'hidden', name: 'vote', value: 'OBJECT' }]} />
              </div>
            )}
          </article>
        ))}
        {v.can.proposeExtension && !v.extensions.some((e) => e.status === 'OPEN') && (
          <div className="mt-4 max-w-2xl">
            <h3 className="mb-2 font-semibold">Verlenging van de bewaartermijn voorstellen</h3>
            <SpecForm
              action={proposeExtensionAction.bind(null, v.dossier.id)}
              submitLabel="Verlenging voorstellen"
              label="Verlenging voorstellen"
              initial={{ agendaItemId: pastSessions[0]?.id ?? '' }}
              fields={[
                { kind: 'select', name: 'agendaItemId', label: 'Afrondingstafel (overleg van deze casus)', required: true, placeholder: 'Kies het overleg', options: sessionOptions },
                { kind: 'text', name: 'years', label: 'Bewaartermijn in jaren (16 tot 30)', required: true },
                { kind: 'radio', name: 'ground', label: 'Grond', required: true, options: Object.entries(EXTENSION_GROUND_LABEL).map(([value, label]) => ({ value, label })) },
                { kind: 'textarea', name: 'groundNote', label: 'Toelichting', required: true, rows: 2 },
              ]}
            />
          </div>
        )}
        {v.can.close && (
          <div className="mt-4 max-w-2xl">
            <h3 className="mb-2 font-semibold">Dossier afsluiten (afrondingstafel)</h3>
            <SpecForm
              action={closeAction.bind(null, v.dossier.id)}
              submitLabel="Dossier afsluiten"
              label="Dossier afsluiten"
              initial={{ years: '15', extensionId: '', agendaItemId: pastSessions[0]?.id ?? '' }}
              fields={[
                { kind: 'select', name: 'agendaItemId', label: 'Afrondingstafel (overleg van deze casus)', required: true, placeholder: 'Kies het overleg', options: pastSessions.map((a) => ({ value: a.id, label: `${formatDateTime(a.startsAt)} — ${a.location}` })), hint: 'De datum van dat overleg is de datum van de afsluiting; de bewaartermijn loopt vanaf dan.' },
                { kind: 'textarea', name: 'reasons', label: 'Redenen van de afsluiting', required: true, rows: 3 },
                { kind: 'text', name: 'years', label: 'Bewaartermijn in jaren (1 tot 15)', required: true, hint: 'Hoogstens 15 jaar; korter als de gegevens niet zo lang nodig zijn (art. 15, § 3).' },
                { kind: 'textarea', name: 'shorterReason', label: 'Reden voor een kortere termijn (bij minder dan 15 jaar)', rows: 2 },
                {
                  kind: 'select', name: 'extensionId', label: 'Verlenging met consensus (optioneel)', placeholder: 'Geen verlenging',
                  hint: 'Enkel een verlenging die op deze afrondingstafel met consensus werd goedgekeurd, telt.',
                  options: v.extensions.filter((e) => e.status === 'APPROVED').map((e) => ({ value: e.id, label: `${e.years} jaar (verlenging met consensus)` })),
                },
                { kind: 'note', text: 'Na de afsluiting kan niets meer gewijzigd worden. Na de bewaartermijn worden de persoonsgegevens automatisch gewist.' },
              ]}
            />
          </div>
        )}
      </Section>

      {(v.can.feedback || v.feedback.length > 0) && (
        <Section id="terugkoppeling" title="Terugkoppeling door een vaste afgevaardigde (art. 12)">
          {v.feedback.length > 0 && (
            <ul className="list-disc pl-6">
              {v.feedback.map((f) => <li key={f.id}>{f.delegate} aan {f.caseWorker} op {formatDate(f.givenAt)}{f.note ? ` — ${f.note}` : ''}</li>)}
            </ul>
          )}
          {v.can.feedback && (
            <div className="mt-3 max-w-2xl">
              <SpecForm
                action={feedbackAction.bind(null, v.dossier.id)}
                submitLabel="Terugkoppeling registreren"
                label="Terugkoppeling registreren"
                fields={[
                  { kind: 'note', text: 'De medewerker aan wie je terugkoppelt, is daardoor gebonden door het beroepsgeheim van het casusoverleg.' },
                  { kind: 'select', name: 'caseWorkerUserId', label: 'Aan welke medewerker', required: true, options: v.colleagues.map((c) => ({ value: c.id, label: c.name })) },
                  { kind: 'date', name: 'givenAt', label: 'Datum', required: true },
                  { kind: 'text', name: 'note', label: 'Opmerking (optioneel)' },
                ]}
              />
            </div>
          )}
        </Section>
      )}
    </>
  );
}
