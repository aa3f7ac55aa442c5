import type { Actor } from '@/lib/access/actor';
import type { Tx } from '@/lib/use-case/kernel';

/** How pressing one line of "Mijn werk" is: shown in words, not only in colour. */
export type WorkUrgency = 'overdue' | 'soon' | 'normal';

/** One thing that waits for the signed-in person, with the place where it is done. */
export interface WorkItem {
  id: string;
  /** where the work is done (a page of the app, never carrying personal data) */
  href: string;
  /** what waits, in Dutch: a dossier reference at most, never names or case content */
  label: string;
  /** the last day ('YYYY-MM-DD', Brussels) or the moment it is due, if there is one */
  due: string | null;
  urgency: WorkUrgency;
}

/** A section of "Mijn werk" as the page shows it. */
export interface WorkSection {
  key: string;
  title: string;
  /** the menu item whose count this section adds to (null: only on Mijn werk) */
  navHref: string | null;
  items: WorkItem[];
  /** how many wait in all (the items are capped at WORK_ITEMS_CAP) */
  count: number;
  /** false: not added to the total (see WorkSource.inTotal) */
  inTotal: boolean;
}

export interface WorkContext {
  tx: Tx;
  actor: Actor;
  now: Date;
}

/**
 * One source of work (ADR 0038). A new kind of work is one entry in WORK_SOURCES
 * (lib/work/sources.ts): it says whether it can concern the actor at all (their roles or
 * relations; otherwise no query runs), how many wait (cheap: for the menu's counts) and which.
 * Both queries run inside the caller's transaction, as the actor, under row-level security.
 */
export interface WorkSource {
  key: string;
  title: string;
  navHref: string | null;
  /** false: counted on its menu item only, not in the total of Mijn werk (it repeats other sections) */
  inTotal?: boolean;
  applies(actor: Actor): boolean;
  count(c: WorkContext): Promise<number>;
  items(c: WorkContext, take: number): Promise<WorkItem[]>;
}

/** At most this many lines per section on the page; the count says how many there are in all. */
export const WORK_ITEMS_CAP = 50;
