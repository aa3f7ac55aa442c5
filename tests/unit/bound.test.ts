import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { forgedArguments } from '@/lib/forms/bound';

/** Issue 9 §4: every bound argument of a server action is checked by one helper; a forgery is a 404. */
const refused = (check: () => string[]) => check().length > 0;

describe('bound arguments of server actions', () => {
  it('accepts real ids, flags and short codes', () => {
    expect(
      refused(() =>
        forgedArguments({ dossierId: '3f0c1a9e-5b7d-4c2a-9e1f-0a1b2c3d4e5f', decision: 'accept' }, { done: true }),
      ),
    ).toBe(false);
  });

  it('any forged id, flag or code answers 404 before a use case runs', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.constant(undefined), fc.object()),
        (forged) => {
          fc.pre(
            typeof forged !== 'string' ||
              !/^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i.test(forged),
          );
          expect(refused(() => forgedArguments({ proposalId: forged }))).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
    for (const forged of ["'; DROP TABLE x", 'accept\u0000', 'x'.repeat(31), '', 'Akkoord!']) {
      expect(
        refused(() => forgedArguments({ decision: forged })),
        forged,
      ).toBe(true);
    }
    expect(refused(() => forgedArguments({}, { done: 'true' }))).toBe(true);
    expect(refused(() => forgedArguments({}, { done: 1 }))).toBe(true);
  });
});
