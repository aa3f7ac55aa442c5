import { CLIENT_WORK_ROLES } from '@/lib/access/policy';
import type { OrganisationKind, Role } from '@/lib/generated/prisma/enums';

/**
 * Separation of duties (issue 13 §6; ADR 0043). Client work — the content of dossiers — never
 * combines with the DPO's oversight of the access log, the analyst's statistics or the
 * administrator's granting of access; and the administrator is not the DPO who oversees the
 * administrator's changes. The database refuses the same combinations (trigger
 * "RoleAssignment_combination", role_combination_refused).
 */
const CONTENT = new Set<Role>(CLIENT_WORK_ROLES);
const NO_CONTENT_DUTIES: readonly Role[] = ['DPO', 'AGENCY_ANALYST', 'FUNCTIONAL_ADMIN'];

/** The Dutch reason a set of roles may not be held together, or null when it may. */
export function roleCombinationRefusal(roles: readonly Role[]): string | null {
  const set = new Set(roles);
  const content = roles.some((r) => CONTENT.has(r));
  const other = NO_CONTENT_DUTIES.filter((r) => set.has(r));
  if (content && other.length > 0)
    return 'Deze rol kan niet samen met de andere rollen van deze gebruiker: wie met dossiers werkt (aanmelder, kernpartner, gemandateerde voorziening, coördinator), kan niet ook DPO, analist of functioneel beheerder zijn.';
  if (set.has('FUNCTIONAL_ADMIN') && set.has('DPO'))
    return 'Deze rol kan niet samen met de andere rollen van deze gebruiker: de functioneel beheerder kan niet ook de DPO zijn die het beheer controleert.';
  return null;
}

/** Roles that are held for one safe house; the others (aanmelder, DPO, analist, beheerder) for none. */
export const HOUSE_ROLES: readonly Role[] = [
  'COORDINATOR',
  'COORDINATOR_REPRESENTATIVE',
  'CORE_PARTNER_STAFF',
  'MANDATED_AGENCY_STAFF',
];
export const isHouseRole = (r: Role) => HOUSE_ROLES.includes(r);

/** The kinds of organisation of art. 10 of the decree (1° to 23°), in its order. */
export const ORGANISATION_KIND_LABEL: Record<OrganisationKind, string> = {
  AGENCY_JUSTICE_ENFORCEMENT: 'Agentschap Justitie en Handhaving (1°)',
  LOCAL_GOVERNMENT: 'Lokaal bestuur (2°)',
  CAW: 'Centrum voor algemeen welzijnswerk (3°)',
  VK: 'Vertrouwenscentrum kindermishandeling (4°)',
  PUBLIC_PROSECUTOR: 'Openbaar Ministerie (5°)',
  POLICE: 'Politiedienst (6°)',
  JUSTICE_HOUSE: 'Justitiehuis (7°)',
  ELECTRONIC_MONITORING_CENTRE: 'Vlaams Centrum Elektronisch Toezicht (8°)',
  PRISON: 'Gevangenis (9°)',
  CLB: 'Centrum voor leerlingenbegeleiding (10°)',
  EDUCATION: 'Onderwijsinstelling (11°)',
  YOUTH_CARE_SUPPORT_CENTRE: 'Ondersteuningscentrum jeugdzorg (12°)',
  JUVENILE_COURT_SOCIAL_SERVICE: 'Sociale dienst jeugdrechtbank (13°)',
  CHILD_CARE_FAMILY_SUPPORT_CENTRE: 'Centrum voor kinderzorg en gezinsondersteuning (14°)',
  OCMW: 'OCMW (15°)',
  AGENCY_OPGROEIEN: 'Agentschap Opgroeien (16°)',
  YOUTH_CARE_FACILITY: 'Voorziening jeugdhulp (17°)',
  VAPH: 'Vlaams Agentschap voor Personen met een Handicap (18°)',
  VAPH_FACILITY: 'Voorziening erkend door het VAPH (19°)',
  MENTAL_HEALTH_CARE: 'Geestelijke gezondheidszorg (20°)',
  MEDICAL_SECTOR: 'Medische sector (21°)',
  HEALTH_INSURANCE_FUND: 'Ziekenfonds (22°)',
  OTHER_EXPERTISE: 'Andere organisatie met expertise (23°)',
};
