import { NextResponse } from 'next/server';
import { currentSession, requestSessionToken } from '@/lib/auth/session';
import { findLiveSession, sessionEndsAt } from '@/lib/auth/sessions';

/**
 * The session's state for the screen lock (components/session-lock.tsx). GET only reads — a
 * poll is not activity; POST marks real activity (a key or a click) and extends the idle time.
 * Answers 401 once the session has ended, whatever the reason.
 */
function answer(s: { lastSeenAt: Date; idleMinutes: number; expiresAt: Date } | null) {
  if (!s) return NextResponse.json({ live: false }, { status: 401 });
  return NextResponse.json({ live: true, endsAt: sessionEndsAt(s).toISOString(), idleMinutes: s.idleMinutes });
}

export async function GET() {
  const live = await findLiveSession(await requestSessionToken());
  return answer(live && !live.needs ? live : null);
}

export async function POST() {
  const live = await currentSession();
  return answer(live && !live.needs ? live : null);
}
