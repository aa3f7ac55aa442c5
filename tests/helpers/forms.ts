import { RISK_FACTORS } from '@/lib/referrals/risk-screening';
import { emptyReferral, type ReferralValues } from '@/lib/referrals/schemas';
import type {
  AgencyExceptionValues,
  AgencyPositionValues,
  AgencyRequestValues,
  CheckValues,
  DecisionValues,
} from '@/lib/admission/schemas';
import { addDays, brusselsToday } from '@/lib/time';
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

/** The art. 5 check with all three criteria met; the input round until `inputDeadline` (ten days). */
export function admissionCheck(over: Partial<CheckValues> = {}): CheckValues {
  return {
    criterion1Met: 'ja',
    criterion1Reason: 'Verhoogd risico op herhaling, fysieke integriteit bedreigd.',
    criterion2Met: 'ja',
    criterion2Reason: 'Informatiedeling tussen kernpartners nodig.',
    criterion3Met: 'ja',
    criterion3Reason: 'Gecoördineerde aanpak nodig.',
    riskLevel: 'HIGH',
    riskAssessment: 'Hoog risico volgens stapsgewijze inschatting.',
    inputDeadline: addDays(brusselsToday(), 10),
    decisionReasons: '',
    ...over,
  };
}

/** The follow-up decision (art. 5, 3rd para). */
export function decision(over: Partial<DecisionValues> = {}): DecisionValues {
  return {
    decision: 'START_TRAJECTORY',
    decisionReasons: 'Alle criteria vervuld; traject wordt opgestart.',
    ...over,
  };
}

export const agencyRequest = (
  organisationId: string,
  over: Partial<AgencyRequestValues> = {},
): AgencyRequestValues => ({
  organisationId,
  proposedDecision: 'START_TRAJECTORY',
  question: 'Graag jullie standpunt over een traject in het Veilig Huis.',
  ...over,
});

export const agencyPosition = (over: Partial<AgencyPositionValues> = {}): AgencyPositionValues => ({
  riskView: 'Hoog risico voor de kinderen; onveilige opvoedingssituatie.',
  conferenceNeeded: 'ja',
  conferenceView: 'Casusoverleg binnen twee weken.',
  position: 'AGREE',
  positionReasons: 'Een afgestemd traject is nodig om de kinderen te beschermen.',
  ...over,
});

export const agencyException = (over: Partial<AgencyExceptionValues> = {}): AgencyExceptionValues => ({
  contact: 'Consulent van wacht, VK Antwerpen',
  contactedOn: brusselsToday(),
  contactedTime: '00:00',
  channel: 'telefoon',
  reason: 'Acuut gevaar: de beslissing kon niet wachten op een schriftelijk standpunt.',
  ...over,
});
