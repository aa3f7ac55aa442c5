import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { addInformationItem } from '@/lib/conferences/add-information-item';
import { proposeDisclosure } from '@/lib/disclosures/propose-disclosure';
import { castVote } from '@/lib/disclosures/cast-vote';
import { recordMemberVoice } from '@/lib/client-voice/record-member-voice';
import { appRoleClient, ownerDb } from '../helpers/db';
import { asActor, refused } from '../helpers/sql-actor';
import { consensusWorld, type ConsensusWorld } from '../helpers/consensus-world';

/**
 * The second wall for the client system's voice (issue 12 §4; ADR 0037), connected as the
 * application role with a real actor's session: who reads and writes MemberVoice (row-level
 * security per command, column grants, no delete), and the database's own checks on a disclosure —
 * the minor's objection, and when / by whom / how it was given.
 */
let client: pg.Client;
let w: ConsensusWorld;
let other: ConsensusWorld;
let voiceId: string;
let timId: string;
const REFUSED = /^refused (42501|23514)$|^no rows$/;

/** The error message of a refused statement ('' when it went through). */
async function failure(userId: string, sql: string, params: unknown[]): Promise<string> {
  try {
    await asActor(client, userId, sql, params);
    return '';
  } catch (e) {
    return `${(e as { code?: string }).code} ${(e as Error).message}`;
  }
}

const INSERT_VOICE = `INSERT INTO "MemberVoice" ("dossierId", "safeHouseId", "memberId", "updatedByUserId", "consent", "consentAt")
                      VALUES ($1, $2, $3, $4, 'GIVEN', '2026-11-02')`;

beforeAll(async () => {
  client = await appRoleClient();
  w = await consensusWorld();
  other = await consensusWorld();
  timId = (await ownerDb().clientMember.findFirstOrThrow({ where: { dossierId: w.dossier.id, isMinor: true } })).id;
  voiceId = (
    await recordMemberVoice(w.u.coord.id, w.dossier.id, w.victim.id, {
      referralInformed: 'nee',
      referralInformedAt: '',
      referralInformedBy: '',
      referralInformedHow: '',
      referralNotInformedReason: 'Veiligheid: de pleger mag het niet weten.',
      conferenceInformed: '',
      conferenceInformedAt: '',
      conferenceInformedBy: '',
      conferenceInformedHow: '',
      conferenceNotInformedReason: '',
      consent: '',
      consentAt: '',
      consentNote: '',
      view: 'Ze wil veilig thuis blijven.',
      voiceChannel: '',
      representative: '',
      voiceNote: '',
      debriefBy: '',
      debriefAt: '',
    })
  ).id;
});
afterAll(async () => {
  await client.end();
});

describe('art. 4, art. 16: who reads and writes a member\u2019s voice, as the app role', () => {
  it('art. 16: the coordinator and the participants read it; an outsider and another house see no row', async () => {
    const count = async (userId: string) =>
      (
        await asActor(client, userId, `SELECT count(*)::int AS n FROM "MemberVoice" WHERE "dossierId" = $1`, [
          w.dossier.id,
        ])
      ).rows[0].n as number;
    expect(await count(w.u.coord.id)).toBe(1);
    expect(await count(w.u.police.id)).toBe(1);
    expect(await count(w.u.outsider.id)).toBe(0);
    expect(await count(other.u.coord.id)).toBe(0);
  });

  it('art. 16: a participant records in their own name; nobody records in another\u2019s name, outside the case, or deletes', async () => {
    // the legitimate write: a participant, in their own name
    expect(
      (await asActor(client, w.u.police.id, INSERT_VOICE, [w.dossier.id, w.house.id, timId, w.u.police.id])).rowCount,
    ).toBe(1);
    // in someone else's name
    expect(await refused(client, w.u.police.id, INSERT_VOICE, [w.dossier.id, w.house.id, timId, w.u.caw.id])).toMatch(
      REFUSED,
    );
    // not a participant of this case, or another house's coordinator
    expect(
      await refused(client, w.u.outsider.id, INSERT_VOICE, [w.dossier.id, w.house.id, timId, w.u.outsider.id]),
    ).toMatch(REFUSED);
    expect(
      await refused(client, other.u.coord.id, INSERT_VOICE, [w.dossier.id, w.house.id, timId, other.u.coord.id]),
    ).toMatch(REFUSED);
    expect(
      await refused(
        client,
        other.u.coord.id,
        `UPDATE "MemberVoice" SET "consent" = 'REFUSED', "consentAt" = now() WHERE "id" = $1`,
        [voiceId],
      ),
    ).toBe('no rows');
    // a member of another dossier filed under this one
    expect(
      await refused(client, w.u.coord.id, INSERT_VOICE, [w.dossier.id, w.house.id, other.victim.id, w.u.coord.id]),
    ).toMatch(REFUSED);
    // nobody deletes a record, nor moves it to another member or dossier
    expect(await refused(client, w.u.coord.id, `DELETE FROM "MemberVoice" WHERE "id" = $1`, [voiceId])).toMatch(
      REFUSED,
    );
    expect(
      await refused(client, w.u.coord.id, `UPDATE "MemberVoice" SET "memberId" = $2 WHERE "id" = $1`, [voiceId, timId]),
    ).toMatch(REFUSED);
    expect(await ownerDb().memberVoice.findUniqueOrThrow({ where: { id: voiceId } })).toMatchObject({
      memberId: w.victim.id,
      referralInformed: false,
    });
  });

  it('art. 4: "not informed" without a reason, "informed" without when / by whom / how, and consent without a date are refused', async () => {
    const update = (set: string) => `UPDATE "MemberVoice" SET ${set}, "updatedByUserId" = $2 WHERE "id" = $1`;
    for (const set of [
      `"referralNotInformedReason" = ' '`,
      `"referralInformed" = true`,
      `"conferenceInformed" = true, "conferenceInformedAt" = '2026-11-01', "conferenceInformedBy" = 'X'`,
      `"consent" = 'WITHDRAWN'`,
      `"consent" = 'NOT_ASKED'`,
      `"voiceChannel" = 'TRUSTED_PERSON'`,
    ]) {
      expect(await refused(client, w.u.coord.id, update(set), [voiceId, w.u.coord.id]), set).toBe('refused 23514');
    }
    // the same record, completed, is accepted
    expect(
      (
        await asActor(client, w.u.coord.id, update(`"consent" = 'WITHDRAWN', "consentAt" = '2026-11-20'`), [
          voiceId,
          w.u.coord.id,
        ])
      ).rowCount,
    ).toBe(1);
  });
});

describe('minors and given disclosures, as the app role', () => {
  it("seed 002: a proposal to a minor without the minor's objection weighed is refused by the database", async () => {
    const insert = (objection: string | null, note: string | null) =>
      failure(
        w.u.police.id,
        `INSERT INTO "DisclosureProposal" ("dossierId", "safeHouseId", "kind", "proposedByUserId", "memberId", "sharerUserId", "ground",
                                           "necessity", "agendaItemId", "minorObjection", "minorObjectionNote")
         VALUES ($1, $2, 'CLIENT_MEMBER', $3, $4, $3, 'SAFETY', 'voor zijn veiligheid', $5, $6::"MinorObjection", $7)`,
        [w.dossier.id, w.house.id, w.u.police.id, timId, w.agendaItem.id, objection, note],
      );
    expect(await insert(null, null)).toMatch(/^23514 .*minor/);
    expect(await insert('NOT_CONCERNED', null)).toMatch(/^23514 .*minor/);
    expect(await insert('OBJECTS', null)).toMatch(/^23514 .*minor_objection_weighed/);
    // weighed: the objection check passes (what remains is the consensus wall's: no voters frozen)
    expect(await insert('OBJECTS', 'Afgewogen tegen zijn veiligheid.')).not.toMatch(/minor/);
  });

  it('art. 14 §2: information is marked as given to a member only with when, how and by the named sharer', async () => {
    const item = await addInformationItem(w.u.police.id, w.dossier.id, {
      category: '11',
      concernsMemberId: w.victim.id,
      content: 'Afspraak met de wijkagent.',
    });
    const p = await proposeDisclosure(w.u.police.id, w.dossier.id, {
      kind: 'CLIENT_MEMBER',
      memberId: w.victim.id,
      recipient: '',
      itemIds: [item.id],
      sharerUserId: w.u.caw.id,
      ground: 'SAFETY',
      goalId: '',
      necessity: 'Het slachtoffer moet de afspraak kennen.',
    });
    for (const u of [w.u.police, w.u.justice, w.u.caw, w.u.coord]) await castVote(u.id, p.id, 'AGREE');
    const share = (set: string) =>
      failure(
        w.u.caw.id,
        `UPDATE "DisclosureProposal" SET "status" = 'SHARED', "sharedAt" = now()${set} WHERE "id" = $1`,
        [p.id],
      );
    expect(await share('')).toMatch(/^23514 .*given_to_member/);
    expect(await share(`, "givenAt" = now(), "givenByUserId" = '${w.u.police.id}', "givenHow" = 'gesprek'`)).toMatch(
      /^23514 .*given_to_member/,
    );
    expect(
      await share(`, "givenAt" = now() + interval '1 day', "givenByUserId" = '${w.u.caw.id}', "givenHow" = 'gesprek'`),
    ).toMatch(/^23514 .*given_to_member/);
    expect(await share(`, "givenAt" = now(), "givenByUserId" = '${w.u.caw.id}', "givenHow" = 'gesprek'`)).toBe('');
    // what was given is not written before the sharing, nor rewritten afterwards
    expect(
      await failure(w.u.caw.id, `UPDATE "DisclosureProposal" SET "givenHow" = 'brief' WHERE "id" = $1`, [p.id]),
    ).toMatch(/^(42501|23514) /);
    expect((await ownerDb().disclosureProposal.findUniqueOrThrow({ where: { id: p.id } })).status).toBe('APPROVED');
  });
});
