/**
 * The client's address for throttling: the last entry of X-Forwarded-For, which is the one the
 * nearest proxy (or Next.js itself) added; entries to its left are whatever the client wrote.
 */
export function clientAddress(forwardedFor: string | string[] | null | undefined): string | null {
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor;
  const last = header
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .at(-1);
  return last ? last.slice(0, 100) : null;
}
