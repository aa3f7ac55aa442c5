import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { unsafeOwnerClient } from '@/scripts/lib/owner';
import { seedDemo } from '@/prisma/demo';
import { ownDatabase, testKeys } from '../helpers/db';

/**
 * The demo data show issue 12 §6 and §7 (ADR 0034, 0035): the demo case has actions with an
 * owner person — one due soon, one overdue, one done with a note — and one urgent disclosure
 * outside consensus. Seeded into a fresh database of its own.
 */
let db: PrismaClient;
let drop: () => Promise<void>;

beforeAll(async () => {
  const own = await ownDatabase('vhd_demo_plan');
  drop = own.drop;
  db = unsafeOwnerClient(own.ownerUrl);
  await seedDemo(db, testKeys());
}, 120_000);
afterAll(async () => {
  await db.$disconnect();
  await drop();
});

describe('demo data: the action plan and an urgent disclosure (memorandum art. 15, noodtoestand)', () => {
  it('memorandum art. 15: the demo case has owned actions, due soon, overdue and done with a note', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const actions = await db.planAction.findMany({ where: { ownerUserId: { not: null } } });
    const open = actions.filter((a) => a.status === 'OPEN');
    expect(open.some((a) => a.dueDate!.toISOString().slice(0, 10) > today)).toBe(true);
    expect(open.some((a) => a.dueDate!.toISOString().slice(0, 10) < today)).toBe(true);
    expect(actions.find((a) => a.status === 'DONE')).toMatchObject({ done: true, doneNote: expect.any(String) });
  });

  it('noodtoestand: the demo case has one recorded urgent disclosure', async () => {
    expect(await db.emergencyDisclosure.count({ where: { ground: 'STATE_OF_NECESSITY' } })).toBe(1);
  });
});
