import { describe, expect, it } from 'vitest';
import { addInformationItem } from '@/lib/conferences/add-information-item';
import { correctInformationItem, withdrawInformationItem } from '@/lib/conferences/correct-information-item';
import { proposeDisclosure } from '@/lib/disclosures/propose-disclosure';
import { castVote, withdrawDisclosure } from '@/lib/disclosures/cast-vote';
import { markDisclosureShared } from '@/lib/disclosures/mark-shared';
import { ownerDb } from '../helpers/db';
import { consensusWorld } from '../helpers/consensus-world';
import { instantToBrussels } from '@/lib/time';
/** When and how the sharer gave the information: now, in a conversation (ADR 0037). */
const givenNow = () => {
  const b = instantToBrussels(new Date());
  return { memberGivenAt: `${b.date}T${b.time}`, memberGivenHow: 'gesprek' };
};

describe('art. 15 §2: each organisation corrects or withdraws the information it brought in', () => {
  it('art. 15 §2: only the organisation that brought it in corrects it; the history is in the access log, not the content', async () => {
    const w = await consensusWorld();
    const item = await addInformationItem(w.u.police.id, w.dossier.id, {
      category: '9',
      concernsMemberId: w.victim.id,
      content: 'Klacht op 3/11.',
    });
    await expect(
      correctInformationItem(w.u.justice.id, item.id, {
        category: '9',
        concernsMemberId: '',
        content: 'Anders',
        reason: 'Ik weet het beter.',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const noReason = await correctInformationItem(w.u.police.id, item.id, {
      category: '9',
      concernsMemberId: '',
      content: 'Klacht op 4/11.',
      reason: '',
    }).catch((e) => e);
    expect(noReason.fieldErrors.reason).toMatch(/reden/);
    await correctInformationItem(w.u.police.id, item.id, {
      category: '9',
      concernsMemberId: w.victim.id,
      content: 'Klacht op 4/11.',
      reason: 'Datum was fout.',
    });
    expect(await ownerDb().informationItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({
      content: 'Klacht op 4/11.',
      correctedAt: expect.any(Date),
    });
    const log = await ownerDb().auditEvent.findFirstOrThrow({
      where: { objectId: item.id, action: 'conference.correctItem' },
    });
    expect(log).toMatchObject({ actorUserId: w.u.police.id, reason: 'Datum was fout.' });
    expect(Object.values(log).map(String).join(' ')).not.toContain('4/11');
  });

  it('art. 15 §2: a withdrawn item is erased, cannot be proposed, and was never part of an open or shared proposal', async () => {
    const w = await consensusWorld();
    const item = await addInformationItem(w.u.police.id, w.dossier.id, {
      category: '9',
      concernsMemberId: w.victim.id,
      content: 'Geheime vaststelling.',
    });
    const proposal = {
      kind: 'CLIENT_MEMBER',
      memberId: w.victim.id,
      recipient: '',
      itemIds: [item.id],
      sharerUserId: w.u.caw.id,
      ground: 'SAFETY',
      goalId: '',
      necessity: 'Het slachtoffer moet dit weten voor haar veiligheid.',
    };
    const p = await proposeDisclosure(w.u.caw.id, w.dossier.id, proposal);
    // while the voters decide on exactly this information, it does not change
    await expect(
      withdrawInformationItem(w.u.police.id, item.id, { reason: 'Foutief ingebracht.' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await withdrawDisclosure(w.u.caw.id, p.id);
    await withdrawInformationItem(w.u.police.id, item.id, { reason: 'Foutief ingebracht.' });
    expect(await ownerDb().informationItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({
      content: '',
      withdrawnAt: expect.any(Date),
    });
    await expect(proposeDisclosure(w.u.caw.id, w.dossier.id, proposal)).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(
      ownerDb().$executeRaw`UPDATE "InformationItem" SET "content" = 'terug' WHERE "id" = ${item.id}::uuid`,
    ).rejects.toThrow(/InformationItem_withdrawn_is_erased/);
  });

  it('art. 15 §2: information that was shared stays as it was shared', async () => {
    const w = await consensusWorld();
    const item = await addInformationItem(w.u.police.id, w.dossier.id, {
      category: '9',
      concernsMemberId: w.victim.id,
      content: 'Contactverbod.',
    });
    const p = await proposeDisclosure(w.u.caw.id, w.dossier.id, {
      kind: 'CLIENT_MEMBER',
      memberId: w.victim.id,
      recipient: '',
      itemIds: [item.id],
      sharerUserId: w.u.caw.id,
      ground: 'SAFETY',
      goalId: '',
      necessity: 'Het slachtoffer moet dit weten voor haar veiligheid.',
    });
    for (const u of [w.u.police, w.u.justice, w.u.caw, w.u.coord]) await castVote(u.id, p.id, 'AGREE');
    await markDisclosureShared(w.u.caw.id, p.id, givenNow());
    await expect(withdrawInformationItem(w.u.police.id, item.id, { reason: 'Niet meer nodig.' })).rejects.toMatchObject(
      { code: 'CONFLICT' },
    );
    await expect(
      correctInformationItem(w.u.police.id, item.id, {
        category: '9',
        concernsMemberId: '',
        content: 'Anders',
        reason: 'Nieuwe info.',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
