import 'server-only';
import crypto from 'node:crypto';
import type { Tx } from '@/lib/use-case/kernel';

/** A draft's temporary reference; replaced at submission. Carries no personal data. */
export const draftReference = () => `CONCEPT-${crypto.randomBytes(5).toString('hex').toUpperCase()}`;

/** Next reference VH-<house code>-<year>-<nnnn>, gapless per safe house and year. */
export async function nextReference(tx: Tx, safeHouseId: string, now: Date): Promise<string> {
  const year = now.getUTCFullYear();
  const house = await tx.safeHouse.findUniqueOrThrow({ where: { id: safeHouseId }, select: { code: true } });
  const counter = await tx.referenceCounter.upsert({
    where: { safeHouseId_year: { safeHouseId, year } },
    create: { safeHouseId, year, last: 1 },
    update: { last: { increment: 1 } },
  });
  return `VH-${house.code}-${year}-${String(counter.last).padStart(4, '0')}`;
}
