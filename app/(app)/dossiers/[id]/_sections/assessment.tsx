import type { ComponentProps } from 'react';
import { ConsultationForm, DecisionForm } from '@/components/dossier/forms';
import { DescriptionItem, DescriptionList } from '@/components/ui/description-list';
import { Section } from '@/components/ui/section';
import { CRITERIA, DECISION_LABEL, RISK_LEVEL_LABEL, formatDate, formatDateTime } from '@/lib/labels';
import type { View } from './types';

/** The check against the criteria of art. 5: consulting VK/OCJ when minors are involved, and the decision. */
export function AssessmentSection({
  view,
  actions,
}: {
  view: View;
  actions: {
    consult: ComponentProps<typeof ConsultationForm>['action'];
    decide: ComponentProps<typeof DecisionForm>['action'];
  };
}) {
  const { assessment, consultations, members } = view;
  const hasMinors = members.some((m) => m.isMinor);
  return (
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
          <ConsultationForm action={actions.consult} />
        </div>
      )}
      {view.can.decide && (
        <div className="mt-6">
          <h3 className="mb-2 font-semibold">Beslissing</h3>
          <DecisionForm action={actions.decide} blockedByConsultation={hasMinors && consultations.length === 0} />
        </div>
      )}
      {assessment && (
        <DescriptionList spacing="loose" className="mt-4">
          {CRITERIA.map((_, i) => {
            const n = (i + 1) as 1 | 2 | 3;
            return (
              <DescriptionItem key={n} term={`Criterium ${n}`}>
                {`${assessment[`criterion${n}Met`] ? 'Vervuld' : 'Niet vervuld'} — ${assessment[`criterion${n}Reason`]}`}
              </DescriptionItem>
            );
          })}
          <DescriptionItem term="Risico (coördinator)">{`${RISK_LEVEL_LABEL[assessment.riskLevel]} — ${assessment.riskAssessment}`}</DescriptionItem>
          <DescriptionItem term="Beslissing">{`${DECISION_LABEL[assessment.decision]} (${formatDateTime(assessment.decidedAt)})`}</DescriptionItem>
        </DescriptionList>
      )}
    </Section>
  );
}
