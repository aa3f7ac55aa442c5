import type { DossierStatus, MemberRole, Role } from '@/lib/generated/prisma/enums';

/** Dutch (nl-BE) labels for the code names of DOMAIN.md §1. */
export const ROLE_LABEL: Record<Role, string> = {
  COORDINATOR: 'Coördinator',
  COORDINATOR_REPRESENTATIVE: 'Vertegenwoordiger coördinator',
  REFERRER: 'Aanmelder',
  CORE_PARTNER_STAFF: 'Medewerker kernpartner',
  MANDATED_AGENCY_STAFF: 'Gemandateerde voorziening',
  FUNCTIONAL_ADMIN: 'Functioneel beheerder',
  DPO: 'DPO / toezichthouder',
  AGENCY_ANALYST: 'Analist Agentschap',
};

export const STATUS_LABEL: Record<DossierStatus, string> = {
  DRAFT: 'Concept',
  SUBMITTED: 'Aangemeld, wacht op toetsing',
  REFERRED_TO_REGULAR_CARE: 'Doorverwezen naar reguliere hulp',
  ATTACHED_TO_EXISTING_CARE: 'Aangesloten bij lopende hulp',
  NOT_ADMISSIBLE: 'Niet ontvankelijk',
  IN_TRAJECTORY: 'Traject in het Veilig Huis',
  CLOSED: 'Afgesloten',
};

export const MEMBER_ROLE_LABEL: Record<MemberRole, string> = {
  VICTIM: 'Slachtoffer',
  ALLEGED_PERPETRATOR: 'Vermoedelijke pleger',
  CHILD: 'Kind',
  PARENT: 'Ouder',
  PARTNER: 'Partner',
  SIBLING: 'Broer of zus',
  OTHER: 'Ander lid',
};

const dateFmt = new Intl.DateTimeFormat('nl-BE', { dateStyle: 'medium', timeZone: 'Europe/Brussels' });
const dateTimeFmt = new Intl.DateTimeFormat('nl-BE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Brussels' });
export const formatDate = (d: Date | null | undefined) => (d ? dateFmt.format(d) : '—');
export const formatDateTime = (d: Date | null | undefined) => (d ? dateTimeFmt.format(d) : '—');
