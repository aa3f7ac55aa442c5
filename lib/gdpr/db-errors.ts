/**
 * Recognises the refusal of the trigger `forbid_writes_to_closed_dossier`
 * (prisma/migrations/*_closure_retention_transfer): SQLSTATE 42501 with "is closed and
 * read-only". With Prisma 7's pg adapter the PostgreSQL error sits in
 * `meta.driverAdapterError.cause`. (42501 alone would also match an RLS refusal.)
 */
export function isClosedDossierError(err: unknown): boolean {
  const seen = new Set<unknown>();
  const walk = (e: unknown): boolean => {
    if (!e || typeof e !== 'object' || seen.has(e)) return false;
    seen.add(e);
    const o = e as Record<string, unknown>;
    const code = o.originalCode ?? o.code;
    const message = String(o.originalMessage ?? o.message ?? '');
    if (code === '42501' && /is closed and read-only/.test(message)) return true;
    return walk(o.cause) || walk(o.meta) || walk(o.driverAdapterError);
  };
  return walk(err);
}
