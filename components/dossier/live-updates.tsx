'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';

const KIND_LABEL: Record<string, string> = {
  disclosure: 'een voorstel tot delen of een stem',
  information: 'nieuwe informatie',
  participants: 'de deelnemers',
  session: 'het overleg werd geopend of afgesloten',
  attachment: 'een nieuwe bijlage',
};

/**
 * Follows the case's live events and re-renders the page's data when something changed, without
 * a full reload; tells screen-reader users what changed. Reconnects by itself (EventSource).
 */
export function LiveUpdates({ dossierId }: { dossierId: string }) {
  const router = useRouter();
  const [message, setMessage] = useState('');
  const [connected, setConnected] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    const source = new EventSource(`/api/v1/dossiers/${dossierId}/events`);
    let opened = false;
    source.onopen = () => {
      setConnected(true);
      // a reconnect (the stream broke, e.g. an instance went away): events in between were missed,
      // so read the data again (lib/realtime/bus.ts; ADR 0048)
      if (opened) router.refresh();
      opened = true;
    };
    source.onerror = () => setConnected(false);
    source.addEventListener('case', (e) => {
      let kind = '';
      try {
        kind = (JSON.parse((e as MessageEvent<string>).data) as { kind: string }).kind;
      } catch {
        /* ignore */
      }
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        router.refresh();
        setMessage(`Bijgewerkt: ${KIND_LABEL[kind] ?? 'het casusoverleg'}.`);
      }, 150);
    });
    return () => {
      source.close();
      if (timer.current) clearTimeout(timer.current);
    };
  }, [dossierId, router]);
  return (
    <p className="text-sm text-gray-700" data-live={connected ? 'verbonden' : 'niet-verbonden'}>
      <span aria-hidden="true">{connected ? '● Live' : '○ Niet live'}</span>
      <span role="status" aria-live="polite" className="ml-2">
        {message}
      </span>
    </p>
  );
}
