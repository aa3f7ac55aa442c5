import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { unsafeOwnerClient } from '@/scripts/lib/owner';
import { seedDemo } from '@/prisma/demo';
import { ownDatabase, testKeys } from '../helpers/db';

/**
 * Issue 13 §1 (ADR 0038): the demo data hold work of every kind for the demo users named in the
 * README ("Mijn werk"), including an open vote, a transfer to accept and a secrecy acknowledgement.
 * Seeded into a fresh database of its own.
 */
let db: PrismaClient;
let drop: () => Promise<void>;
const id = async (email: string) => (await db.user.findUniqueOrThrow({ where: { email } })).id;

beforeAll(async () => {
  const own = await ownDatabase('vhd_demo_work');
  drop = own.drop;
  db = unsafeOwnerClient(own.ownerUrl);
  await seedDemo(db, testKeys());
}, 120_000);
afterAll(async () => {
  await db.$disconnect();
  await drop();
});

describe('demo data: every kind of work waits for a demo user (Mijn werk)', () => {
  it('art. 14 §2: an open proposal at an open session, on which the chair and every participant still vote', async () => {
    const proposal = await db.disclosureProposal.findFirstOrThrow({
      where: { status: 'OPEN' },
      include: { voters: true, votes: true },
    });
    expect(proposal.votes).toEqual([]);
    const voters = await Promise.all(
      [
        'coordinator.antwerpen@vhd.test',
        'kernpartner.politie@vhd.test',
        'deelnemer.justitiehuis@vhd.test',
        'casusregisseur.caw@vhd.test',
      ].map(id),
    );
    expect(proposal.voters.map((v) => v.userId).sort()).toEqual(voters.sort());
    const open = await db.agendaItem.count({
      where: { dossierId: proposal.dossierId, session: { state: 'OPEN' } },
    });
    expect(open).toBeGreaterThan(0);
  });

  it('art. 15 §1, 7°: a transfer from Oost-Vlaanderen waits to be accepted in Antwerpen', async () => {
    const ant = await db.safeHouse.findFirstOrThrow({ where: { name: { contains: 'Antwerpen' } } });
    expect(await db.transferRequest.count({ where: { status: 'PENDING', toSafeHouseId: ant.id } })).toBe(1);
  });

  it('art. 458ter §2 Sw.: kernpartner.caw accepted a participation without acknowledging the secrecy yet', async () => {
    expect(
      await db.caseParticipant.count({
        where: {
          userId: await id('kernpartner.caw@vhd.test'),
          acceptedAt: { not: null },
          secrecyAcknowledgedAt: null,
        },
      }),
    ).toBe(1);
  });

  it('the other kinds are there too: triage, an input round, a consultation, an invitation, actions, a plan, feedback', async () => {
    expect(await db.dossier.count({ where: { status: 'SUBMITTED', reference: { startsWith: 'VH-ANT-' } } })).toBe(4); // 0001, 0004, 0005 and the repeat referral 0032 (issue 13 §4)
    expect(
      await db.dossier.count({ where: { inputRequestedAt: { not: null }, inputClosedAt: null, status: 'SUBMITTED' } }),
    ).toBe(1);
    expect(await db.agencyConsultation.count({ where: { respondedAt: null } })).toBe(1);
    expect(
      await db.caseInvitation.count({
        where: { status: 'INVITED', addresseeUserId: await id('medewerker.cgg@vhd.test') },
      }),
    ).toBe(1);
    expect(
      await db.planAction.count({ where: { status: 'OPEN', ownerUserId: await id('kernpartner.politie@vhd.test') } }),
    ).toBe(1);
    expect(
      await db.agendaItem.count({ where: { distributedAt: null, session: { startsAt: { lte: new Date() } } } }),
    ).toBeGreaterThan(0);
    expect(
      await db.feedbackRecord.count({
        where: { caseWorkerUserId: await id('medewerker.justitiehuis@vhd.test'), secrecyAcknowledgedAt: null },
      }),
    ).toBe(1);
  });
});
