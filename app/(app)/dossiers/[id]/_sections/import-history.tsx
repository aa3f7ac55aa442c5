import { DescriptionItem, DescriptionList } from '@/components/ui/description-list';
import { Section } from '@/components/ui/section';
import type { ImportHistoryView } from '@/lib/dossier-export/import-history';
import { PLAN_ACTION_STATUS_LABEL, RISK_LEVEL_LABEL, STATUS_LABEL, formatDate, formatDateTime } from '@/lib/labels';

const at = (iso: string | null) => (iso ? formatDateTime(new Date(iso)) : '—');
const statusLabel = (s: string) => (STATUS_LABEL as Record<string, string>)[s] ?? s;

/**
 * Issue 14 §4 (ADR 0047): where an imported dossier came from and what it lived through there —
 * the other table's record, read-only, for the coordinator. Nothing here is a decision, risk
 * point or plan action of this house.
 */
export function ImportHistorySection({ view }: { view: ImportHistoryView }) {
  const h = view.history;
  return (
    <Section
      id="herkomst"
      title="Herkomst en voorgeschiedenis"
      description="Ingelezen uit het exportbestand van een andere installatie. Dit is het verloop daar: alleen te lezen, geen beslissingen of acties van dit Veilig Huis."
    >
      <DescriptionList spacing="loose">
        <DescriptionItem term="Bron">
          {view.sourceInstallation}, Veilig Huis {view.sourceSafeHouseCode}, dossier {view.sourceReference}
        </DescriptionItem>
        <DescriptionItem term="Status daar">{statusLabel(view.sourceStatus)}</DescriptionItem>
        <DescriptionItem term="Geëxporteerd">{formatDateTime(view.exportedAt)}</DescriptionItem>
        <DescriptionItem term="Ingelezen">
          {formatDateTime(view.importedAt)} door {view.importedBy}
        </DescriptionItem>
        {h && (
          <>
            <DescriptionItem term="Aangemeld daar">{at(h.dossier.submittedAt)}</DescriptionItem>
            <DescriptionItem term="Beslissing daar">
              {at(h.dossier.decidedAt)}
              {h.dossier.decisionReasons ? `\n${h.dossier.decisionReasons}` : ''}
            </DescriptionItem>
            {h.dossier.closedAt && (
              <DescriptionItem term="Afgesloten daar">
                {at(h.dossier.closedAt)}
                {h.dossier.closureReasons ? `\n${h.dossier.closureReasons}` : ''}
              </DescriptionItem>
            )}
          </>
        )}
      </DescriptionList>
      {!h && <p className="mt-3 text-sm text-gray-700">Het bestand bevatte geen voorgeschiedenis.</p>}
      {h && (
        <>
          <h3 className="mt-6 text-lg font-semibold">Risico-inschattingen daar</h3>
          {h.riskAssessments.length === 0 ? (
            <p className="mt-2 text-sm text-gray-700">Geen.</p>
          ) : (
            <ol className="mt-2 space-y-2">
              {h.riskAssessments.map((r, i) => (
                <li key={i} className="rounded border border-gray-200 bg-white p-3">
                  <p className="font-medium">
                    {formatDateTime(new Date(r.assessedAt))}: {RISK_LEVEL_LABEL[r.riskLevel]}
                    {r.asCaseDirector ? ' (casusregisseur)' : ''}
                  </p>
                  <p className="mt-1 whitespace-pre-line break-words">{r.reasoning}</p>
                </li>
              ))}
            </ol>
          )}

          <h3 className="mt-6 text-lg font-semibold">Verslagen daar</h3>
          {h.minutes.filter((m) => m.text.trim()).length === 0 ? (
            <p className="mt-2 text-sm text-gray-700">Geen.</p>
          ) : (
            <ol className="mt-2 space-y-2">
              {h.minutes
                .filter((m) => m.text.trim())
                .map((m, i) => (
                  <li key={i} className="rounded border border-gray-200 bg-white p-3">
                    <p className="font-medium">
                      Overleg van {formatDateTime(new Date(m.sessionStartsAt))}, {m.location}
                      {m.finalisedAt ? ' (definitief)' : ''}
                    </p>
                    <p className="mt-1 whitespace-pre-line break-words">{m.text}</p>
                  </li>
                ))}
            </ol>
          )}

          <h3 className="mt-6 text-lg font-semibold">Beslissingen daar</h3>
          {h.decisions.length === 0 ? (
            <p className="mt-2 text-sm text-gray-700">Geen.</p>
          ) : (
            <ul className="mt-2 list-disc space-y-1 pl-6">
              {h.decisions.map((d, i) => (
                <li key={i} className="break-words">
                  {formatDate(new Date(d.createdAt))}: {d.text}
                </li>
              ))}
            </ul>
          )}

          <h3 className="mt-6 text-lg font-semibold">Plan van aanpak daar</h3>
          {h.plan.length === 0 ? (
            <p className="mt-2 text-sm text-gray-700">Geen.</p>
          ) : (
            h.plan.map((g, i) => (
              <div key={i} className="mt-2">
                <p className="font-medium">{g.title}</p>
                <ul className="mt-1 list-disc space-y-1 pl-6">
                  {g.actions.map((a, j) => (
                    <li key={j} className="break-words">
                      {a.description} — {a.ownerOrganisation}
                      {a.dueDate ? `, tegen ${formatDate(new Date(`${a.dueDate}T00:00:00Z`))}` : ''} (
                      {PLAN_ACTION_STATUS_LABEL[a.status].toLowerCase()}){a.doneNote ? `: ${a.doneNote}` : ''}
                    </li>
                  ))}
                </ul>
              </div>
            ))
          )}
        </>
      )}
    </Section>
  );
}
