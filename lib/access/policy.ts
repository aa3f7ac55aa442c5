import type { Prisma } from '@/lib/generated/prisma/client';
import type { DossierStatus, Role } from '@/lib/generated/prisma/enums';
import type { Actor } from './actor';

/**
 * THE access policy (art. 458ter Sw., art. 11–15 of the decree; DOMAIN.md §3).
 *
 * Secrecy attaches to a case and its participants, not to a role in general. An actor relates
 * to a dossier in zero or more ways; each action names the relations (or, for actions on no
 * dossier, the roles) that allow it. Server code and UI both ask `can`; reads go through the
 * where-builders below, which return only rows the actor may see. PostgreSQL row-level security
 * (prisma/migrations/*_foundation) enforces the same rules a second time: keep them in step.
 */

export type DossierRelation =
  /** coordinator or representative of the safe house that holds the dossier (not drafts) */
  | 'coordinator'
  /** the user who made the referral (until a trajectory is closed) */
  | 'referrer'
  /** core-partner staff of the holding safe house while written input is requested (art. 11) */
  | 'corePartner'
  /** accepted participant who acknowledged the secrecy, for this case only, until closure (art. 9, 12) */
  | 'participant'
  /** staff of the mandated agency (VK/OCJ) asked for a consultation, until the follow-up decision (art. 5, 2nd para) */
  | 'mandatedAgency';

export interface DossierFacts {
  id: string;
  safeHouseId: string;
  status: DossierStatus;
  referrerUserId: string;
  inputRequestedAt: Date | null;
  inputClosedAt: Date | null;
}

type GlobalRule = { kind: 'global'; roles: readonly Role[] };
type DossierRule = { kind: 'dossier'; relations: readonly DossierRelation[]; statuses?: readonly DossierStatus[] };

export const CLIENT_WORK_ROLES = [
  'REFERRER',
  'CORE_PARTNER_STAFF',
  'MANDATED_AGENCY_STAFF',
  'COORDINATOR',
  'COORDINATOR_REPRESENTATIVE',
] as const satisfies readonly Role[];

export const PERMISSIONS = {
  // ---- actions on no particular dossier
  /** see the list of dossiers one may see (may be empty) */
  'dossier.list': { kind: 'global', roles: CLIENT_WORK_ROLES },
  /** start a referral (art. 11: any art. 10 organisation) */
  'referral.create': { kind: 'global', roles: CLIENT_WORK_ROLES },
  /** one's own referrals with their status and outcome */
  'referral.listOwn': { kind: 'global', roles: CLIENT_WORK_ROLES },
  /** the coordinator's inbox of referrals to triage (art. 11) */
  'triage.view': { kind: 'global', roles: ['COORDINATOR', 'COORDINATOR_REPRESENTATIVE'] },
  /** plan a conference session with an agenda of cases (art. 12) */
  'conference.plan': { kind: 'global', roles: ['COORDINATOR', 'COORDINATOR_REPRESENTATIVE'] },
  /** open and close a session of one's safe house (art. 13; ADR 0033) */
  'conference.runSession': { kind: 'global', roles: ['COORDINATOR', 'COORDINATOR_REPRESENTATIVE'] },
  /** one's invitations to case conferences, to accept or decline */
  'invitation.listOwn': { kind: 'global', roles: CLIENT_WORK_ROLES },
  /** incoming and outgoing transfers of whole dossiers between safe houses (art. 15 §1, 7°) */
  'transfer.view': { kind: 'global', roles: ['COORDINATOR', 'COORDINATOR_REPRESENTATIVE'] },
  /** overview of what the dossier environment holds about one person (GDPR art. 15) */
  'gdpr.accessOverview': { kind: 'global', roles: ['COORDINATOR', 'COORDINATOR_REPRESENTATIVE'] },
  /** the access log, without dossier content (memorandum to art. 15) */
  'audit.view': { kind: 'global', roles: ['DPO'] },
  'audit.verify': { kind: 'global', roles: ['DPO'] },
  'audit.export': { kind: 'global', roles: ['DPO'] },
  /** users and organisations, without dossier content */
  'users.manage': { kind: 'global', roles: ['FUNCTIONAL_ADMIN'] },
  /** one's own actions of the action plans of one's cases, open and overdue first (issue 12 §6) */
  'actions.listOwn': { kind: 'global', roles: CLIENT_WORK_ROLES },
  /** referrals awaiting one's input (core partners) or one's agency's position (VK/OCJ) */
  'requests.listOwn': { kind: 'global', roles: ['CORE_PARTNER_STAFF', 'MANDATED_AGENCY_STAFF'] },
  /** anonymised statistics (art. 8, art. 15 §4) */
  'statistics.view': { kind: 'global', roles: ['COORDINATOR', 'COORDINATOR_REPRESENTATIVE', 'AGENCY_ANALYST'] },
  /** plans of case conferences still to distribute, with their 14-working-day deadline (seed 004; ADR 0036) */
  'plan.deadlines': { kind: 'global', roles: ['COORDINATOR', 'COORDINATOR_REPRESENTATIVE'] },
  /** feedback a standing delegate gave to oneself (art. 12, 4th para; ADR 0036) */
  'feedback.listOwn': { kind: 'global', roles: CLIENT_WORK_ROLES },
  /** acknowledge the secrecy of art. 458ter §2 Sw. before reading the feedback (ADR 0036) */
  'feedback.acknowledge': { kind: 'global', roles: CLIENT_WORK_ROLES },

  // ---- actions on one dossier
  'dossier.view': {
    kind: 'dossier',
    relations: ['coordinator', 'referrer', 'corePartner', 'participant', 'mandatedAgency'],
  },
  /** mark a member's address as "veilig adres": shown to the coordinator only (ADR 0017) */
  'member.setSafeAddress': {
    kind: 'dossier',
    relations: ['coordinator'],
    statuses: ['SUBMITTED', 'IN_TRAJECTORY', 'REFERRED_TO_REGULAR_CARE', 'ATTACHED_TO_EXISTING_CARE', 'NOT_ADMISSIBLE'],
  },
  /** show a masked national number or contact data of one person, with a reason (need to know; ADR 0017) */
  'personalData.reveal': { kind: 'dossier', relations: ['coordinator', 'referrer', 'corePartner', 'participant'] },
  'referral.edit': { kind: 'dossier', relations: ['referrer'], statuses: ['DRAFT'] },
  'referral.submit': { kind: 'dossier', relations: ['referrer'], statuses: ['DRAFT'] },
  'referral.viewOutcome': { kind: 'dossier', relations: ['referrer', 'coordinator'] },
  /** the art. 5 check: criteria and risk; not admissible at once, or the input round opens (ADR 0031) */
  'admission.check': { kind: 'dossier', relations: ['coordinator'], statuses: ['SUBMITTED'] },
  /** the follow-up decision (art. 5, 3rd para), after the input round */
  'admission.decide': { kind: 'dossier', relations: ['coordinator'], statuses: ['SUBMITTED'] },
  /** ask the mandated agency (VK/OCJ) for its position, or document an urgent exception (art. 5, 2nd para) */
  'admission.consult': { kind: 'dossier', relations: ['coordinator'], statuses: ['SUBMITTED'] },
  /** the agency's own view on the risk, the case conference and its position on the follow-up */
  'agency.respond': { kind: 'dossier', relations: ['mandatedAgency'], statuses: ['SUBMITTED'] },
  /** the coordinator's assessment: criteria, risk assessment, consultations */
  'admission.viewAssessment': { kind: 'dossier', relations: ['coordinator'] },
  'partnerInput.write': { kind: 'dossier', relations: ['corePartner'], statuses: ['SUBMITTED'] },
  'partnerInput.viewAll': { kind: 'dossier', relations: ['coordinator'] },
  /** end the round of written input early, with a reason: core partners lose access to the referral */
  'partnerInput.closeRound': { kind: 'dossier', relations: ['coordinator'], statuses: ['SUBMITTED'] },
  'conference.view': { kind: 'dossier', relations: ['coordinator', 'participant'] },
  /** invite organisations to the case, decide whether an expert sees identities */
  'conference.invite': { kind: 'dossier', relations: ['coordinator'], statuses: ['IN_TRAJECTORY'] },
  /** bring information into the conference (art. 13 §2: a right, not a duty) */
  'conference.contribute': { kind: 'dossier', relations: ['coordinator', 'participant'], statuses: ['IN_TRAJECTORY'] },
  /** minutes, decisions, action plan, case director */
  /** a participant's private preparation notes, brought in during an open session (ADR 0033) */
  'conference.prepare': { kind: 'dossier', relations: ['participant'], statuses: ['IN_TRAJECTORY'] },
  'conference.record': { kind: 'dossier', relations: ['coordinator'], statuses: ['IN_TRAJECTORY'] },
  /** finalise the minutes of a case on a session: they no longer change (ADR 0036) */
  'conference.finalise': { kind: 'dossier', relations: ['coordinator'], statuses: ['IN_TRAJECTORY'] },
  /** send the finalised plan to participants and declined invitees, the outcome to the referrer (ADR 0036) */
  'conference.distribute': { kind: 'dossier', relations: ['coordinator'], statuses: ['IN_TRAJECTORY'] },
  /** minutes and action plan as a watermarked PDF */
  'conference.downloadPdf': { kind: 'dossier', relations: ['coordinator', 'participant'] },
  /** consensus-gated disclosure (art. 14 §2): only participants propose and vote */
  'disclosure.propose': { kind: 'dossier', relations: ['participant'], statuses: ['IN_TRAJECTORY'] },
  /** the chairing coordinator votes too (art. 14 §2; ADR 0014); who may vote is frozen per proposal */
  'disclosure.vote': { kind: 'dossier', relations: ['participant', 'coordinator'], statuses: ['IN_TRAJECTORY'] },
  /** the proposer or the coordinator withdraws a proposal (the only way out when consensus became unreachable) */
  'disclosure.withdraw': { kind: 'dossier', relations: ['participant', 'coordinator'], statuses: ['IN_TRAJECTORY'] },
  'disclosure.markShared': { kind: 'dossier', relations: ['participant'], statuses: ['IN_TRAJECTORY'] },
  /** close the dossier at a closing conference; propose a longer retention (art. 15 §3) */
  'dossier.close': { kind: 'dossier', relations: ['coordinator'], statuses: ['IN_TRAJECTORY'] },
  'retention.propose': { kind: 'dossier', relations: ['coordinator'], statuses: ['IN_TRAJECTORY'] },
  /** every participant and the chairing coordinator must agree to a retention beyond 15 years */
  'retention.vote': { kind: 'dossier', relations: ['participant', 'coordinator'], statuses: ['IN_TRAJECTORY'] },
  'retention.withdraw': { kind: 'dossier', relations: ['coordinator'], statuses: ['IN_TRAJECTORY'] },
  // ---- issue 14 §4 (ADR 0047): the dossier as a portable, encrypted file
  /** export the whole dossier as one encrypted archive (transfer outside this installation, GDPR access) */
  'dossier.export': { kind: 'dossier', relations: ['coordinator'] },
  /** read where an imported dossier came from and what it lived through there (read-only) */
  'dossier.importHistory': { kind: 'dossier', relations: ['coordinator'] },
  /** hand the whole dossier to another safe house (art. 15 §1, 3rd para, 7°) */
  'transfer.request': {
    kind: 'dossier',
    relations: ['coordinator'],
    statuses: ['SUBMITTED', 'IN_TRAJECTORY', 'REFERRED_TO_REGULAR_CARE', 'ATTACHED_TO_EXISTING_CARE', 'NOT_ADMISSIBLE'],
  },
  /** correct a member's identification data (GDPR art. 16), logged — during the whole retention term, also after closure */
  'gdpr.rectify': {
    kind: 'dossier',
    relations: ['coordinator'],
    statuses: [
      'SUBMITTED',
      'IN_TRAJECTORY',
      'REFERRED_TO_REGULAR_CARE',
      'ATTACHED_TO_EXISTING_CARE',
      'NOT_ADMISSIBLE',
      'CLOSED',
    ],
  },
  /**
   * add, change and close goals and actions of the plan (memorandum to art. 15): the coordinator,
   * or the participant who is the case director — the use case checks the flag (ADR 0034)
   */
  'plan.manage': { kind: 'dossier', relations: ['coordinator', 'participant'], statuses: ['IN_TRAJECTORY'] },
  /** the owner of an action marks it done with a note (the use case checks ownership; ADR 0034) */
  'plan.completeOwn': { kind: 'dossier', relations: ['participant'], statuses: ['IN_TRAJECTORY'] },
  /** record an urgent disclosure made outside consensus (noodtoestand, art. 458bis, art. 422bis Sw.; ADR 0035) */
  'emergency.record': { kind: 'dossier', relations: ['participant', 'coordinator'], statuses: ['IN_TRAJECTORY'] },
  /** a standing delegate records feedback to the case worker (art. 12, 4th para) */
  'feedback.record': { kind: 'dossier', relations: ['participant'] },
  /** each member's voice: informed or why not, consent, own view, how heard (art. 4, art. 16; ADR 0037) */
  'memberVoice.view': { kind: 'dossier', relations: ['coordinator', 'participant'] },
  'memberVoice.record': {
    kind: 'dossier',
    relations: ['coordinator', 'participant'],
    statuses: ['SUBMITTED', 'IN_TRAJECTORY'],
  },
  /**
   * documents attached to the dossier (issue 13 §3; ADR 0040): list and download — the use case
   * narrows the rows to what the actor may read (a core partner's only with its input)
   */
  'attachment.view': { kind: 'dossier', relations: ['coordinator', 'participant', 'corePartner'] },
  /** the coordinator attaches a document at any time until closure */
  'attachment.addAsCoordinator': {
    kind: 'dossier',
    relations: ['coordinator'],
    statuses: ['SUBMITTED', 'IN_TRAJECTORY', 'REFERRED_TO_REGULAR_CARE', 'ATTACHED_TO_EXISTING_CARE', 'NOT_ADMISSIBLE'],
  },
  /** a core partner attaches a document with its written input while the round is open (art. 11) */
  'attachment.addToInput': { kind: 'dossier', relations: ['corePartner'], statuses: ['SUBMITTED'] },
  /** a participant brings a document in during an open session of the case (art. 13; ADR 0033) */
  'attachment.addInSession': { kind: 'dossier', relations: ['participant'], statuses: ['IN_TRAJECTORY'] },
  /** one's own notifications (what waits for you) and their e-mail preferences (issue 13 §2; ADR 0039) */
  'notifications.listOwn': { kind: 'global', roles: CLIENT_WORK_ROLES },
  /** the risk history: the referral's screening and every later assessment (issue 13 §5; ADR 0042) */
  'risk.view': { kind: 'dossier', relations: ['coordinator', 'participant'] },
  /**
   * record a new risk assessment during the trajectory: the coordinator, or the participant who is
   * the case director — the use case checks the flag (ADR 0042)
   */
  'risk.assess': { kind: 'dossier', relations: ['coordinator', 'participant'], statuses: ['IN_TRAJECTORY'] },
  /** search the safe house's dossiers: reference, client-system or member name, birth date, national number (ADR 0041) */
  'dossier.search': { kind: 'global', roles: ['COORDINATOR', 'COORDINATOR_REPRESENTATIVE'] },
  /** at triage: which members are known in another dossier of the house, repeat referrals (ADR 0041) */
  'referral.knownPersons': { kind: 'dossier', relations: ['coordinator'], statuses: ['SUBMITTED'] },
} as const satisfies Record<string, GlobalRule | DossierRule>;

export type Action = keyof typeof PERMISSIONS;
export type GlobalAction = { [K in Action]: (typeof PERMISSIONS)[K] extends GlobalRule ? K : never }[Action];
export type DossierAction = Exclude<Action, GlobalAction>;

export const ACTIONS = Object.keys(PERMISSIONS) as Action[];

export function relationsTo(actor: Actor, d: DossierFacts): Set<DossierRelation> {
  const rel = new Set<DossierRelation>();
  if (actor.coordinatorHouses.includes(d.safeHouseId) && d.status !== 'DRAFT') rel.add('coordinator');
  // after closure only the coordinators keep access (and the DPO the access log): DOMAIN.md §3, ADR 0017
  if (d.referrerUserId === actor.userId && d.status !== 'CLOSED') rel.add('referrer');
  if (
    actor.corePartnerHouses.includes(d.safeHouseId) &&
    d.inputRequestedAt !== null &&
    d.inputClosedAt === null &&
    d.status !== 'CLOSED'
  ) {
    rel.add('corePartner');
  }
  if (actor.participantDossiers.includes(d.id) && d.status !== 'CLOSED') rel.add('participant');
  if (actor.agencyDossiers.includes(d.id) && d.status === 'SUBMITTED') rel.add('mandatedAgency');
  return rel;
}

/** Whether any of these roles has a global action (the menu; `can` for an actor). */
export function rolesAllow(roles: readonly Role[], action: GlobalAction): boolean {
  const rule = PERMISSIONS[action] as GlobalRule;
  return roles.some((r) => (rule.roles as readonly Role[]).includes(r));
}

export function can(actor: Actor, action: GlobalAction): boolean;
export function can(actor: Actor, action: DossierAction, dossier: DossierFacts): boolean;
export function can(actor: Actor, action: Action, dossier?: DossierFacts): boolean {
  const rule: GlobalRule | DossierRule = PERMISSIONS[action];
  if (rule.kind === 'global') {
    return rolesAllow(
      actor.roles.map((r) => r.role),
      action as GlobalAction,
    );
  }
  if (!dossier) return false;
  if (rule.statuses && !rule.statuses.includes(dossier.status)) return false;
  const rel = relationsTo(actor, dossier);
  return rule.relations.some((r) => rel.has(r));
}

// ---------------------------------------------------------------- where-builders

/**
 * Users who may be invited to a case conference, attend one or receive feedback: an active
 * account with a role that does client work — never one that only has the DPO's, the analyst's
 * or the administrator's role (DOMAIN.md §3; ADR 0017). The database checks the same (trigger).
 */
export const CLIENT_WORK_USER_WHERE = {
  active: true,
  roles: { some: { role: { in: [...CLIENT_WORK_ROLES] } } },
} as const satisfies Prisma.UserWhereInput;

/** Dossiers the actor may see at all. Mirrors the RLS policy `dossier_select`. */
export function dossierWhere(actor: Actor): Prisma.DossierWhereInput {
  return {
    OR: [
      { safeHouseId: { in: actor.coordinatorHouses }, status: { not: 'DRAFT' } },
      { referrerUserId: actor.userId, status: { not: 'CLOSED' } },
      {
        safeHouseId: { in: actor.corePartnerHouses },
        inputRequestedAt: { not: null },
        inputClosedAt: null,
        status: { not: 'CLOSED' },
      },
      { id: { in: actor.participantDossiers }, status: { not: 'CLOSED' } },
      { id: { in: actor.agencyDossiers }, status: 'SUBMITTED' },
    ],
  };
}

/** One dossier by id, only if visible. */
export function dossierByIdWhere(actor: Actor, id: string): Prisma.DossierWhereInput {
  return { AND: [{ id }, dossierWhere(actor)] };
}

/** The select needed to evaluate `can` on a dossier. */
export const DOSSIER_FACTS_SELECT = {
  id: true,
  safeHouseId: true,
  status: true,
  referrerUserId: true,
  inputRequestedAt: true,
  inputClosedAt: true,
} as const satisfies Prisma.DossierSelect;
