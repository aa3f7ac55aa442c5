import 'server-only';
import { env } from '@/lib/env';
import { CaseEventBus } from './bus';

const globalForBus = globalThis as unknown as { vhdCaseEvents?: CaseEventBus };

/** This instance's bus (one listening connection per process). */
export function caseEvents(): CaseEventBus {
  globalForBus.vhdCaseEvents ??= new CaseEventBus(env().APP_DATABASE_URL);
  return globalForBus.vhdCaseEvents;
}
