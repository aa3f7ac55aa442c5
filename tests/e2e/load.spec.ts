import { expect, test } from '@playwright/test';
import { directSession, ownerClient } from './helpers';

/**
 * Issue 9 §6: 50 concurrent users for 60 s across every page they can open: no failed request
 * and no 5xx. Runs after the other specs (its own Playwright project), against both instances.
 * The users are the demo users, each with sessions made in the database as a completed login
 * would make them (password and code were proven by the other specs).
 */
const USERS = 50;
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const BASES = [Number(process.env.E2E_PORT ?? 3111), Number(process.env.E2E_PORT ?? 3111) + 1].map(
  (p) => `http://127.0.0.1:${p}`,
);

test('50 concurrent users for 60 s across all pages: 0 failed requests, 0 5xx', async () => {
  test.setTimeout((SECONDS + 240) * 1000);
  const owner = await ownerClient();
  const { rows: users } = await owner.query<{ id: string; name: string; email: string }>(
    `SELECT u.id, u.name, u.email FROM "User" u WHERE u.active AND EXISTS (SELECT 1 FROM "UserTotp" t WHERE t."userId" = u.id AND t."confirmedAt" IS NOT NULL) ORDER BY u.email`,
  );
  expect(users.length).toBeGreaterThan(10);
  const cookies: { email: string; cookie: string }[] = [];
  for (let i = 0; i < USERS; i++) {
    const u = users[i % users.length]!;
    cookies.push({ email: u.email, cookie: (await directSession(owner, u)).cookie });
  }
  await owner.end();

  // every page a user can reach from their home page and from their first dossier
  const pagesOf = new Map<string, string[]>();
  for (const { email, cookie } of cookies) {
    if (pagesOf.has(email)) continue;
    const links = async (path: string) => {
      const res = await fetch(`${BASES[0]}${path}`, { headers: { cookie }, redirect: 'manual' });
      expect(res.status, `${email} ${path}`).toBe(200);
      const html = await res.text();
      return [...html.matchAll(/href="(\/[a-z][^"#?]*)"/g)]
        .map((m) => m[1]!)
        .filter((p) => !p.startsWith('/api/') && !p.startsWith('/_next'));
    };
    // the start page is Mijn werk; the dossier list (for roles with client work) is /dossiers
    const home = await links('/');
    const list = home.includes('/dossiers') ? await links('/dossiers') : [];
    const dossier = [...home, ...list].find((p) => /^\/dossiers\/[0-9a-f-]{36}$/.test(p));
    const more = dossier ? await links(dossier) : [];
    pagesOf.set(email, [...new Set(['/', ...home, ...more, '/account', '/api/v1/sessie'])]);
  }

  const statuses = new Map<number, number>();
  const failures: string[] = [];
  let requests = 0;
  const until = Date.now() + SECONDS * 1000;
  await Promise.all(
    cookies.map(async ({ email, cookie }, i) => {
      const pages = pagesOf.get(email)!;
      for (let n = i; Date.now() < until; n++) {
        const path = pages[n % pages.length]!;
        const base = BASES[n % BASES.length]!;
        try {
          const res = await fetch(`${base}${path}`, { headers: { cookie }, redirect: 'manual' });
          await res.arrayBuffer();
          requests += 1;
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (res.status >= 500) failures.push(`${res.status} ${email} ${path}`);
        } catch (e) {
          failures.push(`${(e as Error).message} ${email} ${path}`);
        }
      }
    }),
  );
  const summary = `${requests} requests in ${SECONDS} s by ${USERS} users (${[...pagesOf.values()].reduce((a, p) => a + p.length, 0)} pages); statuses ${JSON.stringify(Object.fromEntries(statuses))}`;
  console.log(`[load] ${summary}`);
  expect(failures, summary).toEqual([]);
  expect(requests).toBeGreaterThan(USERS);
});
