import type { OrganisationKind } from '@/lib/generated/prisma/enums';
import { VIOLENCE_FORM_LABEL } from '@/lib/labels';

/**
 * Dutch (nl-BE) labels used only by the statistics. (The organisation kinds could move to
 * lib/labels.ts, which is shared; they follow DOMAIN.md §8, art. 10 of the decree.)
 */
export const ORGANISATION_KIND_LABEL: Record<OrganisationKind | 'UNKNOWN', string> = {
  AGENCY_JUSTICE_ENFORCEMENT: 'Agentschap Justitie en Handhaving',
  LOCAL_GOVERNMENT: 'Lokale besturen',
  CAW: 'Centra voor algemeen welzijnswerk (CAW)',
  VK: 'Vertrouwenscentra kindermishandeling (VK)',
  PUBLIC_PROSECUTOR: 'Openbaar Ministerie',
  POLICE: 'Politiediensten',
  JUSTICE_HOUSE: 'Justitiehuizen',
  ELECTRONIC_MONITORING_CENTRE: 'Vlaams Centrum Elektronisch Toezicht',
  PRISON: 'Gevangenissen',
  CLB: 'Centra voor leerlingenbegeleiding (CLB)',
  EDUCATION: 'Onderwijsinstellingen',
  YOUTH_CARE_SUPPORT_CENTRE: 'Ondersteuningscentra jeugdzorg',
  JUVENILE_COURT_SOCIAL_SERVICE: 'Sociale dienst jeugdrechtbank',
  CHILD_CARE_FAMILY_SUPPORT_CENTRE: 'Centra voor kinderzorg en gezinsondersteuning',
  OCMW: "OCMW's",
  AGENCY_OPGROEIEN: 'Agentschap Opgroeien',
  YOUTH_CARE_FACILITY: 'Voorzieningen in de jeugdhulp',
  VAPH: 'VAPH',
  VAPH_FACILITY: 'Voorzieningen vergund, erkend of gesubsidieerd door het VAPH',
  MENTAL_HEALTH_CARE: 'Geestelijke gezondheidszorg',
  MEDICAL_SECTOR: 'Medische sector',
  HEALTH_INSURANCE_FUND: 'Ziekenfondsen',
  OTHER_EXPERTISE: 'Andere organisaties met expertise of kennis van het cliëntsysteem',
  UNKNOWN: 'Onbekend',
};

/** The outcome of the admission check (codes of AdmissionDecision). */
export const OUTCOME_LABEL: Record<string, string> = {
  REFER_TO_REGULAR_CARE: 'Doorverwezen naar reguliere hulpverlening',
  ATTACH_TO_EXISTING_CARE: 'Aangesloten bij lopende hulpverlening',
  NOT_ADMISSIBLE: 'Niet ontvankelijk',
  START_TRAJECTORY: 'Opgenomen in het Veilig Huis (traject)',
};

export const REPORTING_VIOLENCE_FORM_LABEL: Record<string, string> = { ...VIOLENCE_FORM_LABEL, OTHER: 'Andere' };

export const MINORS_LABEL: Record<'YES' | 'NO', string> = {
  YES: 'Met minderjarigen',
  NO: 'Zonder minderjarigen',
};
