import 'server-only';
import { useCase, withActor } from '@/lib/use-case/kernel';
import { CLIENT_WORK_ROLES } from '@/lib/access/policy';
import type { Role } from '@/lib/generated/prisma/enums';
import { WORK_SOURCES } from './sources';
import { WORK_ITEMS_CAP, type WorkSection } from './types';

export interface MyWork {
  /** false for a role without client work (DPO, analyst, functional administrator): no sections */
  clientWork: boolean;
  sections: WorkSection[];
  total: number;
}

/**
 * "Mijn werk" (issue 13 §1; ADR 0038): everything that waits for the signed-in person, across
 * their roles, in one transaction as that person (policy and row-level security as everywhere):
 * one section per kind that can concern them, each line with the place where it is done. One
 * access-log row; the lines carry a dossier reference at most, never names or case content.
 */
export async function listMyWork(userId: string, now = new Date()): Promise<MyWork> {
  return useCase(userId, { action: 'work.list', purpose: 'caseWork' }, async ({ tx, actor, log }) => {
    const sources = WORK_SOURCES.filter((s) => s.applies(actor));
    const sections: WorkSection[] = [];
    // one after the other: a transaction is one connection
    for (const s of sources) {
      const items = await s.items({ tx, actor, now }, WORK_ITEMS_CAP);
      const count = items.length < WORK_ITEMS_CAP ? items.length : await s.count({ tx, actor, now });
      sections.push({ key: s.key, title: s.title, navHref: s.navHref, items, count, inTotal: s.inTotal !== false });
    }
    await log({ objectType: 'WorkList' });
    return {
      clientWork: actor.roles.some((r) => (CLIENT_WORK_ROLES as readonly Role[]).includes(r.role)),
      sections,
      total: sections.reduce((n, s) => n + (s.inTotal ? s.count : 0), 0),
    };
  });
}

export interface MyWorkCounts {
  total: number;
  /** per menu item (href): how many wait there */
  byNav: Record<string, number>;
}

export const NO_WORK: MyWorkCounts = { total: 0, byNav: {} };

/**
 * The counts for the menu, on every page: ONE transaction as the person (row-level security),
 * one COUNT per kind that can concern them — no rows, no access-log row (a number, nothing about
 * a person; as `mayDo`). Given the session's roles, a role without client work runs no query.
 */
export async function countMyWork(
  userId: string,
  opts: { roles?: readonly Role[]; now?: Date } = {},
): Promise<MyWorkCounts> {
  const now = opts.now ?? new Date();
  if (opts.roles && !opts.roles.some((r) => (CLIENT_WORK_ROLES as readonly Role[]).includes(r))) return NO_WORK;
  return withActor(userId, async (tx, actor) => {
    const byNav: Record<string, number> = {};
    let total = 0;
    for (const s of WORK_SOURCES.filter((x) => x.applies(actor))) {
      const n = await s.count({ tx, actor, now });
      if (s.inTotal !== false) total += n;
      if (s.navHref) byNav[s.navHref] = (byNav[s.navHref] ?? 0) + n;
    }
    return { total, byNav };
  });
}
