import 'server-only';
import type pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { env } from '@/lib/env';
import { createPool } from './pool';

/**
 * The one Prisma client of the web app. It connects as the application role (vhd_app, no
 * BYPASSRLS): every query is subject to row-level security, so it must run inside
 * `withActor` (lib/use-case/kernel.ts), which sets the actor for the transaction.
 */
const globalForDb = globalThis as unknown as { vhdPrisma?: PrismaClient; vhdPool?: pg.Pool };

export function db(): PrismaClient {
  if (!globalForDb.vhdPrisma) {
    const e = env();
    globalForDb.vhdPool = createPool(e.APP_DATABASE_URL, e.DB_POOL_MAX, e.DB_ACQUIRE_TIMEOUT_MS);
    globalForDb.vhdPrisma = new PrismaClient({ adapter: new PrismaPg(globalForDb.vhdPool) });
  }
  return globalForDb.vhdPrisma;
}
