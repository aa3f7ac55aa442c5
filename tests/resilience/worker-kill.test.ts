import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDossier, makeOrganisation, makeSafeHouse, makeUser } from '@/prisma/factories';
import { purgeExpiredDossiers } from '@/lib/retention/purge';
import { parseRetentionTerms } from '@/lib/retention/terms';
import { ROOT } from '../../scripts/lib/database';
import { ownerDb, testKeys } from '../helpers/db';
import { ownCluster } from './cluster';

/**
 * Issue 9 §6: the worker is killed (SIGKILL) in the middle of a purge. Each dossier is purged in
 * one transaction, so nothing is half-deleted: every dossier is either whole or gone with its
 * deletion record; the next run finishes the job.
 */
let pg: Awaited<ReturnType<typeof ownCluster>>;
const N = 150;

beforeAll(async () => {
  pg = await ownCluster('worker', 54362);
}, 180_000);
afterAll(async () => {
  await ownerDb().$disconnect();
  await pg?.stop();
});

describe('issue 9 §6: the worker dies mid-purge', () => {
  it('art. 15 §3: a purge killed halfway leaves every dossier whole or entirely gone, and the next run finishes it', async () => {
    const db = ownerDb();
    const house = await makeSafeHouse(db);
    const org = await makeOrganisation(db, { kind: 'MEDICAL_SECTOR' });
    const referrer = await makeUser(db, { organisationId: org.id, roles: [{ role: 'REFERRER' }] });
    const ids: string[] = [];
    for (let i = 0; i < N; i++) {
      const d = await makeDossier(db, testKeys(), {
        safeHouseId: house.id,
        referrerUserId: referrer.id,
        referrerOrganisationId: org.id,
        status: 'NOT_ADMISSIBLE',
        members: [
          { memberRole: 'VICTIM', firstName: 'Ada', lastName: `Wis${i}` },
          { memberRole: 'CHILD', firstName: 'Bo', lastName: `Wis${i}`, isMinor: true },
        ],
      });
      ids.push(d.id);
    }
    const asOf = new Date(Date.now() + 6 * 365 * 86_400_000);
    const child = spawn('npx', ['tsx', 'tests/resilience/purge-child.ts'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: pg.db.ownerUrl, AS_OF: asOf.toISOString(), SAFE_HOUSE_ID: house.id },
      stdio: 'ignore',
      detached: true,
    });
    const exited = new Promise((r) => child.on('exit', r));
    // kill the whole process group as soon as a few dossiers are gone
    for (let i = 0; i < 2400; i++) {
      if ((await db.deletionRecord.count({ where: { safeHouseId: house.id } })) >= 5) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    process.kill(-child.pid!, 'SIGKILL');
    await exited;

    const gone = await db.deletionRecord.findMany({ where: { safeHouseId: house.id }, select: { dossierId: true } });
    expect(gone.length).toBeGreaterThanOrEqual(5);
    expect(gone.length).toBeLessThan(N);
    const goneIds = new Set(gone.map((g) => g.dossierId));
    const rows = await db.dossier.findMany({
      where: { id: { in: ids } },
      select: { id: true, referral: { select: { dossierId: true } }, _count: { select: { members: true } } },
    });
    // whole, or gone with its deletion record — nothing in between
    expect(rows.length + goneIds.size).toBe(N);
    for (const r of rows) {
      expect(goneIds.has(r.id)).toBe(false);
      expect(r.referral).not.toBeNull();
      expect(r._count.members).toBe(2);
    }
    expect(await db.clientMember.count({ where: { dossierId: { in: [...goneIds] } } })).toBe(0);
    expect(await db.purgedDossierFact.count({ where: { safeHouseId: house.id } })).toBe(goneIds.size);

    // the next run finishes it
    await purgeExpiredDossiers(db, asOf, parseRetentionTerms({}), { safeHouseId: house.id });
    expect(await db.dossier.count({ where: { id: { in: ids } } })).toBe(0);
    expect(await db.deletionRecord.count({ where: { safeHouseId: house.id } })).toBe(N);
    expect(await db.purgedDossierFact.count({ where: { safeHouseId: house.id } })).toBe(N);
    expect(await db.clientMember.count({ where: { dossierId: { in: ids } } })).toBe(0);
  });
});
