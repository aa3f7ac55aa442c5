import type { ComponentProps } from 'react';
import { CheckForm, DecisionForm } from '@/components/dossier/forms';
import { DescriptionItem, DescriptionList } from '@/components/ui/description-list';
import { Section } from '@/components/ui/section';
import { CRITERIA, DECISION_LABEL, RISK_LEVEL_LABEL, formatDateTime } from '@/lib/labels';
import { INPUT_ROUND_DAYS } from '@/lib/admission/schemas';
import { addDays, brusselsToday } from '@/lib/time';
import type { View } from './types';

/**
 * The admission in the decree's order (art. 5, art. 11; ADR 0031): (a) the check against the three
 * criteria with the coordinator's risk assessment, (b) the core partners' input round, (c) the
 * follow-up decision — with minors, only after the mandated agency's position.
 */
export function AssessmentSection({
  view,
  actions,
}: {
  view: View;
  actions: {
    check: ComponentProps<typeof CheckForm>['action'];
    decide: ComponentProps<typeof DecisionForm>['action'];
  };
}) {
  const { assessment, admissionCheck: check, agencyConsultation, members, dossier } = view;
  const hasMinors = members.some((m) => m.isMinor);
  const shown = assessment ?? check;
  const blocked = [
    ...(view.roundOpen && dossier.inputDeadline
      ? [
          `De kernpartners kunnen nog aanvullen tot ${formatDateTime(dossier.inputDeadline)}. Sluit de vraag om aanvulling vroeger af (met een reden) als je niet wilt wachten.`,
        ]
      : []),
    ...(hasMinors && !agencyConsultation?.respondedAt && !agencyConsultation?.exceptionRecordedAt
      ? [
          'Er is een minderjarige betrokken: de gemandateerde voorziening (VK of OCJ) beslist mee. Wacht op haar standpunt of registreer een uitzondering bij hoogdringendheid (art. 5, tweede lid).',
        ]
      : []),
  ];
  return (
    <Section id="toetsing" title="Toetsing aan de criteria van art. 5 en beslissing over de opvolging">
      {view.can.check && (
        <div className="mt-2">
          <h3 className="mb-2 font-semibold">Stap 1: toets aan de drie criteria</h3>
          <CheckForm action={actions.check} defaultDeadline={addDays(brusselsToday(), INPUT_ROUND_DAYS)} />
        </div>
      )}
      {shown && (
        <DescriptionList spacing="loose" className="mt-4">
          {CRITERIA.map((_, i) => {
            const n = (i + 1) as 1 | 2 | 3;
            return (
              <DescriptionItem key={n} term={`Criterium ${n}`}>
                {`${shown[`criterion${n}Met`] ? 'Vervuld' : 'Niet vervuld'} — ${shown[`criterion${n}Reason`]}`}
              </DescriptionItem>
            );
          })}
          <DescriptionItem term="Risico (coördinator)">{`${RISK_LEVEL_LABEL[shown.riskLevel]} — ${shown.riskAssessment}`}</DescriptionItem>
          {check && <DescriptionItem term="Getoetst op">{formatDateTime(check.checkedAt)}</DescriptionItem>}
          {dossier.inputDeadline && (
            <DescriptionItem term="Aanvulling kernpartners">
              {dossier.inputClosedAt
                ? `Afgesloten op ${formatDateTime(dossier.inputClosedAt)}${dossier.inputCloseReason ? ` — vroeger afgesloten: ${dossier.inputCloseReason}` : ''}`
                : `Gevraagd tot ${formatDateTime(dossier.inputDeadline)}`}
            </DescriptionItem>
          )}
          {assessment && (
            <DescriptionItem term="Beslissing">{`${DECISION_LABEL[assessment.decision]} (${formatDateTime(assessment.decidedAt)})`}</DescriptionItem>
          )}
        </DescriptionList>
      )}
      {view.can.decide && (
        <div className="mt-6">
          <h3 className="mb-2 font-semibold">Stap 3: beslissing over de opvolging</h3>
          <DecisionForm action={actions.decide} blocked={blocked} />
        </div>
      )}
    </Section>
  );
}
