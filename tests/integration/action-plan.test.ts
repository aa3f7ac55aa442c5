import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { getCaseConference } from '@/lib/conferences/get-case-conference';
import { completeOwnPlanAction } from '@/lib/plan/complete-own-action';
import { listMyActions } from '@/lib/plan/list-my-actions';
import { addGoal, addPlanAction, changePlanAction, closePlanAction, reopenPlanAction } from '@/lib/plan/manage-plan';
import { appRoleClient, ownerDb } from '../helpers/db';
import { consensusWorld, type ConsensusWorld } from '../helpers/consensus-world';
import { refused } from '../helpers/sql-actor';

/**
 * The case director watches over the action plan (memorandum to art. 15; issue 12 §6; ADR 0034):
 * the coordinator and the case director add, change and close actions; the owner of an action
 * marks it done with a note; nobody else changes it — in the use cases and, as the application
 * role, in the database.
 */
let client: pg.Client;
let w: ConsensusWorld;
let goalId: string;
const REFUSED = /^refused (42501|23514)$|^no rows$/;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  client = await appRoleClient();
  w = await consensusWorld();
  // the CAW participant (a core partner of the house) is the case director
  await ownerDb().caseParticipant.update({ where: { id: w.participations.caw }, data: { isCaseDirector: true } });
  goalId = (await addGoal(w.u.coord.id, w.dossier.id, 'Veiligheid van het slachtoffer')).id;
});
afterAll(async () => {
  await client.end();
});

async function policeAction(dueDate = day(7)) {
  return (
    await addPlanAction(w.u.coord.id, w.dossier.id, {
      goalId,
      description: 'Huisbezoek bij het slachtoffer',
      ownerOrganisationId: w.orgs.police.id,
      ownerUserId: w.u.police.id,
      dueDate,
    })
  ).id;
}
const actionRow = (id: string) => ownerDb().planAction.findUniqueOrThrow({ where: { id } });
const denied = (userId: string, action: string) =>
  ownerDb().auditEvent.count({ where: { actorUserId: userId, action, outcome: 'DENIED' } });

describe('memorandum art. 15: the case director watches over the action plan', () => {
  it('memorandum art. 15: only the case director or coordinator changes an action', async () => {
    // the case director adds a goal and an action, and changes the coordinator's action
    const directorGoal = await addGoal(w.u.caw.id, w.dossier.id, 'Herstel van het gezin');
    const byDirector = await addPlanAction(w.u.caw.id, w.dossier.id, {
      goalId: directorGoal.id,
      description: 'Gezinsbegeleiding opstarten',
      ownerOrganisationId: w.orgs.caw.id,
      dueDate: '',
    });
    expect(await actionRow(byDirector.id)).toMatchObject({ status: 'OPEN', ownerUserId: null });
    const id = await policeAction();
    await changePlanAction(w.u.caw.id, w.dossier.id, id, {
      description: 'Huisbezoek met de wijkagent',
      ownerOrganisationId: w.orgs.police.id,
      ownerUserId: '',
      dueDate: day(3),
    });
    expect(await actionRow(id)).toMatchObject({ description: 'Huisbezoek met de wijkagent', ownerUserId: null });

    // another participant does not: "not found", logged as denied
    const before = await denied(w.u.justice.id, 'plan.manage');
    await expect(addGoal(w.u.justice.id, w.dossier.id, 'Eigen doel')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      addPlanAction(w.u.justice.id, w.dossier.id, {
        goalId,
        description: 'Eigen actie',
        ownerOrganisationId: w.orgs.justice.id,
        dueDate: '',
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      changePlanAction(w.u.justice.id, w.dossier.id, id, {
        description: 'Anders',
        ownerOrganisationId: w.orgs.justice.id,
        dueDate: '',
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      closePlanAction(w.u.justice.id, w.dossier.id, id, { outcome: 'CANCELLED', note: 'Niet meer nodig.' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await denied(w.u.justice.id, 'plan.manage')).toBe(before + 4);
    expect(await actionRow(id)).toMatchObject({ description: 'Huisbezoek met de wijkagent', status: 'OPEN' });

    // the coordinator cancels with a reason (required), and reopens
    await expect(
      closePlanAction(w.u.coord.id, w.dossier.id, id, { outcome: 'CANCELLED', note: '' }),
    ).rejects.toMatchObject({ code: 'VALIDATION', fieldErrors: { note: expect.any(String) } });
    await closePlanAction(w.u.coord.id, w.dossier.id, id, { outcome: 'CANCELLED', note: 'Gezin verhuisd.' });
    expect(await actionRow(id)).toMatchObject({
      status: 'CANCELLED',
      doneByUserId: w.u.coord.id,
      doneNote: 'Gezin verhuisd.',
      done: false,
    });
    await expect(
      changePlanAction(w.u.coord.id, w.dossier.id, id, {
        description: 'Toch',
        ownerOrganisationId: w.orgs.police.id,
        dueDate: '',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await reopenPlanAction(w.u.caw.id, w.dossier.id, id);
    expect(await actionRow(id)).toMatchObject({ status: 'OPEN', doneAt: null, doneByUserId: null, doneNote: null });
  });

  it('memorandum art. 15: the owner person is a participant of the owner organisation in this case', async () => {
    await expect(
      addPlanAction(w.u.coord.id, w.dossier.id, {
        goalId,
        description: 'Verkeerde eigenaar',
        ownerOrganisationId: w.orgs.police.id,
        ownerUserId: w.u.justice.id,
        dueDate: '',
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION', fieldErrors: { ownerUserId: expect.any(String) } });
    // the database holds the same line, also for the owner's connection
    const id = await policeAction();
    await expect(
      ownerDb().planAction.update({ where: { id }, data: { ownerUserId: w.u.outsider.id } }),
    ).rejects.toThrow();
  });

  it('memorandum art. 15: the owner marks their own action done with a note', async () => {
    const id = await policeAction();
    await expect(completeOwnPlanAction(w.u.police.id, id, { note: '' })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    await completeOwnPlanAction(w.u.police.id, id, { note: 'Huisbezoek gedaan op 2/12, alles rustig.' });
    expect(await actionRow(id)).toMatchObject({
      status: 'DONE',
      done: true,
      doneByUserId: w.u.police.id,
      doneNote: 'Huisbezoek gedaan op 2/12, alles rustig.',
    });
    expect(
      await ownerDb().auditEvent.count({
        where: { actorUserId: w.u.police.id, action: 'plan.completeOwn', objectId: id, outcome: 'ALLOWED' },
      }),
    ).toBe(1);
    await expect(completeOwnPlanAction(w.u.police.id, id, { note: 'Nog eens.' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    // an action of the organisation without a person: any participant of that organisation
    const orgAction = await addPlanAction(w.u.caw.id, w.dossier.id, {
      goalId,
      description: 'Verslag van de justitieassistent bezorgen',
      ownerOrganisationId: w.orgs.justice.id,
      dueDate: '',
    });
    await completeOwnPlanAction(w.u.justice.id, orgAction.id, { note: 'Verslag bezorgd.' });
    expect(await actionRow(orgAction.id)).toMatchObject({ status: 'DONE', doneByUserId: w.u.justice.id });
  });

  it('memorandum art. 15: someone else cannot mark an action done — not another participant, not the director as owner, not an outsider', async () => {
    const id = await policeAction();
    for (const user of [w.u.justice, w.u.caw, w.u.outsider, w.u.coord]) {
      await expect(completeOwnPlanAction(user.id, id, { note: 'Gedaan.' }), user.name).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    }
    expect(await actionRow(id)).toMatchObject({ status: 'OPEN', doneNote: null });
    expect(await denied(w.u.justice.id, 'plan.completeOwn')).toBeGreaterThanOrEqual(1);
  });

  it('memorandum art. 15: as the application role, the owner only completes, others do not change an action', async () => {
    const id = await policeAction();
    const done = `UPDATE "PlanAction" SET "status" = 'DONE', "doneAt" = now(), "doneByUserId" = $2, "doneNote" = 'Gedaan, zie verslag.' WHERE "id" = $1`;
    // the owner completes, in their own name, with a note
    expect(await refused(client, w.u.police.id, done, [id, w.u.police.id])).toBe('ALLOWED (1 rows)');
    // ... but not in someone else's name, not without a note, and changes nothing else
    expect(await refused(client, w.u.police.id, done, [id, w.u.justice.id])).toMatch(REFUSED);
    expect(
      await refused(
        client,
        w.u.police.id,
        `UPDATE "PlanAction" SET "status" = 'DONE', "doneAt" = now(), "doneByUserId" = $2 WHERE "id" = $1`,
        [id, w.u.police.id],
      ),
    ).toMatch(REFUSED);
    for (const set of [
      `"description" = 'Anders'`,
      `"dueDate" = '2030-01-01'`,
      // completing and, in the same statement, handing the action to the organisation as a whole
      `"status" = 'DONE', "doneAt" = now(), "doneByUserId" = '${w.u.police.id}', "doneNote" = 'Gedaan.', "ownerUserId" = NULL`,
      `"status" = 'CANCELLED', "doneAt" = now(), "doneByUserId" = '${w.u.police.id}', "doneNote" = 'Niet nodig'`,
    ]) {
      expect(await refused(client, w.u.police.id, `UPDATE "PlanAction" SET ${set} WHERE "id" = $1`, [id]), set).toMatch(
        REFUSED,
      );
    }
    // another participant, an outsider: nothing
    for (const user of [w.u.justice, w.u.outsider]) {
      expect(await refused(client, user.id, done, [id, user.id]), user.name).toMatch(REFUSED);
      expect(
        await refused(client, user.id, `UPDATE "PlanAction" SET "description" = 'Anders' WHERE "id" = $1`, [id]),
      ).toMatch(REFUSED);
    }
    // adding: the coordinator and the case director; not another participant
    const insert = `INSERT INTO "PlanAction" ("goalId", "dossierId", "safeHouseId", "description", "ownerOrganisationId") VALUES ($1, $2, $3, 'Nieuwe actie', $4)`;
    const args = [goalId, w.dossier.id, w.house.id, w.orgs.police.id];
    expect(await refused(client, w.u.justice.id, insert, args)).toMatch(REFUSED);
    expect(await refused(client, w.u.caw.id, insert, args)).toBe('ALLOWED (1 rows)');
    expect(await refused(client, w.u.coord.id, insert, args)).toBe('ALLOWED (1 rows)');
    // the case director and the coordinator change anything
    for (const user of [w.u.caw, w.u.coord]) {
      expect(
        await refused(client, user.id, `UPDATE "PlanAction" SET "description" = 'Anders' WHERE "id" = $1`, [id]),
      ).toBe('ALLOWED (1 rows)');
    }
    // nobody deletes an action (it is cancelled instead)
    expect(await refused(client, w.u.coord.id, `DELETE FROM "PlanAction" WHERE "id" = $1`, [id])).toMatch(REFUSED);
    expect(await actionRow(id)).toMatchObject({ status: 'OPEN', description: 'Huisbezoek bij het slachtoffer' });
  });

  it('memorandum art. 15: "Mijn acties" lists one\'s own actions, open and overdue first', async () => {
    const overdue = await policeAction(day(-2));
    const later = await policeAction(day(30));
    const closed = await policeAction(day(-5));
    await completeOwnPlanAction(w.u.police.id, closed, { note: 'Gedaan.' });
    const mine = await listMyActions(w.u.police.id);
    const ids = mine.map((a) => a.id);
    expect(ids).toEqual(expect.arrayContaining([overdue, later, closed]));
    const first = mine[0]!;
    expect(first.overdue).toBe(true);
    expect(mine.find((a) => a.id === overdue)).toMatchObject({ overdue: true, status: 'OPEN', personal: true });
    expect(mine.find((a) => a.id === later)).toMatchObject({ overdue: false, status: 'OPEN' });
    // closed ones come after every open one
    expect(ids.indexOf(closed)).toBeGreaterThan(ids.indexOf(later));
    expect(mine.find((a) => a.id === closed)).toMatchObject({ overdue: false, status: 'DONE' });
    // other people's actions are not in it; an outsider of the same organisation as the case director sees none
    expect((await listMyActions(w.u.justice.id)).map((a) => a.id)).not.toContain(overdue);
    expect(await listMyActions(w.u.outsider.id)).toEqual([]);
    expect(
      await ownerDb().auditEvent.count({
        where: { actorUserId: w.u.police.id, action: 'actions.listOwn', dossierId: w.dossier.id },
      }),
    ).toBeGreaterThanOrEqual(1);
  });

  it("memorandum art. 15: the workspace shows who may manage the plan and which actions are one's own", async () => {
    const id = await policeAction(day(-1));
    const asDirector = await getCaseConference(w.u.caw.id, w.dossier.id);
    const asPolice = await getCaseConference(w.u.police.id, w.dossier.id);
    const asCoord = await getCaseConference(w.u.coord.id, w.dossier.id);
    expect(asDirector.can.managePlan).toBe(true);
    expect(asCoord.can.managePlan).toBe(true);
    expect(asPolice.can.managePlan).toBe(false);
    const act = asPolice.goals.flatMap((g) => g.actions).find((a) => a.id === id)!;
    expect(act).toMatchObject({ mine: true, overdue: true, ownerPerson: w.u.police.name, status: 'OPEN' });
    expect(asDirector.goals.flatMap((g) => g.actions).find((a) => a.id === id)!.mine).toBe(false);
  });
});
