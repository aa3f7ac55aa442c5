import { DescriptionItem, DescriptionList } from '@/components/ui/description-list';
import { Section } from '@/components/ui/section';
import { RISK_FACTORS, RISK_ANSWER_LABEL, type RiskAnswer } from '@/lib/referrals/risk-screening';
import { RISK_LEVEL_LABEL, VIOLENCE_FORM_LABEL, VIOLENCE_TYPE_LABEL } from '@/lib/labels';
import type { View } from './types';
import { TableScroll } from '@/components/ui/table-scroll';

/** The referral as submitted, with the answers to the risk screening. */
export function ReferralSection({ referral }: { referral: NonNullable<View['referral']> }) {
  const answers = (referral.riskAnswers ?? {}) as Record<string, RiskAnswer>;
  return (
    <Section id="aanmelding" title="Aanmelding">
      <DescriptionList spacing="loose">
        <DescriptionItem term="Vormen van geweld">
          {referral.violenceForms.map((f) => VIOLENCE_FORM_LABEL[f] ?? f).join(', ') || '—'}
        </DescriptionItem>
        <DescriptionItem term="Soorten geweld">
          {referral.violenceTypes.map((t) => VIOLENCE_TYPE_LABEL[t] ?? t).join(', ') || '—'}
        </DescriptionItem>
        <DescriptionItem term="Situatie">{referral.situation || '—'}</DescriptionItem>
        <DescriptionItem term="Al ondernomen">{referral.actionsTaken || '—'}</DescriptionItem>
        <DescriptionItem term="Betrokken organisaties">{referral.involvedOrganisations || '—'}</DescriptionItem>
        <DescriptionItem term="Cliëntsysteem op de hoogte">
          {referral.clientInformed == null
            ? '—'
            : referral.clientInformed
              ? 'Ja'
              : `Nee — ${referral.notInformedReason ?? ''}`}
        </DescriptionItem>
        <DescriptionItem term="Risico-inschatting aanmelder">
          {referral.riskJudgement
            ? `${RISK_LEVEL_LABEL[referral.riskJudgement]} (${referral.riskScore} van ${RISK_FACTORS.length} risicofactoren: ja)`
            : '—'}
          {referral.riskJudgementReason ? `\n${referral.riskJudgementReason}` : ''}
        </DescriptionItem>
      </DescriptionList>
      <details className="mt-3">
        <summary className="cursor-pointer text-brand-800 underline">Antwoorden op de risicoscreening</summary>
        <TableScroll label="Risicoscreening">
          <table className="mt-2 bg-white text-left text-sm">
            <caption className="sr-only">Risicoscreening</caption>
            <tbody>
              {RISK_FACTORS.map((f) => (
                <tr key={f.key} className="border-b border-gray-200">
                  <th scope="row" className="p-1 pr-4 font-normal">
                    {f.label}
                  </th>
                  <td className="p-1">{answers[f.key] ? RISK_ANSWER_LABEL[answers[f.key]!] : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </details>
    </Section>
  );
}
