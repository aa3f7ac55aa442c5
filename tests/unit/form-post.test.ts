import { beforeEach, describe, expect, it, vi } from 'vitest';

// the gate's session check, without a database: a signed-in user unless a test says otherwise
const session = vi.hoisted(() => ({ userId: 'user-1' as string | null, calls: 0 }));
vi.mock('@/lib/auth/session', () => ({
  currentUserId: async () => {
    session.calls++;
    return session.userId;
  },
}));
const { formPoster, sameOrigin } = await import('@/lib/http/form-post');

const post = (headers: Record<string, string>) =>
  new Request('http://127.0.0.1:3000/api/v1/dossiers/import', { method: 'POST', headers });

beforeEach(() => {
  session.userId = 'user-1';
  session.calls = 0;
});

describe('formPoster: the same-origin gate of the form-posting route handlers', () => {
  it('lets a form of this site through to the session check', async () => {
    expect(await formPoster(post({ origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000' }))).toEqual({
      userId: 'user-1',
    });
    // behind a proxy the forwarded host counts
    expect(
      await formPoster(
        post({ origin: 'https://vhd.example.be', host: 'app:3000', 'x-forwarded-host': 'vhd.example.be' }),
      ),
    ).toEqual({ userId: 'user-1' });
    expect(session.calls).toBe(2);
  });

  it.each([
    ['a malformed Origin', { origin: 'not a url', host: '127.0.0.1:3000' }],
    ['a malformed Origin with a scheme', { origin: 'http://[::1', host: '127.0.0.1:3000' }],
    ['"null" (a sandboxed or file page)', { origin: 'null', host: '127.0.0.1:3000' }],
    ['another origin', { origin: 'https://evil.example', host: '127.0.0.1:3000' }],
    ['another port', { origin: 'http://127.0.0.1:3001', host: '127.0.0.1:3000' }],
    ['no Origin', { host: '127.0.0.1:3000' }],
  ])('refuses %s with 403, before any session is looked up', async (_what, headers) => {
    const r = await formPoster(post(headers));
    expect('refused' in r && r.refused.status).toBe(403);
    expect(session.calls).toBe(0);
  });

  it('sameOrigin never throws on a malformed Origin', () => {
    for (const origin of ['not a url', 'http://[::1', '://', 'http://%', ''])
      expect(sameOrigin(post({ origin, host: '127.0.0.1:3000' }))).toBe(false);
  });

  it('answers 401 to a form of this site without a session', async () => {
    session.userId = null;
    const r = await formPoster(post({ origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000' }));
    expect('refused' in r && r.refused.status).toBe(401);
  });
});
