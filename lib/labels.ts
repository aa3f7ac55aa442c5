import type {
  AdmissionDecision,
  AgencyPosition,
  Attendance,
  ConsensusStatus,
  ConsentStatus,
  DisclosureGround,
  DisclosureStatus,
  DossierStatus,
  ExtensionGround,
  InvitationReason,
  InvitationStatus,
  KnownStatus,
  MemberRole,
  MinorObjection,
  RiskLevel,
  Role,
  Sex,
  TransferStatus,
  VoiceChannel,
} from '@/lib/generated/prisma/enums';
import type { EmergencyGround, PlanActionStatus } from '@/lib/generated/prisma/enums';
import type { SessionState } from '@/lib/generated/prisma/enums';

/**
 * Dutch (nl-BE) labels for the code names of DOMAIN.md §1. Each map of an enum is typed by that
 * enum, so a new value without a label does not compile.
 */
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

/**
 * Dates are formatted by lib/time.ts (issue 10 §5). This re-export only serves the pages that
 * still import them from here (app/(app)/dossiers/**, inzage/**, toegangslog, overdrachten,
 * aanmeldingen/[id]/bewerken) until they import '@/lib/time'.
 */
export { formatDate, formatDateTime } from '@/lib/time';

export const VIOLENCE_FORM_LABEL: Record<string, string> = {
  PARTNER_VIOLENCE: '(Ex-)partnergeweld',
  CHILD_ABUSE: 'Kindermishandeling',
  CHILDREN_WITNESSING: 'Kinderen getuige van geweld',
  WORRYING_UPBRINGING: 'Verontrustende opvoedingssituatie',
  HONOUR_RELATED: 'Eergerelateerd geweld',
  PARENT_ABUSE: 'Oudermishandeling (geweld van kinderen tegen ouders)',
  ELDER_ABUSE: 'Ouderenmishandeling',
  SIBLING_VIOLENCE: 'Geweld tussen broers en zussen',
  HIGH_CONFLICT_DIVORCE: 'Complexe (v)echtscheiding',
};

export const VIOLENCE_TYPE_LABEL: Record<string, string> = {
  PHYSICAL: 'Fysiek',
  PSYCHOLOGICAL: 'Psychisch',
  SEXUAL: 'Seksueel',
  ECONOMIC: 'Economisch',
};

export const RISK_LEVEL_LABEL: Record<RiskLevel, string> = {
  LOW: 'Laag',
  ELEVATED: 'Verhoogd',
  HIGH: 'Hoog',
  ACUTE: 'Acuut gevaar',
};

export const DECISION_LABEL: Record<AdmissionDecision, string> = {
  REFER_TO_REGULAR_CARE: 'Rechtstreeks doorverwijzen naar reguliere hulpverlening',
  ATTACH_TO_EXISTING_CARE: 'Aansluiten bij lopende hulpverlening',
  START_TRAJECTORY: 'Opnemen in het Veilig Huis (intersectoraal traject starten)',
  NOT_ADMISSIBLE: 'Niet ontvankelijk',
};

/** The mandated agency's position on the proposed follow-up (art. 5, 2nd para) */
export const AGENCY_POSITION_LABEL: Record<AgencyPosition, string> = {
  AGREE: 'Akkoord',
  DISAGREE: 'Niet akkoord',
};

export const KNOWN_STATUS_LABEL: Record<KnownStatus, string> = {
  KNOWN: 'Gekend en momenteel in begeleiding',
  PREVIOUSLY_KNOWN: 'Vroeger gekend',
  NOT_KNOWN: 'Niet gekend',
};

export const SEX_LABEL: Record<Sex, string> = { FEMALE: 'Vrouw', MALE: 'Man', X: 'X', UNKNOWN: 'Onbekend' };

export const CRITERIA = [
  'Er is een verhoogd risico op herhaling van intrafamiliaal geweld waarbij de fysieke of psychische integriteit van een of meer leden van het cliëntsysteem dreigt te worden geschaad.',
  'Intersectorale informatiedeling en casusoverleg tussen de kernpartners zijn noodzakelijk om de geweldspiraal te doorbreken.',
  'Een gecoördineerde aanpak tussen de kernpartners is nodig om de geweldspiraal te doorbreken.',
] as const;

export const ATTENDANCE_LABEL: Record<Attendance, string> = {
  CASE_WORKER: 'Rechtstreeks betrokken medewerker',
  STANDING_DELEGATE: 'Vaste afgevaardigde',
};

export const INVITATION_REASON_LABEL: Record<InvitationReason, string> = {
  INVOLVEMENT: 'Betrokkenheid bij en kennis van het cliëntsysteem',
  EXPERTISE: 'Specifieke expertise',
};

/** The state of a conference session (art. 13; ADR 0033). */
export const SESSION_STATE_LABEL: Record<SessionState, string> = {
  PLANNED: 'Gepland',
  OPEN: 'Geopend',
  CLOSED: 'Afgesloten',
};

export const INVITATION_STATUS_LABEL: Record<InvitationStatus, string> = {
  INVITED: 'Wacht op antwoord',
  ACCEPTED: 'Aanvaard',
  DECLINED: 'Afgewezen',
  WITHDRAWN: 'Ingetrokken',
};

export const DISCLOSURE_STATUS_LABEL: Record<DisclosureStatus, string> = {
  OPEN: 'Stemming loopt',
  APPROVED: 'Consensus: mag gedeeld worden',
  BLOCKED: 'Geblokkeerd (bezwaar)',
  SHARED: 'Gedeeld',
  WITHDRAWN: 'Ingetrokken',
};

export const DISCLOSURE_GROUND_LABEL: Record<DisclosureGround, string> = {
  SAFETY: 'Noodzakelijk voor de veiligheid van een of meer leden',
  ACTION_PLAN_GOAL: 'Noodzakelijk voor een doel van het plan van aanpak',
};

/** Art. 15 §1 categories of personal data. */
export const DATA_CATEGORY_LABEL: Record<number, string> = {
  1: 'Identificatiegegevens',
  2: 'Contactgegevens',
  3: 'Beroep en opleiding',
  4: 'Leeftijd, geslacht, nationaliteit, burgerlijke staat, verblijfsstatus',
  5: 'Schulden en solvabiliteit',
  6: 'Levenswijze, vrije tijd, sociale context',
  7: 'Gezinssamenstelling',
  8: 'Huisvesting',
  9: 'Politiële en gerechtelijke gegevens',
  10: 'Gezondheid',
  11: 'Risicosituaties en risicogedrag',
  12: 'Herkomst',
  13: 'Seksueel gedrag of geaardheid',
  14: 'Politieke, religieuze of levensbeschouwelijke overtuigingen',
};

export const EXTENSION_GROUND_LABEL: Record<ExtensionGround, string> = {
  HONOUR_RELATED_VIOLENCE: 'Eergerelateerd geweld',
  OTHER_FORM_OF_VIOLENCE: 'Een andere vorm van geweld die een langere bewaring vraagt',
  VERY_SERIOUS_FACTS: 'Zeer ernstige feiten',
};

export const CONSENSUS_STATUS_LABEL: Record<ConsensusStatus, string> = {
  OPEN: 'Stemming loopt',
  APPROVED: 'Consensus: verlenging aanvaard',
  BLOCKED: 'Geblokkeerd (bezwaar)',
  WITHDRAWN: 'Ingetrokken',
};

export const TRANSFER_STATUS_LABEL: Record<TransferStatus, string> = {
  PENDING: 'Wacht op aanvaarding',
  ACCEPTED: 'Aanvaard',
  REJECTED: 'Geweigerd',
  CANCELLED: 'Ingetrokken',
};

// ---------------------------------------------------------------- issue 12 §6, §7 (ADR 0034, 0035)
export const PLAN_ACTION_STATUS_LABEL: Record<PlanActionStatus, string> = {
  OPEN: 'Open',
  DONE: 'Afgerond',
  CANCELLED: 'Geannuleerd',
};

/** The grounds to break professional secrecy on one's own responsibility (seeds 001, 002). */
export const EMERGENCY_GROUND_LABEL: Record<EmergencyGround, string> = {
  STATE_OF_NECESSITY: 'Noodtoestand: reëel, ernstig en acuut gevaar dat niet anders af te wenden was',
  ART_458BIS: 'Meldrecht van art. 458bis Sw.: melding aan de procureur des Konings',
  DUTY_TO_ASSIST: 'Schuldig hulpverzuim vermijden: hulp aan een persoon in groot gevaar (art. 422bis Sw.)',
};

// ---- the client system's voice and rights (art. 4, art. 16; ADR 0037)
export const CONSENT_STATUS_LABEL: Record<ConsentStatus, string> = {
  NOT_ASKED: 'Niet gevraagd',
  ASKED: 'Gevraagd, nog geen antwoord',
  GIVEN: 'Gegeven',
  REFUSED: 'Geweigerd',
  WITHDRAWN: 'Ingetrokken',
};

export const VOICE_CHANNEL_LABEL: Record<VoiceChannel, string> = {
  ATTENDS: 'Neemt zelf deel aan het overleg',
  TRUSTED_PERSON: 'Vertegenwoordigd door een vertrouwenspersoon',
  CASE_WORKER: 'Zijn of haar hulpverlener brengt de stem in',
  OTHER: 'Op een andere manier',
};

export const MINOR_OBJECTION_LABEL: Record<MinorObjection, string> = {
  NONE: 'Gevraagd: de minderjarige heeft geen bezwaar',
  OBJECTS: 'Gevraagd: de minderjarige maakt bezwaar (afweging verplicht)',
  COULD_NOT_ASK: 'Kon niet gevraagd worden (reden verplicht)',
  NOT_CONCERNED: 'Niet van toepassing: de informatie betreft geen minderjarige (niet bij delen met een minderjarige)',
};
