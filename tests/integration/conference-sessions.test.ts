import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { addInformationItem } from '@/lib/conferences/add-information-item';
import { correctInformationItem } from '@/lib/conferences/correct-information-item';
import { openSession } from '@/lib/conferences/open-session';
import { closeSession } from '@/lib/conferences/close-session';
import { savePreparationNote } from '@/lib/conferences/save-preparation-note';
import { deletePreparationNote } from '@/lib/conferences/delete-preparation-note';
import { bringInPreparationNote } from '@/lib/conferences/bring-in-preparation-note';
import { getCaseConference } from '@/lib/conferences/get-case-conference';
import { addGoal, addPlanAction } from '@/lib/plan/manage-plan';
import { proposeDisclosure } from '@/lib/disclosures/propose-disclosure';
import { castVote } from '@/lib/disclosures/cast-vote';
import { appRoleClient, ownerDb } from '../helpers/db';
import { consensusWorld, type ConsensusWorld } from '../helpers/consensus-world';
import { asActor, refused } from '../helpers/sql-actor';

/**
 * Art. 13 (and art. 15 §1 third para 1°): information is shared AT the case conference. A session
 * is planned, opened and closed by the coordinator of its safe house — only forward. Participants
 * bring in information and vote only while a session with their case on its agenda is open, and
 * what they bring in belongs to that session. Before it, each prepares private notes (ADR 0033).
 */
let client: pg.Client;
beforeAll(async () => {
  client = await appRoleClient();
});
afterAll(async () => {
  await client.end();
});

const info = (content: string, concernsMemberId = '') => ({ category: '9', concernsMemberId, content });
const noteValues = (noteContent: string, noteMemberId = '') => ({ noteCategory: '9', noteMemberId, noteContent });
const REFUSED = /^refused (42501|23514|55000)$|^no rows$/;

/** A consensus world whose session is still PLANNED. */
const plannedWorld = () => consensusWorld({ sessionState: 'PLANNED' });
const sessionOf = (w: ConsensusWorld) => ownerDb().conferenceSession.findUniqueOrThrow({ where: { id: w.session.id } });

describe('art. 13: a session is planned, opened and closed by the coordinator — only forward', () => {
  it('art. 13: states only move forward: planned -> open -> closed, with who and when', async () => {
    const w = await plannedWorld();
    const opened = new Date('2026-12-05T09:00:00Z');
    await openSession(w.u.coord.id, w.session.id, opened);
    expect(await sessionOf(w)).toMatchObject({ state: 'OPEN', openedAt: opened, openedByUserId: w.u.coord.id });
    await expect(openSession(w.u.coord.id, w.session.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    const closed = new Date('2026-12-05T10:30:00Z');
    await closeSession(w.u.coord.id, w.session.id, closed);
    expect(await sessionOf(w)).toMatchObject({ state: 'CLOSED', closedAt: closed, closedByUserId: w.u.coord.id });
    await expect(openSession(w.u.coord.id, w.session.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(closeSession(w.u.coord.id, w.session.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    // the database refuses a step back or a skipped step, even for the owner
    await expect(
      ownerDb()
        .$executeRaw`UPDATE "ConferenceSession" SET "state" = 'OPEN', "closedAt" = NULL, "closedByUserId" = NULL WHERE "id" = ${w.session.id}::uuid`,
    ).rejects.toThrow(/only planned -> open -> closed/);
    const other = await plannedWorld();
    await expect(
      ownerDb()
        .$executeRaw`UPDATE "ConferenceSession" SET "state" = 'CLOSED', "openedAt" = now(), "openedByUserId" = "createdByUserId", "closedAt" = now(), "closedByUserId" = "createdByUserId" WHERE "id" = ${other.session.id}::uuid`,
    ).rejects.toThrow(/only planned -> open -> closed/);
    // and a state without its stamps
    await expect(
      ownerDb().$executeRaw`UPDATE "ConferenceSession" SET "state" = 'OPEN' WHERE "id" = ${other.session.id}::uuid`,
    ).rejects.toThrow(/ConferenceSession_state_stamps/);
  });

  it('art. 13: only the coordinator of its safe house opens and closes a session', async () => {
    const w = await plannedWorld();
    const elsewhere = await plannedWorld();
    // a participant: not their role
    await expect(openSession(w.u.police.id, w.session.id)).rejects.toMatchObject({ code: 'FORBIDDEN_ACTION' });
    // the coordinator of another safe house: the session does not exist for them
    await expect(openSession(elsewhere.u.coord.id, w.session.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await sessionOf(w)).state).toBe('PLANNED');
    // the second wall: as the app role neither the participant nor the other coordinator moves it
    const open = `UPDATE "ConferenceSession" SET "state" = 'OPEN', "openedAt" = now(), "openedByUserId" = $2 WHERE "id" = $1`;
    expect(await refused(client, w.u.police.id, open, [w.session.id, w.u.police.id])).toMatch(REFUSED);
    expect(await refused(client, elsewhere.u.coord.id, open, [w.session.id, elsewhere.u.coord.id])).toMatch(REFUSED);
    // the coordinator does, but only in their own name, and creates sessions only as planned
    expect(await refused(client, w.u.coord.id, open, [w.session.id, w.u.police.id])).toMatch(REFUSED);
    expect((await asActor(client, w.u.coord.id, open, [w.session.id, w.u.coord.id])).rowCount).toBe(1);
    expect(
      await refused(
        client,
        w.u.coord.id,
        `INSERT INTO "ConferenceSession" ("safeHouseId", "startsAt", "endsAt", "location", "createdByUserId", "state", "openedAt", "openedByUserId")
         VALUES ($1, now(), now() + interval '1 hour', 'Zaal', $2, 'OPEN', now(), $2)`,
        [w.house.id, w.u.coord.id],
      ),
    ).toMatch(REFUSED);
  });
});

describe('art. 13: information is brought in and votes are cast only during an open session', () => {
  it('art. 13: no information item outside an open session; an item is tied to the open session', async () => {
    const w = await plannedWorld();
    await expect(addInformationItem(w.u.police.id, w.dossier.id, info('Te vroeg.'))).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await openSession(w.u.coord.id, w.session.id);
    const item = await addInformationItem(w.u.police.id, w.dossier.id, info('Klacht op 3/11.'));
    expect(await ownerDb().informationItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({
      agendaItemId: w.agendaItem.id,
    });
    await closeSession(w.u.coord.id, w.session.id);
    await expect(addInformationItem(w.u.police.id, w.dossier.id, info('Te laat.'))).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(await ownerDb().informationItem.count({ where: { dossierId: w.dossier.id } })).toBe(1);
    // art. 15 §2: the right to correct one's own information stays after the session
    await correctInformationItem(w.u.police.id, item.id, { ...info('Klacht op 4/11.'), reason: 'Datum was fout.' });
    expect(await ownerDb().informationItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({
      content: 'Klacht op 4/11.',
      agendaItemId: w.agendaItem.id,
    });
  });

  it('art. 13: the database accepts an item only on the agenda item of an open session of the same case', async () => {
    const w = await plannedWorld();
    const other = await consensusWorld();
    const insert = `INSERT INTO "InformationItem" ("dossierId", "safeHouseId", "agendaItemId", "organisationId", "authorUserId", "category", "content") VALUES ($1, $2, $3, $4, $5, 11, 'x')`;
    const as = (agendaItemId: string | null) => [
      w.dossier.id,
      w.house.id,
      agendaItemId,
      w.u.police.organisationId,
      w.u.police.id,
    ];
    // no session, a planned session, and the open session of ANOTHER case
    expect(await refused(client, w.u.police.id, insert, as(null))).toBe('refused 55000');
    expect(await refused(client, w.u.police.id, insert, as(w.agendaItem.id))).toBe('refused 55000');
    expect(await refused(client, w.u.police.id, insert, as(other.agendaItem.id))).toMatch(/^refused/);
    await openSession(w.u.coord.id, w.session.id);
    expect((await asActor(client, w.u.police.id, insert, as(w.agendaItem.id))).rowCount).toBe(1);
    // the session an item was brought in at never changes
    const item = await addInformationItem(w.u.police.id, w.dossier.id, info('Klacht.'));
    expect(
      await refused(client, w.u.police.id, `UPDATE "InformationItem" SET "agendaItemId" = NULL WHERE "id" = $1`, [
        item.id,
      ]),
    ).toMatch(REFUSED);
  });

  it('art. 13: no proposal and no vote outside an open session', async () => {
    const w = await consensusWorld();
    const item = await addInformationItem(w.u.police.id, w.dossier.id, info('Contactverbod.', w.victim.id));
    const proposal = await proposeDisclosure(w.u.police.id, w.dossier.id, {
      kind: 'CLIENT_MEMBER',
      memberId: w.victim.id,
      recipient: '',
      sharerUserId: w.u.police.id,
      ground: 'SAFETY',
      goalId: '',
      necessity: 'Het slachtoffer moet weten dat er een contactverbod is.',
      itemIds: [item.id],
    });
    expect((await ownerDb().disclosureProposal.findUniqueOrThrow({ where: { id: proposal.id } })).agendaItemId).toBe(
      w.agendaItem.id,
    );
    await castVote(w.u.police.id, proposal.id, 'AGREE');
    await closeSession(w.u.coord.id, w.session.id);
    await expect(castVote(w.u.justice.id, proposal.id, 'AGREE')).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await ownerDb().disclosureVote.count({ where: { proposalId: proposal.id } })).toBe(1);
    // the second wall: the vote is refused by the database too
    expect(
      await refused(
        client,
        w.u.justice.id,
        `INSERT INTO "DisclosureVote" ("proposalId", "dossierId", "safeHouseId", "userId", "vote") VALUES ($1, $2, $3, $4, 'AGREE')`,
        [proposal.id, w.dossier.id, w.house.id, w.u.justice.id],
      ),
    ).toBe('refused 55000');
    await expect(
      proposeDisclosure(w.u.police.id, w.dossier.id, {
        kind: 'CLIENT_MEMBER',
        memberId: w.victim.id,
        recipient: '',
        sharerUserId: w.u.police.id,
        ground: 'SAFETY',
        goalId: '',
        necessity: 'Nog een keer, na het overleg.',
        itemIds: [item.id],
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('art. 13: an action of the plan records the session it was agreed at', async () => {
    const w = await consensusWorld();
    const goal = await addGoal(w.u.coord.id, w.dossier.id, 'Veiligheid van het slachtoffer');
    const action = await addPlanAction(w.u.coord.id, w.dossier.id, {
      goalId: goal.id,
      description: 'Contactverbod opvolgen',
      ownerOrganisationId: w.orgs.police.id,
      dueDate: '',
    });
    expect((await ownerDb().planAction.findUniqueOrThrow({ where: { id: action.id } })).agendaItemId).toBe(
      w.agendaItem.id,
    );
  });
});

describe('art. 13, ADR 0033: private preparation notes', () => {
  it('art. 13: a preparation note is seen only by its author — as the app role even the coordinator gets 0 rows', async () => {
    const w = await plannedWorld();
    const note = await savePreparationNote(w.u.police.id, w.dossier.id, noteValues('Te vermelden: klacht 3/11.'));
    const select = `SELECT "id" FROM "PreparationNote" WHERE "dossierId" = $1`;
    expect((await asActor(client, w.u.police.id, select, [w.dossier.id])).rowCount).toBe(1);
    expect((await asActor(client, w.u.coord.id, select, [w.dossier.id])).rowCount).toBe(0);
    expect((await asActor(client, w.u.justice.id, select, [w.dossier.id])).rowCount).toBe(0);
    // nor can another participant change, delete or forge one
    expect(
      await refused(client, w.u.justice.id, `UPDATE "PreparationNote" SET "content" = 'vervalst' WHERE "id" = $1`, [
        note.id,
      ]),
    ).toMatch(REFUSED);
    expect(await refused(client, w.u.coord.id, `DELETE FROM "PreparationNote" WHERE "id" = $1`, [note.id])).toMatch(
      REFUSED,
    );
    expect(
      await refused(
        client,
        w.u.justice.id,
        `INSERT INTO "PreparationNote" ("dossierId", "safeHouseId", "authorUserId", "category", "content") VALUES ($1, $2, $3, 9, 'x')`,
        [w.dossier.id, w.house.id, w.u.police.id],
      ),
    ).toMatch(REFUSED);
    // a non-participant (the outsider) cannot write one even in their own name; the use case refuses the coordinator
    expect(
      await refused(
        client,
        w.u.outsider.id,
        `INSERT INTO "PreparationNote" ("dossierId", "safeHouseId", "authorUserId", "category", "content") VALUES ($1, $2, $3, 9, 'x')`,
        [w.dossier.id, w.house.id, w.u.outsider.id],
      ),
    ).toMatch(REFUSED);
    await expect(
      savePreparationNote(w.u.coord.id, w.dossier.id, noteValues('Nota van de voorzitter.')),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // the workspace shows each participant only their own notes
    const mine = await getCaseConference(w.u.police.id, w.dossier.id);
    const theirs = await getCaseConference(w.u.justice.id, w.dossier.id);
    expect(mine.notes.map((n) => n.id)).toEqual([note.id]);
    expect(theirs.notes).toEqual([]);
    // the author rewrites and deletes their own
    await savePreparationNote(w.u.police.id, w.dossier.id, noteValues('Klacht 3/11 en 5/11.'), note.id);
    expect((await ownerDb().preparationNote.findUniqueOrThrow({ where: { id: note.id } })).content).toBe(
      'Klacht 3/11 en 5/11.',
    );
    await expect(deletePreparationNote(w.u.justice.id, w.dossier.id, note.id)).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    await deletePreparationNote(w.u.police.id, w.dossier.id, note.id);
    expect(await ownerDb().preparationNote.count({ where: { id: note.id } })).toBe(0);
  });

  it('art. 13: bringing a note in during the open session makes it information of that session and deletes the note', async () => {
    const w = await plannedWorld();
    const note = await savePreparationNote(w.u.police.id, w.dossier.id, noteValues('Klacht op 3/11.', w.victim.id));
    // before the session: it stays private
    await expect(bringInPreparationNote(w.u.police.id, w.dossier.id, note.id)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(await ownerDb().preparationNote.count({ where: { id: note.id } })).toBe(1);
    await openSession(w.u.coord.id, w.session.id);
    // only the author brings it in
    await expect(bringInPreparationNote(w.u.justice.id, w.dossier.id, note.id)).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    const item = await bringInPreparationNote(w.u.police.id, w.dossier.id, note.id);
    expect(await ownerDb().informationItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({
      agendaItemId: w.agendaItem.id,
      organisationId: w.orgs.police.id,
      authorUserId: w.u.police.id,
      category: 9,
      concernsMemberId: w.victim.id,
      content: 'Klacht op 3/11.',
    });
    expect(await ownerDb().preparationNote.count({ where: { id: note.id } })).toBe(0);
    // everyone on the case now sees it
    const seen = await getCaseConference(w.u.justice.id, w.dossier.id);
    expect(seen.items.map((i) => i.id)).toContain(item.id);
  });
});
