import 'server-only';

/** Any client that can read safe houses: a use case's `tx` (under RLS) or the worker's owner client. */
interface SafeHouseReader {
  safeHouse: {
    findMany(args: {
      where: { id: { in: string[] } };
      select: { id: true; name: true };
    }): Promise<{ id: string; name: string }[]>;
  };
}

/** The names of the given safe houses (null and repeated ids allowed), by id — one query, none when empty. */
export async function safeHouseNames(
  client: SafeHouseReader,
  ids: readonly (string | null | undefined)[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (wanted.length === 0) return new Map();
  const rows = await client.safeHouse.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } });
  return new Map(rows.map((h) => [h.id, h.name]));
}
