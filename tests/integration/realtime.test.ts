import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import pg from 'pg';
import { CaseEventBus, type CaseEvent } from '@/lib/realtime/bus';

/**
 * Live updates work across app instances: two buses (as in two processes) on the same database;
 * an event committed through one connection reaches subscribers on both, only after commit, and
 * only for the dossier they follow.
 */
const buses: CaseEventBus[] = [];
afterAll(async () => {
  await Promise.all(buses.map((b) => b.stop()));
});

const waitFor = async (cond: () => boolean, ms = 5_000) => {
  const until = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > until) throw new Error('timeout');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('live case events', () => {
  it('reach subscribers on two instances, after commit, for their dossier only', async () => {
    const url = inject('db').appUrl;
    const [a, b] = [new CaseEventBus(url), new CaseEventBus(url)];
    buses.push(a, b);
    const dossier = crypto.randomUUID();
    const other = crypto.randomUUID();
    const gotA: CaseEvent[] = [];
    const gotB: CaseEvent[] = [];
    await a.subscribe(dossier, (e) => gotA.push(e));
    await b.subscribe(dossier, (e) => gotB.push(e));
    const writer = new pg.Client({ connectionString: url });
    await writer.connect();
    try {
      await writer.query('BEGIN');
      await writer.query(`SELECT notify_case_event($1, 'disclosure', $2)`, [dossier, crypto.randomUUID()]);
      await writer.query(`SELECT notify_case_event($1, 'disclosure', $2)`, [other, crypto.randomUUID()]);
      await new Promise((r) => setTimeout(r, 200));
      expect(gotA).toHaveLength(0); // not before commit
      await writer.query('COMMIT');
      await waitFor(() => gotA.length === 1 && gotB.length === 1);
      expect(gotA[0]).toMatchObject({ dossierId: dossier, kind: 'disclosure' });
      await writer.query('BEGIN');
      await writer.query(`SELECT notify_case_event($1, 'information', $2)`, [dossier, crypto.randomUUID()]);
      await writer.query('ROLLBACK');
      await new Promise((r) => setTimeout(r, 200));
      expect(gotA).toHaveLength(1); // a rolled-back change notifies no one
    } finally {
      await writer.end();
    }
  });

  it('an unsubscribed listener gets nothing more', async () => {
    const url = inject('db').appUrl;
    const bus = new CaseEventBus(url);
    buses.push(bus);
    const dossier = crypto.randomUUID();
    const got: CaseEvent[] = [];
    const off = await bus.subscribe(dossier, (e) => got.push(e));
    off();
    expect(bus.subscriberCount()).toBe(0);
    const writer = new pg.Client({ connectionString: url });
    await writer.connect();
    await writer.query(`SELECT notify_case_event($1, 'disclosure', $2)`, [dossier, crypto.randomUUID()]);
    await writer.end();
    await new Promise((r) => setTimeout(r, 200));
    expect(got).toEqual([]);
  });
});
