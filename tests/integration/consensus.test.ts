import { describe, expect, it } from 'vitest';
import { addInformationItem } from '@/lib/conferences/add-information-item';
import { leaveCase } from '@/lib/conferences/acknowledge-secrecy';
import { proposeDisclosure } from '@/lib/disclosures/propose-disclosure';
import { castVote, withdrawDisclosure } from '@/lib/disclosures/cast-vote';
import { markDisclosureShared } from '@/lib/disclosures/mark-shared';
import { proposeRetentionExtension } from '@/lib/closure/propose-retention-extension';
import { voteRetentionExtension } from '@/lib/closure/vote-retention-extension';
import { closeDossier } from '@/lib/closure/close-dossier';
import { ownerDb } from '../helpers/db';
import { sessionStateData } from '../helpers/scenario';
import { consensusWorld, type ConsensusWorld } from '../helpers/consensus-world';

const toVictim = (w: ConsensusWorld, itemIds: string[], sharer = w.u.caw.id) => ({
  kind: 'CLIENT_MEMBER',
  memberId: w.victim.id,
  recipient: '',
  itemIds,
  sharerUserId: sharer,
  ground: 'SAFETY',
  goalId: '',
  necessity: 'Het slachtoffer moet weten dat er een contactverbod geldt.',
});
const itemFrom = (w: ConsensusWorld, user: { id: string }, content = 'Contactverbod opgelegd op 3/11.') =>
  addInformationItem(user.id, w.dossier.id, { category: '9', concernsMemberId: w.victim.id, content });
const status = async (id: string) => (await ownerDb().disclosureProposal.findUniqueOrThrow({ where: { id } })).status;

describe('art. 14 §2: the voters are frozen when a disclosure is proposed', () => {
  it('art. 14 §2: removing a participant who has not voted never approves the proposal', async () => {
    const w = await consensusWorld();
    const item = await itemFrom(w, w.u.police);
    const p = await proposeDisclosure(w.u.police.id, w.dossier.id, toVictim(w, [item.id]));
    for (const u of [w.u.police, w.u.caw, w.u.coord]) await castVote(u.id, p.id, 'AGREE');
    expect(await status(p.id)).toBe('OPEN');
    // the coordinator removes the justice house, which had not voted
    await leaveCase(w.u.coord.id, w.participations.justice);
    expect(await status(p.id)).toBe('OPEN');
    await expect(markDisclosureShared(w.u.caw.id, p.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    // a participant who joins later is not among the voters and cannot tip it either
    await expect(castVote(w.u.outsider.id, p.id, 'AGREE')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await status(p.id)).toBe('OPEN');
  });

  it('art. 14 §2: information of an organisation that left can never be disclosed without it', async () => {
    const w = await consensusWorld();
    const justiceItem = await itemFrom(w, w.u.justice, 'Voorwaarden van de justitieassistent.');
    const open = await proposeDisclosure(w.u.caw.id, w.dossier.id, toVictim(w, [justiceItem.id]));
    await leaveCase(w.u.justice.id, w.participations.justice);
    // its open proposal can no longer be approved by the others
    for (const u of [w.u.police, w.u.caw, w.u.coord]) await castVote(u.id, open.id, 'AGREE');
    expect(await status(open.id)).toBe('OPEN');
    await withdrawDisclosure(w.u.coord.id, open.id);
    // and a new proposal with its item is refused by name
    const err = await proposeDisclosure(w.u.caw.id, w.dossier.id, toVictim(w, [justiceItem.id])).catch((e) => e);
    expect(err).toMatchObject({ code: 'VALIDATION' });
    expect(err.fieldErrors.itemIds).toMatch(/niet meer deelneemt/);
  });

  it('a malformed proposal id is "not found", never a database error', async () => {
    const w = await consensusWorld();
    await expect(castVote(w.u.police.id, "x' OR 1=1 --", 'AGREE')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(withdrawDisclosure(w.u.police.id, 'geen-uuid')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(voteRetentionExtension(w.u.coord.id, '123', 'AGREE')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it("art. 14 §2: the chairing coordinator's agreement is needed and their objection blocks", async () => {
    const w = await consensusWorld();
    const item = await itemFrom(w, w.u.police);
    const p = await proposeDisclosure(w.u.police.id, w.dossier.id, toVictim(w, [item.id]));
    for (const u of [w.u.police, w.u.justice, w.u.caw]) await castVote(u.id, p.id, 'AGREE');
    expect(await status(p.id)).toBe('OPEN');
    expect((await castVote(w.u.coord.id, p.id, 'OBJECT')).status).toBe('BLOCKED');
    await expect(castVote(w.u.coord.id, p.id, 'AGREE')).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('art. 14 §2: concurrent votes and a concurrent removal in parallel connections lose nothing', async () => {
    const w = await consensusWorld();
    const item = await itemFrom(w, w.u.police);
    const p = await proposeDisclosure(w.u.police.id, w.dossier.id, toVictim(w, [item.id]));
    const results = await Promise.allSettled([
      castVote(w.u.police.id, p.id, 'AGREE'),
      castVote(w.u.justice.id, p.id, 'AGREE'),
      castVote(w.u.caw.id, p.id, 'AGREE'),
      castVote(w.u.coord.id, p.id, 'AGREE'),
      leaveCase(w.u.coord.id, w.participations.justice),
    ]);
    expect(results[4]!.status).toBe('fulfilled');
    const votes = await ownerDb().disclosureVote.findMany({ where: { proposalId: p.id } });
    // every vote that was accepted is stored, exactly once; none that was refused
    const accepted = results.slice(0, 4).filter((r) => r.status === 'fulfilled').length;
    expect(votes).toHaveLength(accepted);
    expect(new Set(votes.map((v) => v.userId)).size).toBe(votes.length);
    const justiceVoted = votes.some((v) => v.userId === w.u.justice.id);
    // whatever the interleaving: approved only if the justice house agreed before it was removed
    expect(await status(p.id)).toBe(justiceVoted ? 'APPROVED' : 'OPEN');
    expect(accepted).toBe(justiceVoted ? 4 : 3);
  });
});

describe('art. 15 §3: a longer retention by consensus at the closing conference', () => {
  const extension = (w: ConsensusWorld, agendaItemId = w.agendaItem.id) => ({
    years: '25',
    ground: 'HONOUR_RELATED_VIOLENCE',
    groundNote: 'Eergerelateerd geweld met blijvend risico.',
    agendaItemId,
  });
  const close = (w: ConsensusWorld, extensionId: string, agendaItemId = w.agendaItem.id) => ({
    agendaItemId,
    reasons: 'Doelen van het plan van aanpak bereikt.',
    years: '15',
    shorterReason: '',
    extensionId,
  });

  it('art. 15 §3: removing a participant who has not voted never approves the extension', async () => {
    const w = await consensusWorld();
    const ext = await proposeRetentionExtension(w.u.coord.id, w.dossier.id, extension(w));
    for (const u of [w.u.police, w.u.caw, w.u.coord]) await voteRetentionExtension(u.id, ext.id, 'AGREE');
    await leaveCase(w.u.coord.id, w.participations.justice);
    expect((await ownerDb().retentionExtension.findUniqueOrThrow({ where: { id: ext.id } })).status).toBe('OPEN');
    await expect(closeDossier(w.u.coord.id, w.dossier.id, close(w, ext.id))).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('art. 15 §3: an extension approved at an earlier session does not carry over to the closing conference', async () => {
    const w = await consensusWorld({ sessionStartsAt: new Date(Date.now() - 30 * 86_400_000) });
    const ext = await proposeRetentionExtension(w.u.coord.id, w.dossier.id, extension(w));
    for (const u of [w.u.police, w.u.justice, w.u.caw, w.u.coord]) await voteRetentionExtension(u.id, ext.id, 'AGREE');
    expect((await ownerDb().retentionExtension.findUniqueOrThrow({ where: { id: ext.id } })).status).toBe('APPROVED');
    const closingStart = new Date(Date.now() - 3_600_000);
    const closing = await ownerDb().conferenceSession.create({
      data: {
        safeHouseId: w.house.id,
        startsAt: closingStart,
        endsAt: new Date(),
        location: 'Afrondingstafel',
        createdByUserId: w.u.coord.id,
        ...sessionStateData('OPEN', w.u.coord.id, closingStart, new Date()),
      },
    });
    const closingItem = await ownerDb().agendaItem.create({
      data: { sessionId: closing.id, dossierId: w.dossier.id, safeHouseId: w.house.id },
    });
    await expect(closeDossier(w.u.coord.id, w.dossier.id, close(w, ext.id, closingItem.id))).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    // decided again at the closing conference itself, it counts
    const again = await proposeRetentionExtension(w.u.coord.id, w.dossier.id, extension(w, closingItem.id));
    for (const u of [w.u.police, w.u.justice, w.u.caw, w.u.coord])
      await voteRetentionExtension(u.id, again.id, 'AGREE');
    const closed = await closeDossier(w.u.coord.id, w.dossier.id, close(w, again.id, closingItem.id));
    expect(closed.years).toBe(25);
  });

  it('art. 15 §3: the coordinator alone cannot extend; every participant and the chair must agree', async () => {
    const w = await consensusWorld();
    const ext = await proposeRetentionExtension(w.u.coord.id, w.dossier.id, extension(w));
    expect((await voteRetentionExtension(w.u.coord.id, ext.id, 'AGREE')).status).toBe('OPEN');
    expect((await voteRetentionExtension(w.u.police.id, ext.id, 'AGREE')).status).toBe('OPEN');
    expect((await voteRetentionExtension(w.u.justice.id, ext.id, 'OBJECT')).status).toBe('BLOCKED');
  });
});
