import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../lib/generated/prisma/client';
import { createPool } from '../../lib/db/pool';

/**
 * A client connected as the database owner: NOT subject to row-level security. Only for
 * scripts that must see everything (migrations, seed, retention purge, audit verification)
 * and for test set-up. Never import it from app/ or from a use case.
 */
export function unsafeOwnerClient(ownerUrl: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg(createPool(ownerUrl, 4)) });
}
