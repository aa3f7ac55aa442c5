import pg from 'pg';
import { errorInfo, logger } from '../ops/logger';

/**
 * Live updates across app instances: use cases call notify_case_event(...) inside their
 * transaction, so PostgreSQL delivers the notification on commit — to every instance that
 * LISTENs, on any machine. Each instance keeps one listening connection and fans events out to
 * its subscribers (server-sent-event streams) by dossier. Payloads are ids only.
 */
export interface CaseEvent {
  dossierId: string;
  kind: string;
  objectId: string;
}
type Listener = (event: CaseEvent) => void;

export const CHANNEL = 'vhd_case_events';

export class CaseEventBus {
  private client: pg.Client | null = null;
  private starting: Promise<void> | null = null;
  private readonly listeners = new Map<string, Set<Listener>>();
  private stopped = false;
  private retryMs = 500;

  constructor(private readonly connectionString: string) {}

  /** Subscribes to one dossier's events; returns the unsubscribe function. */
  async subscribe(dossierId: string, listener: Listener): Promise<() => void> {
    let set = this.listeners.get(dossierId);
    if (!set) this.listeners.set(dossierId, (set = new Set()));
    set.add(listener);
    await this.ensureStarted();
    return () => {
      set!.delete(listener);
      if (set!.size === 0) this.listeners.delete(dossierId);
    };
  }

  subscriberCount(): number {
    let n = 0;
    for (const s of this.listeners.values()) n += s.size;
    return n;
  }

  private ensureStarted(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.starting ??= this.connect().finally(() => {
      this.starting = null;
    });
    return this.starting;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.connectionString,
      connectionTimeoutMillis: 5_000,
      application_name: 'vhd-events',
    });
    client.on('notification', (msg) => {
      if (msg.channel !== CHANNEL || !msg.payload) return;
      let event: CaseEvent;
      try {
        event = JSON.parse(msg.payload) as CaseEvent;
      } catch {
        return;
      }
      for (const listener of this.listeners.get(event.dossierId) ?? []) {
        try {
          listener(event);
        } catch (err) {
          logger.error({ component: 'events', ...errorInfo(err) }, 'listener failed');
        }
      }
    });
    // A lost connection (e.g. PostgreSQL restarted) is re-established; events in between are
    // missed, which clients cover by refreshing when their stream reconnects.
    client.on('error', (err) => {
      logger.error({ component: 'events', ...errorInfo(err) }, 'connection lost');
      this.reconnect(client);
    });
    client.on('end', () => this.reconnect(client));
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    this.client = client;
    this.retryMs = 500;
  }

  private reconnect(old: pg.Client) {
    if (this.client !== old) return;
    this.client = null;
    if (this.stopped || this.listeners.size === 0) return;
    const delay = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, 30_000);
    setTimeout(() => void this.ensureStarted().catch(() => this.reconnect(old)), delay).unref?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const c = this.client;
    this.client = null;
    this.listeners.clear();
    if (c) await c.end().catch(() => undefined);
  }
}
