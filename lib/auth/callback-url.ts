/**
 * Where to go after login: only a path on this site (no `//host`, no other scheme), and never
 * back into the login itself.
 */
export function safeCallbackUrl(value: unknown): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/login')
    ? value
    : '/';
}
