import { addWorkingDays, workingDaysBetween } from '@/lib/working-days';
import { brusselsToday, instantToBrussels } from '@/lib/time';

/**
 * Seed 004 (practice rule; ADR 0036): the plan of a case conference is sent to those entitled
 * within 14 working days after the session. The term starts the day after the session's day in
 * Brussels; the last day is the 14th working day (whole day, Brussels time).
 */
export const PLAN_WORKING_DAYS = 14;
/** "near": this many working days left, or fewer */
export const PLAN_NEAR_WORKING_DAYS = 3;

/** The last day ('YYYY-MM-DD', Brussels) to distribute the plan of a session that started at `sessionStartsAt`. */
export const planDeadline = (sessionStartsAt: Date): string => addWorkingDays(sessionStartsAt, PLAN_WORKING_DAYS);

export type DeadlineState = 'distributed' | 'upcoming' | 'open' | 'near' | 'missed' | 'late';

export interface PlanDeadline {
  /** 'YYYY-MM-DD' */
  deadline: string;
  /** working days left after today up to the deadline (0 on the last day; negative when missed) */
  workingDaysLeft: number;
  state: DeadlineState;
}

/**
 * Where a plan stands against its deadline: `distributed` in time, `late` (distributed after the
 * deadline), `upcoming` (the session has not begun), `open`, `near` (≤ 3 working days left) or
 * `missed` (the deadline passed and nothing was sent).
 */
export function planDeadlineState(sessionStartsAt: Date, distributedAt: Date | null, now = new Date()): PlanDeadline {
  const deadline = planDeadline(sessionStartsAt);
  if (distributedAt) {
    const day = instantToBrussels(distributedAt).date;
    return { deadline, workingDaysLeft: 0, state: day <= deadline ? 'distributed' : 'late' };
  }
  const today = brusselsToday(now);
  const workingDaysLeft = workingDaysBetween(today, deadline);
  if (sessionStartsAt.getTime() > now.getTime()) return { deadline, workingDaysLeft, state: 'upcoming' };
  if (today > deadline) return { deadline, workingDaysLeft, state: 'missed' };
  return { deadline, workingDaysLeft, state: workingDaysLeft <= PLAN_NEAR_WORKING_DAYS ? 'near' : 'open' };
}

/** Dutch text for the coordinator. */
export function deadlineText(d: PlanDeadline): string {
  switch (d.state) {
    case 'distributed':
      return 'Plan van aanpak verstuurd binnen de termijn.';
    case 'late':
      return 'Plan van aanpak verstuurd na de termijn van 14 werkdagen.';
    case 'upcoming':
    case 'open':
      return `Nog ${d.workingDaysLeft} werkdagen om het plan van aanpak te versturen.`;
    case 'near':
      return d.workingDaysLeft === 0
        ? 'Vandaag is de laatste dag om het plan van aanpak te versturen.'
        : `Termijn bijna verstreken: nog ${d.workingDaysLeft} ${d.workingDaysLeft === 1 ? 'werkdag' : 'werkdagen'} om het plan van aanpak te versturen.`;
    case 'missed':
      return `Termijn verstreken: het plan van aanpak is niet binnen 14 werkdagen verstuurd (${-d.workingDaysLeft} ${d.workingDaysLeft === -1 ? 'werkdag' : 'werkdagen'} te laat).`;
  }
}
