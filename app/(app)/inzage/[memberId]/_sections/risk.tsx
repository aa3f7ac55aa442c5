import { Section } from '@/components/ui/section';
import { RISK_LEVEL_LABEL, formatDate } from '@/lib/labels';
import type { OverviewRecord } from './types';

/** The risk assessments of the trajectory (issue 13 §5; ADR 0042): about the client system, so held about them too. */
export function RiskAssessmentsSection({
  memberId,
  assessments,
}: {
  memberId: string;
  assessments: OverviewRecord['riskAssessments'];
}) {
  return (
    <Section
      headingId={`r-${memberId}`}
      level={3}
      title="Risico-inschattingen tijdens het traject"
      className="mt-6"
      bodyClassName=""
    >
      {assessments.length === 0 ? (
        <p className="mt-2">Geen.</p>
      ) : (
        <ul className="mt-2 space-y-2">
          {assessments.map((a) => (
            <li key={a.id}>
              <strong>
                {formatDate(a.assessedAt)}: {RISK_LEVEL_LABEL[a.riskLevel]}
              </strong>{' '}
              — {a.reasoning}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
