/**
 * The referrer's first risk assessment (art. 11: the referral "already contains a first risk
 * assessment"). A structured screening in the style of the DASH checklist and the police
 * risk-screening of COL 15/2020: yes / no / unknown per risk factor, a count of "yes", and —
 * decisive — the referrer's own professional judgement. See docs/decisions/0007-risk-screening.md.
 */
export const RISK_FACTORS = [
  { key: 'recentPhysical', label: 'Was er de voorbije maand fysiek geweld?' },
  { key: 'escalation', label: 'Neemt het geweld toe in frequentie of ernst?' },
  { key: 'strangulation', label: 'Werd het slachtoffer ooit gewurgd, verstikt of (bijna) verdronken?' },
  { key: 'deathThreats', label: 'Werd gedreigd het slachtoffer, de kinderen of zichzelf te doden?' },
  { key: 'separation', label: 'Is er een (recente of geplande) scheiding of breuk?' },
  { key: 'weapons', label: 'Heeft de vermoedelijke pleger toegang tot wapens of dreigde die ermee?' },
  { key: 'pregnancyOrInfant', label: 'Is het slachtoffer zwanger, of is er een baby jonger dan één jaar?' },
  { key: 'childrenExposed', label: 'Zijn kinderen getuige of slachtoffer van het geweld?' },
  { key: 'controlStalking', label: 'Is er stalking, dwingende controle of extreme jaloezie?' },
  { key: 'substanceUse', label: 'Is er problematisch gebruik van alcohol, drugs of medicatie?' },
  { key: 'mentalHealthOrSuicide', label: 'Zijn er ernstige psychische problemen of suïcidale uitingen?' },
  { key: 'breachOfMeasures', label: 'Werden afspraken of maatregelen (bv. contactverbod) geschonden?' },
  { key: 'victimFear', label: 'Is het slachtoffer erg bang voor wat er kan gebeuren?' },
  { key: 'honourPressure', label: 'Is er eergerelateerde druk of dreiging vanuit familie of gemeenschap?' },
  { key: 'isolation', label: 'Is het slachtoffer sociaal geïsoleerd of financieel afhankelijk?' },
] as const;

export type RiskFactorKey = (typeof RISK_FACTORS)[number]['key'];
export const RISK_ANSWERS = ['YES', 'NO', 'UNKNOWN'] as const;
export type RiskAnswer = (typeof RISK_ANSWERS)[number];
export const RISK_ANSWER_LABEL: Record<RiskAnswer, string> = { YES: 'Ja', NO: 'Nee', UNKNOWN: 'Onbekend' };

export function riskScore(answers: Partial<Record<string, string>>): number {
  return RISK_FACTORS.filter((f) => answers[f.key] === 'YES').length;
}
