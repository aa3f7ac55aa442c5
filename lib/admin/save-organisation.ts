import 'server-only';
import { invalid, notFound } from '@/lib/errors';
import { useCase, type UseCaseContext } from '@/lib/use-case/kernel';
import { isUniqueViolation, parseOrInvalid } from './errors';
import { organisationSchema, type OrganisationInput } from './schemas';

const NAME_TAKEN = 'Er bestaat al een organisatie met deze naam.';

/** The core partnerships of an organisation become exactly `houses` (art. 10; ADR 0043). */
async function setPartnerships({ tx }: UseCaseContext, organisationId: string, houses: string[]): Promise<boolean> {
  const wanted = [...new Set(houses)];
  const known = await tx.safeHouse.count({ where: { id: { in: wanted } } });
  if (known !== wanted.length)
    throw invalid('Kies bestaande Veilige Huizen.', { corePartnerOf: 'Kies bestaande Veilige Huizen.' });
  const current = (await tx.corePartnership.findMany({ where: { organisationId }, select: { safeHouseId: true } })).map(
    (p) => p.safeHouseId,
  );
  const gone = current.filter((h) => !wanted.includes(h));
  const added = wanted.filter((h) => !current.includes(h));
  if (gone.length) await tx.corePartnership.deleteMany({ where: { organisationId, safeHouseId: { in: gone } } });
  if (added.length)
    // raw: Prisma would send its own "since" (a client-side default), a column the app role does not write
    await tx.$executeRaw`
      INSERT INTO "CorePartnership" ("safeHouseId", "organisationId")
      SELECT h, ${organisationId}::uuid FROM unnest(${added}::uuid[]) AS h`;
  return gone.length + added.length > 0;
}

const save = async <T>(fn: () => Promise<T>): Promise<T> => {
  try {
    return await fn();
  } catch (err) {
    if (isUniqueViolation(err)) throw invalid(NAME_TAKEN, { name: NAME_TAKEN });
    throw err;
  }
};

/** The administrator adds an organisation of art. 10, and the safe houses it is a core partner of. */
export async function createOrganisation(userId: string, input: OrganisationInput): Promise<{ id: string }> {
  const v = parseOrInvalid(organisationSchema, input);
  return useCase(userId, { action: 'users.manage', purpose: 'administration' }, async (c) => {
    if (await c.tx.organisation.findUnique({ where: { name: v.name }, select: { id: true } }))
      throw invalid(NAME_TAKEN, { name: NAME_TAKEN });
    // raw, for the same reason: the database sets createdAt
    const created = await save(async () => {
      const [row] = await c.tx.$queryRaw<{ id: string }[]>`
        INSERT INTO "Organisation" ("name", "kind") VALUES (${v.name}, ${v.kind}::"OrganisationKind") RETURNING "id"`;
      return row!;
    });
    await setPartnerships(c, created.id, v.corePartnerOf);
    await c.log({ action: 'admin.organisation.create', objectType: 'Organisation', objectId: created.id });
    return created;
  });
}

/**
 * The administrator changes name, kind or core partnerships. A partnership that ends takes the
 * core-partner access of the organisation's staff in that house with it at once (the database
 * derives it from the partnership on every request).
 */
export async function updateOrganisation(
  userId: string,
  organisationId: string,
  input: OrganisationInput,
): Promise<void> {
  const v = parseOrInvalid(organisationSchema, input);
  await useCase(userId, { action: 'users.manage', purpose: 'administration' }, async (c) => {
    const other = await c.tx.organisation.findUnique({ where: { name: v.name }, select: { id: true } });
    if (other && other.id !== organisationId) throw invalid(NAME_TAKEN, { name: NAME_TAKEN });
    const { count } = await save(() =>
      c.tx.organisation.updateMany({ where: { id: organisationId }, data: { name: v.name, kind: v.kind } }),
    );
    if (count !== 1) throw notFound();
    await setPartnerships(c, organisationId, v.corePartnerOf);
    await c.log({ action: 'admin.organisation.update', objectType: 'Organisation', objectId: organisationId });
  });
}
