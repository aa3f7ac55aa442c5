import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import {
  ACTIONS,
  can,
  dossierWhere,
  PERMISSIONS,
  relationsTo,
  type Action,
  type DossierFacts,
} from '@/lib/access/policy';
import type { Actor } from '@/lib/access/actor';
import {
  DossierStatus as DOSSIER_STATUS,
  Role as ROLE,
  type DossierStatus,
  type Role,
} from '@/lib/generated/prisma/enums';

// thousands of cases per property: never bound by the default 5 s on a busy machine
vi.setConfig({ testTimeout: 300_000 });

/**
 * Property-based tests of THE policy (lib/access/policy.ts) against an independent model of the
 * rules, written from DOMAIN.md §2–§3, §7, the ADRs (0003, 0011, 0014, 0016, 0017) and the doc
 * comments of the actions — never by reading PERMISSIONS. Random actors × random dossier facts ×
 * every action. Ids come from small pools so that relations (same safe house, same referrer,
 * participant of this very dossier) actually occur.
 */

// ---------------------------------------------------------------- the world

/** Every role and every status of the schema (a new one is generated too; the model gives it nothing). */
const ALL_ROLES = Object.values(ROLE) as Role[];
const ALL_STATUSES = Object.values(DOSSIER_STATUS) as DossierStatus[];
const USERS = ['u1', 'u2', 'u3'] as const;
const HOUSES = ['h1', 'h2'] as const;
const DOSSIERS = ['d1', 'd2'] as const;
const OUTSIDER = 'u-outsider'; // a user id that never referred anything

const NUM_RUNS = 5_000;

// ---------------------------------------------------------------- the independent model

/** DOMAIN.md §7: the roles that do client work (as opposed to administration, DPO, statistics). */
function doesClientWork(a: Actor): boolean {
  for (const r of a.roles) {
    if (r.role === 'REFERRER') return true;
    if (r.role === 'CORE_PARTNER_STAFF') return true;
    if (r.role === 'MANDATED_AGENCY_STAFF') return true;
    if (r.role === 'COORDINATOR') return true;
    if (r.role === 'COORDINATOR_REPRESENTATIVE') return true;
  }
  return false;
}
const isCoordinatorSomewhere = (a: Actor) =>
  a.roles.some((r) => r.role === 'COORDINATOR' || r.role === 'COORDINATOR_REPRESENTATIVE');
const hasRoleAnywhere = (a: Actor, role: Role) => a.roles.some((r) => r.role === role);

interface ModelRelations {
  coordinator: boolean;
  referrer: boolean;
  corePartner: boolean;
  participant: boolean;
  mandatedAgency: boolean;
}

/** How the actor stands towards the dossier, per DOMAIN.md §3 and ADR 0017. */
function modelRelations(a: Actor, d: DossierFacts): ModelRelations {
  // The coordinator (or representative) of the safe house that holds the dossier. A draft is
  // still the referrer's own (not yet referred to anyone); after closure the coordinator keeps access.
  let coordinator = false;
  if (a.coordinatorHouses.includes(d.safeHouseId)) {
    if (d.status === 'DRAFT') coordinator = false;
    else coordinator = true;
  }
  // The referrer: their own referral and its outcome. "After closure only the coordinators keep
  // access" — a referral that ended without trajectory stays visible to its referrer (ADR 0017).
  let referrer = false;
  if (d.referrerUserId === a.userId) {
    if (d.status === 'CLOSED') referrer = false;
    else referrer = true;
  }
  // Core-partner staff of the holding safe house, while the input round is open.
  let corePartner = false;
  if (a.corePartnerHouses.includes(d.safeHouseId)) {
    const requested = d.inputRequestedAt !== null;
    const closed = d.inputClosedAt !== null;
    // DOMAIN.md §3: after closure only the coordinators keep access — also when the input
    // round was somehow left open (ADR 0017)
    if (requested && !closed && d.status !== 'CLOSED') corePartner = true;
  }
  // A participant of this case (accepted, secrecy acknowledged, not left), for this case only,
  // until closure.
  let participant = false;
  if (a.participantDossiers.includes(d.id)) {
    if (d.status === 'CLOSED') participant = false;
    else participant = true;
  }
  // Staff of the mandated agency (VK/OCJ) asked for a consultation: that referral, until the
  // follow-up decision (art. 5, 2nd para; ADR 0031).
  const mandatedAgency = a.agencyDossiers.includes(d.id) && d.status === 'SUBMITTED';
  return { coordinator, referrer, corePartner, participant, mandatedAgency };
}

/** The model's answer for an action on no dossier. */
function modelGlobal(a: Actor, action: string): boolean | undefined {
  switch (action) {
    // anyone doing client work may refer (art. 11: any art. 10 organisation), list what they may
    // see (possibly nothing), follow their own referrals and their invitations, and their own
    // actions of the plans of their cases (memorandum to art. 15; ADR 0034)
    case 'dossier.list':
    case 'referral.create':
    case 'referral.listOwn':
    case 'invitation.listOwn':
    case 'actions.listOwn':
      return doesClientWork(a);
    // the coordinator's own work: triage, planning sessions, transfers, GDPR overview (art. 11, 12, 15)
    case 'triage.view':
    case 'conference.plan':
    case 'conference.runSession': // opening and closing a session of one's house (art. 13; ADR 0033)
    case 'transfer.view':
    case 'gdpr.accessOverview':
      return isCoordinatorSomewhere(a);
    // the DPO sees the access log, no content
    case 'audit.view':
    case 'audit.verify':
    case 'audit.export':
      return hasRoleAnywhere(a, 'DPO');
    // the functional administrator: users and organisations, no content
    case 'users.manage':
      return hasRoleAnywhere(a, 'FUNCTIONAL_ADMIN');
    // anonymised statistics: the Agency's analysts, and the coordinators for their centre
    case 'statistics.view':
      return isCoordinatorSomewhere(a) || hasRoleAnywhere(a, 'AGENCY_ANALYST');
    // issue 12 §5: the coordinator watches the 14-working-day deadline of the plans (seed 004)
    case 'plan.deadlines':
      return isCoordinatorSomewhere(a);
    // feedback a standing delegate gave to oneself (art. 12, 4th para): anyone who does client work
    case 'feedback.listOwn':
    case 'feedback.acknowledge':
      return doesClientWork(a);
    // what waits for core partners' input or a mandated agency's position (ADR 0031)
    case 'requests.listOwn':
      return hasRoleAnywhere(a, 'CORE_PARTNER_STAFF') || hasRoleAnywhere(a, 'MANDATED_AGENCY_STAFF');
    // one's own notifications and preferences (issue 13 §2, ADR 0039): anyone who does client work
    case 'notifications.listOwn':
      return doesClientWork(a);
    // search in the dossiers of one's safe house (issue 13 §4; ADR 0041)
    case 'dossier.search':
      return isCoordinatorSomewhere(a);
    default:
      return undefined;
  }
}

/** The model's answer for an action on one dossier. */
function modelDossier(a: Actor, action: string, d: DossierFacts): boolean | undefined {
  const r = modelRelations(a, d);
  const s = d.status;
  const trajectory = s === 'IN_TRAJECTORY';
  const anyRelation = r.coordinator || r.referrer || r.corePartner || r.participant;
  switch (action) {
    // whoever may see the dossier at all; the mandated agency only the referral it was asked about
    case 'dossier.view':
      return anyRelation || r.mandatedAgency;
    // revealing a masked datum is logged with a reason (ADR 0017); not the agency's (ADR 0031)
    case 'personalData.reveal':
      return anyRelation;
    // the safe address is the coordinator's (ADR 0017); not on a closed dossier
    case 'member.setSafeAddress':
      if (!r.coordinator) return false;
      return s !== 'CLOSED';
    // the referrer edits and submits their own draft (ADR 0016)
    case 'referral.edit':
    case 'referral.submit':
      if (!r.referrer) return false;
      return s === 'DRAFT';
    // the referrer sees their referral's outcome; the coordinator too
    case 'referral.viewOutcome':
      return r.referrer || r.coordinator;
    // art. 5 check and the mandated-agency consultation: the coordinator, on a submitted referral
    case 'admission.check':
    case 'admission.decide':
    case 'admission.consult':
      if (!r.coordinator) return false;
      return s === 'SUBMITTED';
    // the agency's own position, before the follow-up decision (art. 5, 2nd para)
    case 'agency.respond':
      return r.mandatedAgency && s === 'SUBMITTED';
    case 'admission.viewAssessment':
      return r.coordinator;
    // art. 11, 2nd para: core partners write input while the round is open
    case 'partnerInput.write':
      if (!r.corePartner) return false;
      // DOMAIN.md §2.3: the round lies *between* the criteria check and the follow-up decision,
      // while the referral is SUBMITTED (ADR 0031)
      return s === 'SUBMITTED';
    case 'partnerInput.viewAll':
      return r.coordinator;
    case 'partnerInput.closeRound':
      return r.coordinator && s === 'SUBMITTED';
    // the case conference (art. 9, 12, 13): coordinator and participants of this case
    case 'conference.view':
    case 'conference.downloadPdf':
      return r.coordinator || r.participant;
    case 'conference.invite':
    case 'conference.record':
    case 'conference.finalise': // finalising the minutes and distributing the plan (issue 12 §5)
    case 'conference.distribute':
      return r.coordinator && trajectory;
    case 'conference.contribute':
      return (r.coordinator || r.participant) && trajectory;
    // a participant's private preparation notes: not even the coordinator (ADR 0033)
    case 'conference.prepare':
      return r.participant && trajectory;
    // consensus-gated disclosure (art. 14 §2; ADR 0014): participants propose and share; the
    // chairing coordinator votes and may withdraw
    case 'disclosure.propose':
    case 'disclosure.markShared':
      return r.participant && trajectory;
    case 'disclosure.vote':
    case 'disclosure.withdraw':
      return (r.participant || r.coordinator) && trajectory;
    // closure and retention (art. 15 §3): the coordinator proposes and closes; everyone at the
    // table, the chair included, votes on an extension
    case 'dossier.close':
    case 'retention.propose':
    case 'retention.withdraw':
      return r.coordinator && trajectory;
    case 'retention.vote':
      return (r.coordinator || r.participant) && trajectory;
    // the dossier as an encrypted file (issue 14 §4, ADR 0047): the holding house's coordinator, any state
    case 'dossier.export':
    case 'dossier.importHistory':
      return r.coordinator;
    // transfer (art. 15 §1, 3rd para, 7°): "at any time", by the coordinator, while there is a
    // follow-up to take over (not once closed)
    case 'transfer.request':
      return r.coordinator && s !== 'CLOSED';
    // rectification (GDPR art. 16): the coordinator, during the whole retention term
    case 'gdpr.rectify':
      return r.coordinator;
    // a standing delegate's feedback to the case worker (art. 12, 4th para)
    case 'feedback.record':
      return r.participant;
    // the action plan (memorandum to art. 15; ADR 0034): the coordinator, or a participant — the
    // use case narrows that to the case director; an owner (a participant) completes their own
    case 'plan.manage':
      return (r.coordinator || r.participant) && trajectory;
    case 'plan.completeOwn':
      return r.participant && trajectory;
    // an urgent disclosure outside consensus (seeds 001, 002; ADR 0035): the case team, in trajectory
    case 'emergency.record':
      return (r.coordinator || r.participant) && trajectory;
    // each member's voice (art. 4, art. 16; ADR 0037): coordinator and participants read it, and
    // record it while the referral is under way or the trajectory runs
    case 'memberVoice.view':
      return r.coordinator || r.participant;
    case 'memberVoice.record':
      return (r.coordinator || r.participant) && (s === 'SUBMITTED' || trajectory);
    // risk over time (issue 13 §5; ADR 0042): the case team reads the history; the coordinator
    // or a participant — the use case narrows that to the case director — records, in trajectory
    case 'risk.view':
      return r.coordinator || r.participant;
    case 'risk.assess':
      return (r.coordinator || r.participant) && trajectory;
    // documents attached to the dossier (issue 13 §3; ADR 0040): read by the case team and a core
    // partner with its input; added by the coordinator until closure, a core partner with its
    // input, a participant during the trajectory (the use case adds: during an open session)
    case 'attachment.view':
      return r.coordinator || r.participant || r.corePartner;
    case 'attachment.addAsCoordinator':
      return r.coordinator && s !== 'CLOSED';
    case 'attachment.addToInput':
      return r.corePartner && s === 'SUBMITTED';
    case 'attachment.addInSession':
      return r.participant && trajectory;
    // the known-person check at triage (issue 13 §4; ADR 0041): the coordinator, on a submitted referral
    case 'referral.knownPersons':
      return r.coordinator && s === 'SUBMITTED';
    default:
      return undefined;
  }
}

function model(a: Actor, action: string, d: DossierFacts): boolean {
  const g = modelGlobal(a, action);
  if (g !== undefined) return g;
  const x = modelDossier(a, action, d);
  if (x !== undefined) return x;
  throw new Error(`the model does not know the action ${action}: write its rule`);
}

const isGlobal = (action: Action) => modelGlobal({ roles: [] } as unknown as Actor, action) !== undefined;

/** `can` without the overloads: any action, with or without a dossier. */
const canAny = can as (actor: Actor, action: Action, dossier?: DossierFacts) => boolean;
const ask = (a: Actor, action: Action, d: DossierFacts) =>
  isGlobal(action) ? canAny(a, action) : canAny(a, action, d);

// ---------------------------------------------------------------- generators

const dateArb = fc.date({
  min: new Date('2020-01-01T00:00:00Z'),
  max: new Date('2030-12-31T00:00:00Z'),
  noInvalidDate: true,
});

const roleArb = fc.record({
  role: fc.constantFrom(...ALL_ROLES),
  safeHouseId: fc.option(fc.constantFrom(...HOUSES), { nil: null }),
});

/** An actor as lib/use-case/kernel.ts builds it: coordinator and core-partner houses follow from the roles. */
const consistentActorArb: fc.Arbitrary<Actor> = fc
  .record({
    userId: fc.constantFrom(...USERS, OUTSIDER),
    roles: fc.array(roleArb, { maxLength: 4 }),
    partnerships: fc.subarray([...HOUSES]),
    participantDossiers: fc.subarray([...DOSSIERS]),
    agencyDossiers: fc.subarray([...DOSSIERS]),
  })
  .map(({ userId, roles, partnerships, participantDossiers, agencyDossiers }) => {
    const housesWith = (...rs: Role[]) => [
      ...new Set(roles.filter((r) => rs.includes(r.role) && r.safeHouseId).map((r) => r.safeHouseId!)),
    ];
    return {
      userId,
      name: 'n',
      organisationId: 'o',
      organisationName: 'O',
      roles,
      coordinatorHouses: housesWith('COORDINATOR', 'COORDINATOR_REPRESENTATIVE'),
      corePartnerHouses: housesWith('CORE_PARTNER_STAFF').filter((h) => partnerships.includes(h)),
      participantDossiers,
      // the database answers these only for staff of a mandated agency (app_agency_dossiers)
      agencyDossiers: roles.some((r) => r.role === 'MANDATED_AGENCY_STAFF') ? agencyDossiers : [],
    };
  });

/** Any actor: the policy must answer from the actor's fields whatever their mix. */
const rawActorArb: fc.Arbitrary<Actor> = fc.record({
  userId: fc.constantFrom(...USERS, OUTSIDER),
  name: fc.constant('n'),
  organisationId: fc.constant('o'),
  organisationName: fc.constant('O'),
  roles: fc.array(roleArb, { maxLength: 4 }),
  coordinatorHouses: fc.subarray([...HOUSES]),
  corePartnerHouses: fc.subarray([...HOUSES]),
  participantDossiers: fc.subarray([...DOSSIERS]),
  agencyDossiers: fc.subarray([...DOSSIERS]),
});

const actorArb = fc.oneof(consistentActorArb, rawActorArb);

/** Any dossier facts: every status, input round requested/closed or not, in any combination. */
const factsArb: fc.Arbitrary<DossierFacts> = fc.record({
  id: fc.constantFrom(...DOSSIERS),
  safeHouseId: fc.constantFrom(...HOUSES),
  status: fc.constantFrom(...ALL_STATUSES),
  referrerUserId: fc.constantFrom(...USERS),
  inputRequestedAt: fc.option(dateArb, { nil: null }),
  inputClosedAt: fc.option(dateArb, { nil: null }),
});

const actionArb = fc.constantFrom(...ACTIONS);

const mismatches = (a: Actor, d: DossierFacts) =>
  ACTIONS.filter((action) => ask(a, action, d) !== model(a, action, d)).map((action) => ({
    action,
    policy: ask(a, action, d),
    model: model(a, action, d),
  }));

// ---------------------------------------------------------------- properties

describe('policy: property-based, against an independent model of the rules', () => {
  it('the model knows every action of the policy, and its global/dossier split is the same', () => {
    for (const action of ACTIONS) {
      const someone: Actor = {
        userId: 'u1',
        name: 'n',
        organisationId: 'o',
        organisationName: 'O',
        roles: [],
        coordinatorHouses: [],
        corePartnerHouses: [],
        participantDossiers: [],
        agencyDossiers: [],
      };
      const d: DossierFacts = {
        id: 'd1',
        safeHouseId: 'h1',
        status: 'SUBMITTED',
        referrerUserId: 'u1',
        inputRequestedAt: null,
        inputClosedAt: null,
      };
      expect(() => model(someone, action, d), action).not.toThrow();
      expect(isGlobal(action), action).toBe(PERMISSIONS[action].kind === 'global');
    }
  });

  it('the generators are not vacuous: every action is both granted and refused in a sample', () => {
    const granted = new Set<Action>();
    const refused = new Set<Action>();
    for (const [a, d] of fc.sample(fc.tuple(actorArb, factsArb), { numRuns: NUM_RUNS, seed: 42 })) {
      for (const action of ACTIONS) (ask(a, action, d) ? granted : refused).add(action);
    }
    expect(ACTIONS.filter((x) => !granted.has(x))).toEqual([]);
    expect(ACTIONS.filter((x) => !refused.has(x))).toEqual([]);
  });

  it(`random actor × random dossier × every action: can() equals the model (${NUM_RUNS} actor/dossier pairs)`, () => {
    fc.assert(
      fc.property(actorArb, factsArb, (a, d) => {
        expect(mismatches(a, d)).toEqual([]);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('relationsTo gives exactly the relations of the model', () => {
    fc.assert(
      fc.property(actorArb, factsArb, (a, d) => {
        const m = modelRelations(a, d);
        const expected = (Object.keys(m) as (keyof ModelRelations)[]).filter((k) => m[k]).sort();
        expect([...relationsTo(a, d)].sort()).toEqual(expected);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('random actor × random dossier × one random action (fresh draws)', () => {
    fc.assert(
      fc.property(actorArb, factsArb, actionArb, (a, d, action) => {
        expect(ask(a, action, d)).toBe(model(a, action, d));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('an actor without roles gets no action on no dossier', () => {
    fc.assert(
      fc.property(actorArb, (a0) => {
        const a = { ...a0, roles: [] };
        for (const action of ACTIONS.filter(isGlobal)) expect(canAny(a, action), action).toBe(false);
      }),
      { numRuns: 1_000 },
    );
  });

  it('an empty actor (no roles, houses or participations, never a referrer) can do nothing at all', () => {
    const empty: Actor = {
      userId: OUTSIDER,
      name: 'n',
      organisationId: 'o',
      organisationName: 'O',
      roles: [],
      coordinatorHouses: [],
      corePartnerHouses: [],
      participantDossiers: [],
      agencyDossiers: [],
    };
    fc.assert(
      fc.property(factsArb, (d) => {
        expect(ACTIONS.filter((action) => ask(empty, action, d))).toEqual([]);
        expect(relationsTo(empty, d).size).toBe(0);
      }),
      { numRuns: 1_000 },
    );
  });

  it('a dossier action asked without a dossier is refused', () => {
    fc.assert(
      fc.property(actorArb, actionArb, (a, action) => {
        if (!isGlobal(action)) expect(canAny(a, action)).toBe(false);
      }),
      { numRuns: 1_000 },
    );
  });

  it('without any relation to the dossier (whatever the roles) no dossier action is allowed', () => {
    fc.assert(
      fc.property(actorArb, factsArb, (a, d) => {
        const r = modelRelations(a, d);
        fc.pre(!r.coordinator && !r.referrer && !r.corePartner && !r.participant && !r.mandatedAgency);
        expect(ACTIONS.filter((action) => !isGlobal(action) && canAny(a, action, d))).toEqual([]);
      }),
      { numRuns: 1_000 },
    );
  });

  it('DPO, administrator and analyst (no client-work role, no participation, not the referrer) see nothing of a dossier', () => {
    const nonClientRoleArb = fc.record({
      role: fc.constantFrom<Role>('DPO', 'FUNCTIONAL_ADMIN', 'AGENCY_ANALYST'),
      safeHouseId: fc.option(fc.constantFrom(...HOUSES), { nil: null }),
    });
    fc.assert(
      fc.property(consistentActorArb, fc.array(nonClientRoleArb, { maxLength: 3 }), factsArb, (a0, roles, d) => {
        // as lib/use-case/kernel.ts would build them: no coordinator or core-partner houses without those roles
        const a: Actor = {
          ...a0,
          userId: OUTSIDER,
          roles,
          coordinatorHouses: [],
          corePartnerHouses: [],
          participantDossiers: [],
          agencyDossiers: [],
        };
        expect(ACTIONS.filter((action) => !isGlobal(action) && canAny(a, action, d))).toEqual([]);
      }),
      { numRuns: 1_000 },
    );
  });

  it('a participant of one case has nothing of another case (participants differ per case)', () => {
    fc.assert(
      fc.property(factsArb, fc.constantFrom(...ALL_ROLES), (d, role) => {
        const other = DOSSIERS.find((x) => x !== d.id)!;
        const a: Actor = {
          userId: OUTSIDER,
          name: 'n',
          organisationId: 'o',
          organisationName: 'O',
          roles: [{ role, safeHouseId: null }],
          coordinatorHouses: [],
          corePartnerHouses: [],
          participantDossiers: [other],
          agencyDossiers: [],
        };
        expect(ACTIONS.filter((action) => !isGlobal(action) && canAny(a, action, d))).toEqual([]);
      }),
      { numRuns: 1_000 },
    );
  });

  const addRelation = fc.constantFrom(
    'coordinator',
    'corePartner',
    'participant',
    'mandatedAgency',
    'referrer',
    'role',
  );
  it('adding a relation or a role never removes a permission (global or on the dossier)', () => {
    fc.assert(
      fc.property(actorArb, factsArb, addRelation, roleArb, (a, d, what, extraRole) => {
        const more: Actor = {
          ...a,
          roles: [...a.roles],
          coordinatorHouses: [...a.coordinatorHouses],
          corePartnerHouses: [...a.corePartnerHouses],
          participantDossiers: [...a.participantDossiers],
          agencyDossiers: [...a.agencyDossiers],
        };
        if (what === 'coordinator') more.coordinatorHouses.push(d.safeHouseId);
        if (what === 'corePartner') more.corePartnerHouses.push(d.safeHouseId);
        if (what === 'participant') more.participantDossiers.push(d.id);
        if (what === 'mandatedAgency') more.agencyDossiers.push(d.id);
        if (what === 'referrer') more.userId = d.referrerUserId;
        if (what === 'role') more.roles.push(extraRole);
        for (const action of ACTIONS) {
          if (ask(a, action, d)) expect(ask(more, action, d), `${what} took away ${action}`).toBe(true);
        }
        // relations do not grant actions on no dossier: those depend on the roles only
        if (what !== 'role')
          for (const action of ACTIONS.filter(isGlobal)) expect(canAny(more, action)).toBe(canAny(a, action));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  /** Closure as the use case does it: the input round, if any, is closed too (lib/closure/close-dossier.ts). */
  const closedFactsArb = factsArb.map((d) => ({
    ...d,
    status: 'CLOSED' as const,
    inputClosedAt: d.inputRequestedAt ? (d.inputClosedAt ?? d.inputRequestedAt) : d.inputClosedAt,
  }));
  it('after closure only the coordinators of the holding house keep access (DOMAIN.md §3, ADR 0017)', () => {
    fc.assert(
      fc.property(actorArb, closedFactsArb, (a, d) => {
        const allowed = ACTIONS.filter((action) => !isGlobal(action) && canAny(a, action, d));
        if (allowed.length) expect(a.coordinatorHouses).toContain(d.safeHouseId);
        // nothing of the case changes any more, except a rectification (GDPR art. 16)
        for (const action of allowed) {
          expect(
            action.startsWith('disclosure.') ||
              action.startsWith('retention.') ||
              action.startsWith('referral.edit') ||
              action === 'conference.contribute' ||
              action === 'conference.record' ||
              action === 'dossier.close',
            action,
          ).toBe(false);
        }
      }),
      { numRuns: 1_000 },
    );
  });

  /**
   * A draft as the database allows it: no input round (dossier_state_guard), and no participants
   * (invitations need `conference.invite`, only during a trajectory). The policy itself does not
   * re-check these: a participation of a draft would give the participant access.
   */
  const draftFactsArb = factsArb.map((d) => ({
    ...d,
    status: 'DRAFT' as const,
    inputRequestedAt: null,
    inputClosedAt: null,
  }));
  it("a draft is the referrer's alone: a coordinator or core partner gets nothing of it", () => {
    fc.assert(
      fc.property(actorArb, draftFactsArb, (a0, d) => {
        const a = { ...a0, participantDossiers: a0.participantDossiers.filter((x) => x !== d.id) };
        const allowed = ACTIONS.filter((action) => !isGlobal(action) && canAny(a, action, d));
        if (allowed.length) expect(a.userId).toBe(d.referrerUserId);
      }),
      { numRuns: 1_000 },
    );
  });

  it('the conference table (disclosures, retention votes, closure) is open only during a trajectory', () => {
    fc.assert(
      fc.property(actorArb, factsArb, (a, d) => {
        const atTheTable = ACTIONS.filter(
          (action) =>
            action.startsWith('disclosure.') ||
            action.startsWith('retention.') ||
            action === 'dossier.close' ||
            action === 'conference.invite' ||
            action === 'conference.contribute' ||
            action === 'conference.record',
        );
        expect(atTheTable).toHaveLength(11);
        for (const action of atTheTable) {
          if (canAny(a, action, d)) expect(d.status, action).toBe('IN_TRAJECTORY');
        }
      }),
      { numRuns: 1_000 },
    );
  });

  it('dossier.view agrees with the where-builder dossierWhere (what the list and RLS show)', () => {
    fc.assert(
      fc.property(actorArb, factsArb, (a, d) => {
        expect(matchesWhere(d as unknown as Record<string, unknown>, dossierWhere(a))).toBe(
          canAny(a, 'dossier.view', d),
        );
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

// ---------------------------------------------------------------- a tiny Prisma-where evaluator

/** Evaluates the subset of Prisma's where-syntax the where-builders use: OR/AND, equality, in, not. */
function matchesWhere(row: Record<string, unknown>, where: unknown): boolean {
  const w = where as Record<string, unknown>;
  return Object.entries(w).every(([key, cond]) => {
    if (key === 'OR') return (cond as unknown[]).some((c) => matchesWhere(row, c));
    if (key === 'AND') return (cond as unknown[]).every((c) => matchesWhere(row, c));
    return matchesField(row[key], cond);
  });
}
function matchesField(value: unknown, cond: unknown): boolean {
  if (cond === null || typeof cond !== 'object' || cond instanceof Date) return sameValue(value, cond);
  return Object.entries(cond as Record<string, unknown>).every(([op, arg]) => {
    if (op === 'in') return (arg as unknown[]).some((x) => sameValue(value, x));
    if (op === 'not') return !matchesField(value, arg);
    if (op === 'equals') return sameValue(value, arg);
    throw new Error(`matchesWhere: unknown operator ${op}`);
  });
}
const sameValue = (x: unknown, y: unknown) =>
  x instanceof Date && y instanceof Date ? x.getTime() === y.getTime() : (x ?? null) === (y ?? null);
