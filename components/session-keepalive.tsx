'use client';

import { useEffect } from 'react';

/**
 * Idle timeout: the session cookie lives SESSION_IDLE_MINUTES and is renewed whenever the
 * session is read. This reads it on real activity only (at most once a minute), so a screen
 * left alone expires, and a person who is working is not thrown out.
 */
export function SessionKeepAlive() {
  useEffect(() => {
    let last = Date.now();
    const onActivity = () => {
      if (Date.now() - last < 60_000) return;
      last = Date.now();
      void fetch('/api/auth/session', { credentials: 'same-origin', cache: 'no-store' });
    };
    const events = ['keydown', 'pointerdown', 'scroll'] as const;
    events.forEach((e) => window.addEventListener(e, onActivity, { passive: true }));
    return () => events.forEach((e) => window.removeEventListener(e, onActivity));
  }, []);
  return null;
}
