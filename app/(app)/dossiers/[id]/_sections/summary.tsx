import { DescriptionItem, DescriptionList } from '@/components/ui/description-list';
import { STATUS_LABEL, formatDate } from '@/lib/labels';
import type { View } from './types';

/** Status, dates and (for who may see it) the referrer and the outcome. */
export function DossierSummary({ view }: { view: View }) {
  const { dossier } = view;
  return (
    <DescriptionList className="mt-4">
      <DescriptionItem term="Status">{STATUS_LABEL[dossier.status]}</DescriptionItem>
      <DescriptionItem term="Ingediend op">{formatDate(dossier.submittedAt)}</DescriptionItem>
      {view.referrer && view.can.viewOutcome && (
        <DescriptionItem term="Aanmelder">{`${view.referrer.name} (${view.referrer.organisation})`}</DescriptionItem>
      )}
      {view.can.viewOutcome && dossier.decidedAt && (
        <DescriptionItem term="Beslist op">{formatDate(dossier.decidedAt)}</DescriptionItem>
      )}
      {view.can.viewOutcome && dossier.decisionReasons && (
        <DescriptionItem term="Motivering van de uitkomst">{dossier.decisionReasons}</DescriptionItem>
      )}
      {dossier.closedAt && <DescriptionItem term="Afgesloten op">{formatDate(dossier.closedAt)}</DescriptionItem>}
      {dossier.retentionUntil && (
        <DescriptionItem term="Bewaard tot">{`${formatDate(dossier.retentionUntil)} (${dossier.retentionYears} jaar)`}</DescriptionItem>
      )}
    </DescriptionList>
  );
}
