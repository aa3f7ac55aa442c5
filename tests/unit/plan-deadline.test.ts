import { describe, expect, it } from 'vitest';
import { deadlineText, planDeadline, planDeadlineState } from '@/lib/distribution/deadline';
import { composeNoticeMail } from '@/lib/mail/notice';
import { brusselsWallClockToInstant } from '@/lib/time';

const at = (day: string, time = '12:00') => brusselsWallClockToInstant(day, time);
// Monday 13 July 2026: 21 July is not counted, the last day is Monday 3 August
const SESSION = at('2026-07-13', '09:30');

describe('seed 004: plan within 14 working days — where a plan stands', () => {
  it('seed 004: plan within 14 working days — the deadline skips 21 July', () => {
    expect(planDeadline(SESSION)).toBe('2026-08-03');
  });

  it('seed 004: plan within 14 working days — open, near (≤ 3 working days), the last day, missed', () => {
    expect(planDeadlineState(SESSION, null, at('2026-07-20'))).toMatchObject({ state: 'open', workingDaysLeft: 9 }); // 21 July not counted;
    // Tuesday 28 July: 29, 30, 31 July and 3 August are left — four, not yet near
    expect(planDeadlineState(SESSION, null, at('2026-07-28'))).toMatchObject({ state: 'open', workingDaysLeft: 4 });
    expect(planDeadlineState(SESSION, null, at('2026-07-29'))).toMatchObject({ state: 'near', workingDaysLeft: 3 });
    // the weekend before the last day: one working day left
    expect(planDeadlineState(SESSION, null, at('2026-08-01'))).toMatchObject({ state: 'near', workingDaysLeft: 1 });
    expect(planDeadlineState(SESSION, null, at('2026-08-03', '23:59'))).toMatchObject({
      state: 'near',
      workingDaysLeft: 0,
    });
    expect(planDeadlineState(SESSION, null, at('2026-08-04', '00:01'))).toMatchObject({
      state: 'missed',
      workingDaysLeft: -1,
    });
  });

  it('seed 004: plan within 14 working days — distributed in time or late; a session still to come', () => {
    expect(planDeadlineState(SESSION, at('2026-08-03', '23:00'), at('2026-09-01')).state).toBe('distributed');
    expect(planDeadlineState(SESSION, at('2026-08-04', '08:00'), at('2026-09-01')).state).toBe('late');
    expect(planDeadlineState(SESSION, null, at('2026-07-10')).state).toBe('upcoming');
  });

  it('tells the coordinator in Dutch', () => {
    expect(deadlineText(planDeadlineState(SESSION, null, at('2026-07-31')))).toBe(
      'Termijn bijna verstreken: nog 1 werkdag om het plan van aanpak te versturen.',
    );
    expect(deadlineText(planDeadlineState(SESSION, null, at('2026-08-05')))).toContain('2 werkdagen te laat');
  });
});

describe('notice mails name nothing about the case (art. 458ter Sw.)', () => {
  const base = { to: 'iemand@partner.example', safeHouseName: 'Veilig Huis Antwerpen', url: 'https://vhd.example/x' };
  it('each kind has a fixed text, the safe house and one link, and the secrecy reminder', () => {
    for (const kind of ['planReady', 'referrerOutcome', 'feedback'] as const) {
      const m = composeNoticeMail({ ...base, kind });
      expect(m.subject).toContain('Veilig Huis Antwerpen');
      expect(m.text).toContain('https://vhd.example/x');
      expect(m.text).toContain('art. 458ter §2 Sw.');
      expect(m.text.match(/https?:\/\//g)).toHaveLength(1);
      expect(m.html.match(/href=/g)).toHaveLength(1);
    }
    expect(composeNoticeMail({ ...base, kind: 'feedback' }).text).toContain(
      'geheimhoudingsplicht van art. 458ter §2 Sw.',
    );
  });

  it('refuses a second line or a non-http link smuggled into an input', () => {
    expect(() => composeNoticeMail({ ...base, kind: 'planReady', safeHouseName: 'VH\nGezin Peeters' })).toThrow();
    expect(() => composeNoticeMail({ ...base, kind: 'planReady', url: 'javascript:alert(1)' })).toThrow();
  });
});
