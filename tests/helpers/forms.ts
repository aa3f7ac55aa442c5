import { RISK_FACTORS } from '@/lib/referrals/risk-screening';
import { emptyReferral, type ReferralValues } from '@/lib/referrals/schemas';
import type { DecisionValues, ConsultationValues } from '@/lib/admission/schemas';
import { makeNationalNumber } from '@/lib/validation/national-number';

export function completeReferral(
  safeHouseId: string,
  opts: { withMinor?: boolean; label?: string; lastName?: string } = {},
): ReferralValues {
  const lastName = opts.lastName ?? 'Vermeulen';
  return {
    ...emptyReferral(safeHouseId),
    clientSystemLabel: opts.label ?? `Gezin ${lastName}`,
    members: [
      {
        memberRole: 'VICTIM',
        firstName: 'Els',
        lastName,
        dateOfBirth: '1984-05-17',
        isMinor: '',
        sex: 'FEMALE',
        nationalNumber: makeNationalNumber(new Date('1984-05-17'), 46),
        contact: '0470 00 00 01',
        safeAddress: '',
      },
      {
        memberRole: 'ALLEGED_PERPETRATOR',
        firstName: 'Dirk',
        lastName,
        dateOfBirth: '',
        isMinor: 'nee',
        sex: 'MALE',
        nationalNumber: '',
        contact: '',
        safeAddress: '',
      },
      ...(opts.withMinor
        ? [
            {
              memberRole: 'CHILD',
              firstName: 'Mila',
              lastName,
              dateOfBirth: '2015-09-01',
              isMinor: '',
              sex: 'FEMALE',
              nationalNumber: '',
              contact: '',
              safeAddress: '',
            },
          ]
        : []),
    ],
    contacts: [{ firstName: 'Rita', lastName: 'Maes', relation: 'buurvrouw', contact: '' }],
    violenceForms: ['PARTNER_VIOLENCE'],
    violenceTypes: ['PHYSICAL', 'PSYCHOLOGICAL'],
    situation: 'Herhaald fysiek geweld de voorbije maanden, escalatie na aangekondigde scheiding.',
    actionsTaken: 'Gesprekken bij de huisarts; doorverwijzing CAW besproken.',
    riskAnswers: Object.fromEntries(
      RISK_FACTORS.map((f, i) => [f.key, i % 3 === 0 ? 'YES' : i % 3 === 1 ? 'NO' : 'UNKNOWN']),
    ),
    riskJudgement: 'HIGH',
    riskJudgementReason: 'Escalatie en doodsbedreigingen.',
    clientInformed: 'nee',
    notInformedReason: 'Veiligheid van het slachtoffer: pleger mag het niet weten.',
    involvedOrganisations: 'Huisarts, politiezone',
  };
}

export function decision(over: Partial<DecisionValues> = {}): DecisionValues {
  return {
    criterion1Met: 'ja',
    criterion1Reason: 'Verhoogd risico op herhaling, fysieke integriteit bedreigd.',
    criterion2Met: 'ja',
    criterion2Reason: 'Informatiedeling tussen kernpartners nodig.',
    criterion3Met: 'ja',
    criterion3Reason: 'Gecoördineerde aanpak nodig.',
    riskLevel: 'HIGH',
    riskAssessment: 'Hoog risico volgens stapsgewijze inschatting.',
    decision: 'START_TRAJECTORY',
    decisionReasons: 'Alle criteria vervuld; traject wordt opgestart.',
    ...over,
  };
}

export const consultation = (over: Partial<ConsultationValues> = {}): ConsultationValues => ({
  agency: 'VK',
  agencyName: 'VK Antwerpen',
  consultedPerson: 'Consulent van wacht',
  consultedAt: '2026-11-20',
  view: 'Het VK ondersteunt een traject in het Veilig Huis.',
  ...over,
});
