import { beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS, PERMISSIONS, can, DOSSIER_FACTS_SELECT, type Action, type DossierFacts } from '@/lib/access/policy';
import type { Actor } from '@/lib/access/actor';
import { withActor } from '@/lib/use-case/kernel';
import { ownerDb } from '../helpers/db';
import { buildScenario, type DossierKey, type Scenario, type UserKey } from '../helpers/scenario';

/**
 * The permission matrix (DOMAIN.md §3): every role × every action of the policy module, on every
 * kind of dossier, against real PostgreSQL. Whatever is not listed as allowed must be denied.
 * For "dossier.view" the second wall is checked too: an unscoped query as the app role must
 * return the dossier exactly when the policy allows it.
 */
const GLOBAL_ALLOWED: Record<string, UserKey[]> = {
  'dossier.list': [
    'coordA',
    'reprA',
    'coordB',
    'referrer',
    'referrer2',
    'coreStaffA',
    'coreRoleNonCoreOrg',
    'participant',
    'participantNotAcknowledged',
    'participantLeft',
    'mandated',
  ],
  'referral.create': [
    'coordA',
    'reprA',
    'coordB',
    'referrer',
    'referrer2',
    'coreStaffA',
    'coreRoleNonCoreOrg',
    'participant',
    'participantNotAcknowledged',
    'participantLeft',
    'mandated',
  ],
  'referral.listOwn': [
    'coordA',
    'reprA',
    'coordB',
    'referrer',
    'referrer2',
    'coreStaffA',
    'coreRoleNonCoreOrg',
    'participant',
    'participantNotAcknowledged',
    'participantLeft',
    'mandated',
  ],
  'triage.view': ['coordA', 'reprA', 'coordB'],
  'conference.plan': ['coordA', 'reprA', 'coordB'],
  'conference.runSession': ['coordA', 'reprA', 'coordB'],
  'invitation.listOwn': [
    'coordA',
    'reprA',
    'coordB',
    'referrer',
    'referrer2',
    'coreStaffA',
    'coreRoleNonCoreOrg',
    'participant',
    'participantNotAcknowledged',
    'participantLeft',
    'mandated',
  ],
  // one's own actions of the plans of one's cases (memorandum to art. 15; ADR 0034)
  'actions.listOwn': [
    'coordA',
    'reprA',
    'coordB',
    'referrer',
    'referrer2',
    'coreStaffA',
    'coreRoleNonCoreOrg',
    'participant',
    'participantNotAcknowledged',
    'participantLeft',
    'mandated',
  ],
  'transfer.view': ['coordA', 'reprA', 'coordB'],
  'gdpr.accessOverview': ['coordA', 'reprA', 'coordB'],
  'audit.export': ['dpo'],
  'audit.view': ['dpo'],
  'audit.verify': ['dpo'],
  'users.manage': ['admin'],
  'statistics.view': ['coordA', 'reprA', 'coordB', 'analyst'],
  // issue 12 §5 (ADR 0036)
  'plan.deadlines': ['coordA', 'reprA', 'coordB'],
  'feedback.listOwn': [
    'coordA',
    'reprA',
    'coordB',
    'referrer',
    'referrer2',
    'coreStaffA',
    'coreRoleNonCoreOrg',
    'participant',
    'participantNotAcknowledged',
    'participantLeft',
    'mandated',
  ],
  'feedback.acknowledge': [
    'coordA',
    'reprA',
    'coordB',
    'referrer',
    'referrer2',
    'coreStaffA',
    'coreRoleNonCoreOrg',
    'participant',
    'participantNotAcknowledged',
    'participantLeft',
    'mandated',
  ],
  // what waits for a core partner's input or a mandated agency's position (ADR 0031)
  'requests.listOwn': ['coreStaffA', 'coreRoleNonCoreOrg', 'mandated'],
  // one's own notifications and their preferences (issue 13 §2; ADR 0039)
  'notifications.listOwn': [
    'coordA',
    'reprA',
    'coordB',
    'referrer',
    'referrer2',
    'coreStaffA',
    'coreRoleNonCoreOrg',
    'participant',
    'participantNotAcknowledged',
    'participantLeft',
    'mandated',
  ],
  // search in the dossiers of one's own safe house (issue 13 §4; ADR 0041)
  'dossier.search': ['coordA', 'reprA', 'coordB'],
};

const coordinatorsOf = {
  submittedA: ['coordA', 'reprA'],
  trajectoryA: ['coordA', 'reprA'],
  submittedB: ['coordB'],
} as const;
const DOSSIER_ALLOWED: Record<string, Partial<Record<DossierKey, UserKey[]>>> = {
  // submittedA: input round open (core partners), consultation asked of house A's VK (ADR 0031);
  // trajectoryA: the round ended with the follow-up decision
  'dossier.view': {
    submittedA: [...coordinatorsOf.submittedA, 'referrer', 'coreStaffA', 'mandated'],
    trajectoryA: [...coordinatorsOf.trajectoryA, 'referrer2', 'participant'],
    draftA: ['referrer'],
    submittedB: [...coordinatorsOf.submittedB, 'referrer2'],
  },
  'personalData.reveal': {
    submittedA: [...coordinatorsOf.submittedA, 'referrer', 'coreStaffA'],
    trajectoryA: [...coordinatorsOf.trajectoryA, 'referrer2', 'participant'],
    draftA: ['referrer'],
    submittedB: [...coordinatorsOf.submittedB, 'referrer2'],
  },
  'member.setSafeAddress': {
    submittedA: [...coordinatorsOf.submittedA],
    trajectoryA: [...coordinatorsOf.trajectoryA],
    submittedB: [...coordinatorsOf.submittedB],
  },
  'referral.edit': { draftA: ['referrer'] },
  'referral.submit': { draftA: ['referrer'] },
  'referral.viewOutcome': {
    submittedA: [...coordinatorsOf.submittedA, 'referrer'],
    trajectoryA: [...coordinatorsOf.trajectoryA, 'referrer2'],
    draftA: ['referrer'],
    submittedB: [...coordinatorsOf.submittedB, 'referrer2'],
  },
  'admission.check': { submittedA: [...coordinatorsOf.submittedA], submittedB: [...coordinatorsOf.submittedB] },
  'admission.decide': { submittedA: [...coordinatorsOf.submittedA], submittedB: [...coordinatorsOf.submittedB] },
  'agency.respond': { submittedA: ['mandated'] },
  'conference.invite': { trajectoryA: [...coordinatorsOf.trajectoryA] },
  'conference.contribute': { trajectoryA: [...coordinatorsOf.trajectoryA, 'participant'] },
  'conference.record': { trajectoryA: [...coordinatorsOf.trajectoryA] },
  'conference.finalise': { trajectoryA: [...coordinatorsOf.trajectoryA] },
  'conference.distribute': { trajectoryA: [...coordinatorsOf.trajectoryA] },
  // private preparation notes: the participant only, not even the coordinator (ADR 0033)
  'conference.prepare': { trajectoryA: ['participant'] },
  'conference.downloadPdf': {
    submittedA: [...coordinatorsOf.submittedA],
    trajectoryA: [...coordinatorsOf.trajectoryA, 'participant'],
    submittedB: [...coordinatorsOf.submittedB],
  },
  'disclosure.propose': { trajectoryA: ['participant'] },
  // the coordinator chairs and votes (art. 14 §2; ADR 0014); who votes on a proposal is frozen in it
  'disclosure.vote': { trajectoryA: [...coordinatorsOf.trajectoryA, 'participant'] },
  'disclosure.withdraw': { trajectoryA: [...coordinatorsOf.trajectoryA, 'participant'] },
  'disclosure.markShared': { trajectoryA: ['participant'] },
  'feedback.record': { trajectoryA: ['participant'] },
  // memorandum to art. 15 (ADR 0034): the use case narrows a participant to the case director or an owner
  'plan.manage': { trajectoryA: [...coordinatorsOf.trajectoryA, 'participant'] },
  'plan.completeOwn': { trajectoryA: ['participant'] },
  // an urgent disclosure outside consensus (seeds 001, 002; ADR 0035)
  'emergency.record': { trajectoryA: [...coordinatorsOf.trajectoryA, 'participant'] },
  // each member's voice (art. 4, art. 16; ADR 0037): the coordinator and the case's participants
  'memberVoice.view': {
    submittedA: [...coordinatorsOf.submittedA],
    trajectoryA: [...coordinatorsOf.trajectoryA, 'participant'],
    submittedB: [...coordinatorsOf.submittedB],
  },
  'memberVoice.record': {
    submittedA: [...coordinatorsOf.submittedA],
    trajectoryA: [...coordinatorsOf.trajectoryA, 'participant'],
    submittedB: [...coordinatorsOf.submittedB],
  },
  // the risk history (issue 13 §5; ADR 0042): the case team reads; the coordinator or the case
  // director (the use case narrows a participant to the director) records, in a trajectory only
  'risk.view': {
    submittedA: [...coordinatorsOf.submittedA],
    trajectoryA: [...coordinatorsOf.trajectoryA, 'participant'],
    submittedB: [...coordinatorsOf.submittedB],
  },
  'risk.assess': { trajectoryA: [...coordinatorsOf.trajectoryA, 'participant'] },
  'dossier.close': { trajectoryA: [...coordinatorsOf.trajectoryA] },
  'retention.propose': { trajectoryA: [...coordinatorsOf.trajectoryA] },
  'retention.vote': { trajectoryA: [...coordinatorsOf.trajectoryA, 'participant'] },
  'retention.withdraw': { trajectoryA: [...coordinatorsOf.trajectoryA] },
  'transfer.request': {
    submittedA: [...coordinatorsOf.submittedA],
    trajectoryA: [...coordinatorsOf.trajectoryA],
    submittedB: [...coordinatorsOf.submittedB],
  },
  // the dossier as an encrypted file (issue 14 §4; ADR 0047): the holding house's coordinators only
  'dossier.export': {
    submittedA: [...coordinatorsOf.submittedA],
    trajectoryA: [...coordinatorsOf.trajectoryA],
    submittedB: [...coordinatorsOf.submittedB],
  },
  // where an imported dossier came from (ADR 0047): the same coordinators only
  'dossier.importHistory': {
    submittedA: [...coordinatorsOf.submittedA],
    trajectoryA: [...coordinatorsOf.trajectoryA],
    submittedB: [...coordinatorsOf.submittedB],
  },
  'gdpr.rectify': {
    submittedA: [...coordinatorsOf.submittedA],
    trajectoryA: [...coordinatorsOf.trajectoryA],
    submittedB: [...coordinatorsOf.submittedB],
  },
  'admission.consult': { submittedA: [...coordinatorsOf.submittedA], submittedB: [...coordinatorsOf.submittedB] },
  'admission.viewAssessment': {
    submittedA: [...coordinatorsOf.submittedA],
    trajectoryA: [...coordinatorsOf.trajectoryA],
    submittedB: [...coordinatorsOf.submittedB],
  },
  'partnerInput.write': { submittedA: ['coreStaffA'] },
  'partnerInput.closeRound': { submittedA: [...coordinatorsOf.submittedA], submittedB: [...coordinatorsOf.submittedB] },
  'partnerInput.viewAll': {
    submittedA: [...coordinatorsOf.submittedA],
    trajectoryA: [...coordinatorsOf.trajectoryA],
    submittedB: [...coordinatorsOf.submittedB],
  },
  'conference.view': {
    submittedA: [...coordinatorsOf.submittedA],
    trajectoryA: [...coordinatorsOf.trajectoryA, 'participant'],
    submittedB: [...coordinatorsOf.submittedB],
  },
  // documents (issue 13 §3; ADR 0040): the use case narrows the rows per way in
  'attachment.view': {
    submittedA: [...coordinatorsOf.submittedA, 'coreStaffA'],
    trajectoryA: [...coordinatorsOf.trajectoryA, 'participant'],
    submittedB: [...coordinatorsOf.submittedB],
  },
  'attachment.addAsCoordinator': {
    submittedA: [...coordinatorsOf.submittedA],
    trajectoryA: [...coordinatorsOf.trajectoryA],
    submittedB: [...coordinatorsOf.submittedB],
  },
  'attachment.addToInput': { submittedA: ['coreStaffA'] },
  'attachment.addInSession': { trajectoryA: ['participant'] },
  // the known-person check at triage: the coordinator, never the referrer (ADR 0041)
  'referral.knownPersons': { submittedA: [...coordinatorsOf.submittedA], submittedB: [...coordinatorsOf.submittedB] },
};

let s: Scenario;
const actors = new Map<UserKey, Actor>();
const facts = new Map<DossierKey, DossierFacts>();

beforeAll(async () => {
  s = await buildScenario();
  for (const key of Object.keys(s.users) as UserKey[]) {
    actors.set(key, await withActor(s.users[key].id, async (_tx, actor) => actor));
  }
  for (const key of Object.keys(s.dossiers) as DossierKey[]) {
    facts.set(
      key,
      await ownerDb().dossier.findUniqueOrThrow({ where: { id: s.dossiers[key].id }, select: DOSSIER_FACTS_SELECT }),
    );
  }
});

describe('policy matrix: every role × every action', () => {
  it('covers every action of the policy module', () => {
    const covered = new Set([...Object.keys(GLOBAL_ALLOWED), ...Object.keys(DOSSIER_ALLOWED)]);
    expect([...covered].sort()).toEqual([...ACTIONS].sort());
  });

  for (const action of ACTIONS) {
    it(`${action}`, () => {
      const rule = PERMISSIONS[action as Action];
      const mismatches: string[] = [];
      for (const [userKey, actor] of actors) {
        if (rule.kind === 'global') {
          const expected = GLOBAL_ALLOWED[action]!.includes(userKey);
          const got = can(actor, action as never);
          if (got !== expected) mismatches.push(`${userKey}: expected ${expected}, got ${got}`);
        } else {
          for (const [dossierKey, f] of facts) {
            const expected = (DOSSIER_ALLOWED[action]![dossierKey] ?? []).includes(userKey);
            const got = can(actor, action as never, f);
            if (got !== expected) mismatches.push(`${userKey} on ${dossierKey}: expected ${expected}, got ${got}`);
          }
        }
      }
      expect(mismatches).toEqual([]);
    });
  }
});

describe('row-level security agrees with the policy for dossier.view', () => {
  it('an unscoped query as the app role returns exactly the dossiers the policy allows', async () => {
    const mismatches: string[] = [];
    for (const [userKey, actor] of actors) {
      const ids = Object.values(s.dossiers).map((d) => d.id);
      // Deliberately no where-builder: only RLS stands between this query and the data.
      const visible = await withActor(actor.userId, (tx) =>
        tx.dossier.findMany({ where: { id: { in: ids } }, select: { id: true } }),
      );
      for (const [dossierKey, d] of Object.entries(s.dossiers) as [DossierKey, { id: string }][]) {
        const expected = (DOSSIER_ALLOWED['dossier.view']![dossierKey] ?? []).includes(userKey);
        const got = visible.some((v) => v.id === d.id);
        if (got !== expected) mismatches.push(`${userKey} on ${dossierKey}: expected ${expected}, got ${got}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
