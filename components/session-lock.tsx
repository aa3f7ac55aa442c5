'use client';

import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * The screen locks itself (ASVS 7.3; ADR 0018). Real activity (a key, a click, scrolling) tells
 * the server at most once a minute; a timer and every return to the tab ask whether the session
 * still lives. Once it has ended — idle time, absolute end, signed out elsewhere, a role change —
 * the page's content is removed from the screen at once and the login is shown, without waiting
 * for the user to navigate.
 */
export function SessionLock({ endsAt: initialEndsAt, children }: { endsAt: string; children: ReactNode }) {
  const [locked, setLocked] = useState(false);
  const endsAt = useRef(new Date(initialEndsAt).getTime());
  const lastPing = useRef(0);

  const lock = useCallback(() => {
    setLocked(true);
    const back = `${window.location.pathname}${window.location.search}`;
    window.location.replace(`/login?fout=vergrendeld&callbackUrl=${encodeURIComponent(back)}`);
  }, []);

  const ask = useCallback(
    async (method: 'GET' | 'POST') => {
      try {
        const res = await fetch('/api/v1/sessie', { method, credentials: 'same-origin', cache: 'no-store' });
        if (res.status === 401) return lock();
        if (res.ok) {
          const body = (await res.json()) as { endsAt?: string };
          if (body.endsAt) endsAt.current = new Date(body.endsAt).getTime();
        }
      } catch {
        // offline: the local clock still locks the screen when the time is up
      }
      if (Date.now() >= endsAt.current) lock();
    },
    [lock],
  );

  useEffect(() => {
    // loading the page was the last activity the server saw
    lastPing.current = Date.now();
    const onActivity = () => {
      if (Date.now() - lastPing.current < 60_000) return;
      lastPing.current = Date.now();
      void ask('POST');
    };
    const onReturn = () => {
      if (document.visibilityState === 'visible') void ask('GET');
    };
    const activity = ['keydown', 'pointerdown', 'scroll'] as const;
    activity.forEach((e) => window.addEventListener(e, onActivity, { passive: true }));
    window.addEventListener('focus', onReturn);
    document.addEventListener('visibilitychange', onReturn);
    let polls = 0;
    const timer = window.setInterval(() => {
      polls += 1;
      // at the end of the idle time, or every 30 s to notice a session ended elsewhere
      if (Date.now() >= endsAt.current - 1_000 || polls % 3 === 0) void ask('GET');
    }, 10_000);
    return () => {
      activity.forEach((e) => window.removeEventListener(e, onActivity));
      window.removeEventListener('focus', onReturn);
      document.removeEventListener('visibilitychange', onReturn);
      window.clearInterval(timer);
    };
  }, [ask]);

  if (locked) {
    return (
      <main id="inhoud" className="mx-auto mt-16 max-w-md rounded-lg bg-white p-8 shadow">
        <h1 className="text-2xl font-semibold text-brand-900">Scherm vergrendeld</h1>
        <p role="status" className="mt-2 text-gray-800">
          Je sessie is beëindigd. Je wordt naar het aanmeldscherm gebracht.
        </p>
      </main>
    );
  }
  return <>{children}</>;
}
