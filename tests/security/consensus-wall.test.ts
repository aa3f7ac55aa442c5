import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { addInformationItem } from '@/lib/conferences/add-information-item';
import { leaveCase } from '@/lib/conferences/acknowledge-secrecy';
import { proposeDisclosure } from '@/lib/disclosures/propose-disclosure';
import { castVote } from '@/lib/disclosures/cast-vote';
import { proposeRetentionExtension } from '@/lib/closure/propose-retention-extension';
import { appRoleClient, ownerDb } from '../helpers/db';
import { refused } from '../helpers/sql-actor';
import { consensusWorld, type ConsensusWorld } from '../helpers/consensus-world';

/**
 * The consensus rules hold in the database too (ADR 0014): connected as the application role
 * with a real actor's settings, a forged write that bypasses lib/consensus is refused.
 */
let client: pg.Client;
let w: ConsensusWorld;
let proposalId: string;
let justiceItem: string;
let extensionId: string;

beforeAll(async () => {
  client = await appRoleClient();
  w = await consensusWorld();
  const police = await addInformationItem(w.u.police.id, w.dossier.id, {
    category: '9',
    concernsMemberId: w.victim.id,
    content: 'Klacht op 3/11.',
  });
  justiceItem = (
    await addInformationItem(w.u.justice.id, w.dossier.id, {
      category: '9',
      concernsMemberId: w.victim.id,
      content: 'Voorwaarden.',
    })
  ).id;
  proposalId = (
    await proposeDisclosure(w.u.police.id, w.dossier.id, {
      kind: 'CLIENT_MEMBER',
      memberId: w.victim.id,
      recipient: '',
      itemIds: [police.id],
      sharerUserId: w.u.caw.id,
      ground: 'SAFETY',
      goalId: '',
      necessity: 'Het slachtoffer moet dit weten voor haar veiligheid.',
    })
  ).id;
  await castVote(w.u.police.id, proposalId, 'AGREE');
  extensionId = (
    await proposeRetentionExtension(w.u.coord.id, w.dossier.id, {
      years: '20',
      ground: 'VERY_SERIOUS_FACTS',
      groundNote: 'Zeer ernstige feiten.',
      agendaItemId: w.agendaItem.id,
    })
  ).id;
});
afterAll(async () => {
  await client.end();
});

describe('art. 14 §2 in the database: nothing bypasses the consensus', () => {
  it('art. 14 §2: a proposal cannot be approved, shared or blocked by an UPDATE without the votes', async () => {
    for (const user of [w.u.police, w.u.caw, w.u.coord]) {
      expect(
        await refused(
          client,
          user.id,
          `UPDATE "DisclosureProposal" SET "status" = 'APPROVED', "decidedAt" = now() WHERE "id" = $1`,
          [proposalId],
        ),
      ).toMatch(/^refused (42501|23514|55000)$|^no rows$/);
      expect(
        await refused(
          client,
          user.id,
          `UPDATE "DisclosureProposal" SET "status" = 'SHARED', "sharedAt" = now() WHERE "id" = $1`,
          [proposalId],
        ),
      ).toMatch(/^refused (42501|23514|55000)$|^no rows$/);
      expect(
        await refused(client, user.id, `UPDATE "DisclosureProposal" SET "status" = 'BLOCKED' WHERE "id" = $1`, [
          proposalId,
        ]),
      ).toMatch(/^refused (42501|23514|55000)$|^no rows$/);
      expect(
        await refused(client, user.id, `UPDATE "RetentionExtension" SET "status" = 'APPROVED' WHERE "id" = $1`, [
          extensionId,
        ]),
      ).toMatch(/^refused (42501|23514|55000)$|^no rows$/);
    }
    expect((await ownerDb().disclosureProposal.findUniqueOrThrow({ where: { id: proposalId } })).status).toBe('OPEN');
  });

  it('art. 14 §2: what was proposed cannot be changed afterwards', async () => {
    expect(
      await refused(
        client,
        w.u.police.id,
        `UPDATE "DisclosureProposal" SET "necessity" = 'iets anders', "sharerUserId" = $2 WHERE "id" = $1`,
        [proposalId, w.u.police.id],
      ),
    ).toMatch(/^refused (42501|23514|55000)$/);
    expect(
      await refused(client, w.u.coord.id, `UPDATE "RetentionExtension" SET "years" = 30 WHERE "id" = $1`, [
        extensionId,
      ]),
    ).toMatch(/^refused (42501|23514|55000)$/);
  });

  it('art. 14 §2: nobody votes for someone else, changes or deletes a vote, or adds themself to the voters', async () => {
    const vote = `INSERT INTO "DisclosureVote" ("proposalId", "dossierId", "safeHouseId", "userId", "vote") VALUES ($1, $2, $3, $4, 'AGREE')`;
    expect(await refused(client, w.u.police.id, vote, [proposalId, w.dossier.id, w.house.id, w.u.caw.id])).toMatch(
      /^refused (42501|23514|55000)$/,
    );
    expect(
      await refused(client, w.u.police.id, `UPDATE "DisclosureVote" SET "vote" = 'OBJECT' WHERE "proposalId" = $1`, [
        proposalId,
      ]),
    ).toMatch(/^refused (42501|23514|55000)$/);
    expect(
      await refused(client, w.u.police.id, `DELETE FROM "DisclosureVote" WHERE "proposalId" = $1`, [proposalId]),
    ).toMatch(/^refused (42501|23514|55000)$/);
    expect(
      await refused(client, w.u.coord.id, `DELETE FROM "DisclosureVoter" WHERE "proposalId" = $1`, [proposalId]),
    ).toMatch(/^refused (42501|23514|55000)$/);
    expect(
      await refused(
        client,
        w.u.outsider.id,
        `INSERT INTO "DisclosureVoter" ("proposalId", "dossierId", "safeHouseId", "userId", "organisationId", "capacity") VALUES ($1, $2, $3, $4, $5, 'PARTICIPANT')`,
        [proposalId, w.dossier.id, w.house.id, w.u.outsider.id, w.u.outsider.organisationId],
      ),
    ).toMatch(/^refused (42501|23514|55000)$/);
  });

  it('art. 14 §2: an item of an organisation outside the frozen voters cannot be slipped into a proposal', async () => {
    // the justice house leaves; its item may not be added to any proposal
    const fresh = await consensusWorld();
    const item = await addInformationItem(fresh.u.justice.id, fresh.dossier.id, {
      category: '9',
      concernsMemberId: fresh.victim.id,
      content: 'Voorwaarden.',
    });
    const own = await addInformationItem(fresh.u.police.id, fresh.dossier.id, {
      category: '9',
      concernsMemberId: fresh.victim.id,
      content: 'Klacht.',
    });
    await leaveCase(fresh.u.justice.id, fresh.participations.justice);
    const p = await proposeDisclosure(fresh.u.police.id, fresh.dossier.id, {
      kind: 'CLIENT_MEMBER',
      memberId: fresh.victim.id,
      recipient: '',
      itemIds: [own.id],
      sharerUserId: fresh.u.caw.id,
      ground: 'SAFETY',
      goalId: '',
      necessity: 'Het slachtoffer moet dit weten voor haar veiligheid.',
    });
    expect(
      await refused(
        client,
        fresh.u.police.id,
        `INSERT INTO "DisclosureItem" ("proposalId", "informationItemId", "dossierId", "safeHouseId") VALUES ($1, $2, $3, $4)`,
        [p.id, item.id, fresh.dossier.id, fresh.house.id],
      ),
    ).toMatch(/^refused (42501|23514|55000)$/);
    // nor into a proposal made with a voter set that leaves someone out
    expect(
      await refused(
        client,
        w.u.caw.id,
        `INSERT INTO "DisclosureItem" ("proposalId", "informationItemId", "dossierId", "safeHouseId") VALUES ($1, $2, $3, $4)`,
        [proposalId, justiceItem, w.dossier.id, w.house.id],
      ),
    ).toMatch(/^refused (42501|23514|55000)$/);
  });

  it('art. 14 §2: a proposal without every participant and the chair among its voters does not commit', async () => {
    const sql = `WITH p AS (INSERT INTO "DisclosureProposal" ("dossierId", "safeHouseId", "kind", "proposedByUserId", "memberId", "sharerUserId", "ground", "necessity", "agendaItemId")
                   VALUES ($1, $2, 'CLIENT_MEMBER', $3, $4, $3, 'SAFETY', 'zonder stemgerechtigden', $5) RETURNING "id")
                 INSERT INTO "DisclosureVoter" ("proposalId", "dossierId", "safeHouseId", "userId", "organisationId", "capacity")
                 SELECT p."id", $1, $2, $3, $6, 'PARTICIPANT' FROM p`;
    expect(
      await refused(client, w.u.police.id, sql, [
        w.dossier.id,
        w.house.id,
        w.u.police.id,
        w.victim.id,
        w.agendaItem.id,
        w.u.police.organisationId,
      ]),
    ).toMatch(/^refused (42501|23514|55000)$/);
  });
});
