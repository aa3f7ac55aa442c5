import { describe, expect, it } from 'vitest';
import { makeDossier, makeParticipant } from '@/prisma/factories';
import { requestTransfer } from '@/lib/transfers/request-transfer';
import { decideTransfer } from '@/lib/transfers/decide-transfer';
import { listTransfers } from '@/lib/transfers/list-transfers';
import { getDossier } from '@/lib/dossiers/get-dossier';
import { listDossiers } from '@/lib/dossiers/list-dossiers';
import { addInformationItem } from '@/lib/conferences/add-information-item';
import { ownerDb, testKeys } from '../helpers/db';
import { declareWorld, makeSessionWithAgenda } from '../helpers/scenario';

async function twoHouses() {
  const db = ownerDb();
  const {
    houses: { from, to },
    orgs: { caw },
    users: { coordFrom, coordTo, worker },
  } = await declareWorld({
    houses: ['from', 'to'],
    organisations: { agency: { kind: 'AGENCY_JUSTICE_ENFORCEMENT' }, caw: { kind: 'CAW', corePartnerOf: ['from'] } },
    users: {
      coordFrom: { org: 'agency', role: 'COORDINATOR', house: 'from' },
      coordTo: { org: 'agency', role: 'COORDINATOR', house: 'to' },
      worker: { org: 'caw', role: 'REFERRER' },
    },
  });
  const dossier = await makeDossier(db, testKeys(), {
    safeHouseId: from.id,
    referrerUserId: worker.id,
    referrerOrganisationId: caw.id,
    status: 'IN_TRAJECTORY',
    clientSystemLabel: 'Gezin Verhuisd',
    members: [{ memberRole: 'VICTIM', firstName: 'Lore', lastName: 'Verhuisd' }],
  });
  await makeParticipant(db, { dossierId: dossier.id, safeHouseId: from.id, organisationId: caw.id, userId: worker.id });
  await makeSessionWithAgenda(dossier, coordFrom.id);
  await addInformationItem(worker.id, dossier.id, {
    category: '11',
    concernsMemberId: '',
    content: 'Gezin verhuist naar een andere provincie.',
  });
  return { from, to, coordFrom, coordTo, worker, dossier };
}
const reason = { reason: 'Het gezin verhuisde naar het gerechtelijk arrondissement van het andere Veilig Huis.' };

describe('transfer between safe houses (art. 15 §1, 3rd para, 7°)', () => {
  it('art. 15 §1, 7°: the receiving coordinator accepts; then the whole dossier is theirs and the sender gets 404', async () => {
    const w = await twoHouses();
    const req = await requestTransfer(w.coordFrom.id, w.dossier.id, { toSafeHouseId: w.to.id, ...reason });
    // before acceptance the receiving house sees the request, not the dossier
    await expect(getDossier(w.coordTo.id, w.dossier.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const incoming = await listTransfers(w.coordTo.id);
    expect(incoming.find((t) => t.id === req.id)).toMatchObject({
      incoming: true,
      reference: w.dossier.reference,
      status: 'PENDING',
    });

    await decideTransfer(w.coordTo.id, req.id, 'accept');
    await expect(getDossier(w.coordFrom.id, w.dossier.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const list = await listDossiers(w.coordFrom.id, {});
    expect(list.allowed && list.rows.map((r) => r.id)).not.toContain(w.dossier.id);
    const view = await getDossier(w.coordTo.id, w.dossier.id);
    expect(view.dossier.safeHouseId).toBe(w.to.id);
    expect(view.members.map((m) => m.lastName)).toEqual(['Verhuisd']);
    // everything moved with it; the sending house's participations ended
    expect(await ownerDb().informationItem.findFirstOrThrow({ where: { dossierId: w.dossier.id } })).toMatchObject({
      safeHouseId: w.to.id,
    });
    expect(await ownerDb().caseParticipant.findFirstOrThrow({ where: { dossierId: w.dossier.id } })).toMatchObject({
      safeHouseId: w.to.id,
      leftAt: expect.any(Date),
    });
    await expect(getDossier(w.worker.id, w.dossier.id)).resolves.toMatchObject({ relations: ['referrer'] });
    // the history says where it came from, on both sides
    const history = await listTransfers(w.coordTo.id);
    expect(history.find((t) => t.id === req.id)).toMatchObject({ status: 'ACCEPTED', fromSafeHouseId: w.from.id });
    const log = await ownerDb().auditEvent.findMany({
      where: { objectId: req.id, action: 'transfer.accept' },
      select: { safeHouseId: true },
    });
    expect(log.map((l) => l.safeHouseId).sort()).toEqual([w.from.id, w.to.id].sort());
  });

  it('art. 15 §1, 7°: only the receiving coordinator accepts, once; the sender may cancel; a refusal needs a reason', async () => {
    const w = await twoHouses();
    const req = await requestTransfer(w.coordFrom.id, w.dossier.id, { toSafeHouseId: w.to.id, ...reason });
    await expect(decideTransfer(w.coordFrom.id, req.id, 'accept')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(decideTransfer(w.worker.id, req.id, 'accept')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      requestTransfer(w.coordFrom.id, w.dossier.id, { toSafeHouseId: w.to.id, ...reason }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(decideTransfer(w.coordTo.id, req.id, 'reject', '')).rejects.toMatchObject({ code: 'VALIDATION' });
    await decideTransfer(w.coordTo.id, req.id, 'reject', 'Geen capaciteit; eerst overleg.');
    await expect(decideTransfer(w.coordTo.id, req.id, 'accept')).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(getDossier(w.coordFrom.id, w.dossier.id)).resolves.toBeTruthy();
    const again = await requestTransfer(w.coordFrom.id, w.dossier.id, { toSafeHouseId: w.to.id, ...reason });
    await decideTransfer(w.coordFrom.id, again.id, 'cancel');
    expect(await ownerDb().transferRequest.findUniqueOrThrow({ where: { id: again.id } })).toMatchObject({
      status: 'CANCELLED',
    });
  });

  it('art. 15 §1, 7°: a forged decision or id from the browser is refused before it reaches the database or the access log', async () => {
    const w = await twoHouses();
    const req = await requestTransfer(w.coordFrom.id, w.dossier.id, { toSafeHouseId: w.to.id, ...reason });
    const forged = 'cancel; DROP TABLE x' as unknown as 'cancel';
    await expect(decideTransfer(w.coordTo.id, req.id, forged)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(decideTransfer(w.coordTo.id, 'geen-uuid', 'accept')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await ownerDb().transferRequest.findUniqueOrThrow({ where: { id: req.id } })).toMatchObject({
      status: 'PENDING',
    });
    expect(await ownerDb().auditEvent.count({ where: { action: { startsWith: 'transfer.cancel;' } } })).toBe(0);
  });

  it('art. 15 §1, 7°: a transfer goes to another safe house, and only the holding coordinator asks for it', async () => {
    const w = await twoHouses();
    await expect(
      requestTransfer(w.coordFrom.id, w.dossier.id, { toSafeHouseId: w.from.id, ...reason }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(
      requestTransfer(w.coordTo.id, w.dossier.id, { toSafeHouseId: w.to.id, ...reason }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
