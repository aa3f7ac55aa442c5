import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_USER_WITHOUT_TOTP } from '../../prisma/demo';
import { hashSessionToken } from '../helpers/session-token';
import { directSession, expectAccessible, login, ownerClient, totpCode } from './helpers';

test.describe('headers and transport (ASVS 3.4)', () => {
  test('pages and API answers carry HSTS and a CSP with a fresh nonce and no inline scripts; the page still runs', async ({
    page,
    request,
  }) => {
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to (execute|load)/i.test(m.text())) violations.push(m.text());
    });
    const first = await page.goto('/login');
    const headers = first!.headers();
    expect(headers['strict-transport-security']).toMatch(/max-age=\d{8,}; includeSubDomains/);
    // no referrer leaves the site, and a form posted before hydration still carries its origin
    expect(headers['referrer-policy']).toBe('same-origin');
    const csp = headers['content-security-policy']!;
    const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src'))!;
    expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    // Next's own scripts carry this response's nonce
    const nonce = /'nonce-([^']+)'/.exec(scriptSrc)![1]!;
    const scriptNonces = await page
      .locator('script')
      .evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
    expect(scriptNonces.length).toBeGreaterThan(0);
    expect(scriptNonces.every((n) => n === nonce)).toBe(true);
    // a second request gets another nonce
    const again = await request.get('/login');
    expect(again.headers()['content-security-policy']).not.toContain(nonce);
    // the page is hydrated under this policy: the form's own check answers without a request
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await expect(page.getByText('Vul je e-mailadres en je wachtwoord in.')).toBeVisible();
    expect(violations).toEqual([]);

    const api = await request.get('/api/v1/sessie');
    expect(api.status()).toBe(401);
    expect(api.headers()['strict-transport-security']).toBeTruthy();
    expect(api.headers()['content-security-policy']).toContain("object-src 'none'");
    expect(api.headers()['x-content-type-options']).toBe('nosniff');
  });
});

test.describe('every input checked (issue 9 §4)', () => {
  test('an oversized body gets a clear Dutch 413; a malformed dossier id a 404, never a 500', async ({ page }) => {
    const big = await page.request.post('/aanmeldingen/nieuw', {
      headers: { 'next-action': '0'.repeat(40), 'content-type': 'text/plain;charset=UTF-8' },
      data: 'x'.repeat(1024 * 1024 + 10),
    });
    expect(big.status()).toBe(413);
    expect(await big.text()).toContain('te groot');
    await login(page, 'coordinator.antwerpen@vhd.test');
    for (const id of ['niet-een-id', '00000000-0000-0000-0000-00000000000g', "'%20OR%201=1"]) {
      const res = await page.goto(`/dossiers/${id}`);
      expect(res!.status(), id).toBe(404);
    }
  });
});

test.describe('second factor and sessions (ADR 0018)', () => {
  test('first login forces linking an authenticator app; the recovery codes are shown once', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('E-mailadres').fill(DEMO_USER_WITHOUT_TOTP);
    await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await expect(page.getByRole('heading', { name: 'Koppel een authenticator-app' })).toBeVisible();
    await expect(page.getByRole('img', { name: /QR-code/ })).toBeVisible();
    await expectAccessible(page);
    // the app cannot be skipped: any page sends the user back here
    await page.goto('/');
    await expect(page).toHaveURL(/\/login\/tweede-factor/);
    const secret = await page.getByTestId('totp-secret').getAttribute('data-secret');
    await page.getByLabel('Code uit je app').fill('000000');
    await page.getByRole('button', { name: 'Koppelen' }).click();
    await expect(page.getByText('Deze code klopt niet.')).toBeVisible();
    await page.getByLabel('Code uit je app').fill(totpCode(secret!));
    await page.getByRole('button', { name: 'Koppelen' }).click();
    await expect(page.getByRole('heading', { name: 'Je herstelcodes' })).toBeFocused();
    await expect(page.getByRole('list', { name: 'Herstelcodes' }).getByRole('listitem')).toHaveCount(10);
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Ik heb de codes bewaard, verder' }).click();
    await expect(page.getByRole('button', { name: 'Afmelden' })).toBeVisible();
  });

  test('the second step also works before (or without) JavaScript: the form posts with its origin', async ({
    browser,
  }) => {
    const email = 'casusregisseur.caw@vhd.test';
    const withJs = await browser.newContext();
    const first = await withJs.newPage();
    await first.goto('/login');
    await first.getByLabel('E-mailadres').fill(email);
    await first.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
    await first.getByRole('button', { name: 'Aanmelden' }).click();
    await expect(first.getByRole('heading', { name: 'Bevestig dat jij het bent' })).toBeVisible();
    const cookies = await withJs.cookies();
    await withJs.close();
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    await noJs.addCookies(cookies);
    const page = await noJs.newPage();
    await page.goto('/login/tweede-factor');
    await page.getByLabel('Code uit je app of herstelcode').fill(totpCode());
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await expect(page.getByRole('button', { name: 'Afmelden' })).toBeVisible();
    await noJs.close();
  });

  test('a password alone opens nothing', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('E-mailadres').fill('analist@vhd.test');
    await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await expect(page.getByRole('heading', { name: 'Bevestig dat jij het bent' })).toBeVisible();
    await expectAccessible(page);
    expect((await page.goto('/statistieken'))!.url()).toMatch(/\/login\/tweede-factor/);
    expect((await page.request.get('/api/v1/statistieken')).status()).toBe(401);
  });

  test('ending a session elsewhere locks the screen at once; sign-out ends the session on the server', async ({
    browser,
  }) => {
    const email = 'vertegenwoordiger.antwerpen@vhd.test';
    const laptop = await browser.newContext();
    const a = await laptop.newPage();
    await login(a, email, undefined, { fresh: true });
    await a.goto('/');
    await expect(a.getByRole('heading', { name: 'Mijn werk', level: 1 })).toBeVisible();

    const desk = await browser.newContext();
    const b = await desk.newPage();
    await login(b, email, undefined, { fresh: true });
    await b.getByRole('link', { name: 'Jan Vertegenwoordiger' }).click();
    await expect(b.getByRole('heading', { name: 'Mijn sessies' })).toBeVisible();
    await expect(b.getByRole('row')).toHaveCount(3);
    await expectAccessible(b);
    await b.getByRole('button', { name: /^Beëindigen/ }).click();
    await expect(b.getByText('De sessie is beëindigd.')).toBeVisible();
    await expect(b.getByRole('row')).toHaveCount(2);

    // the laptop's screen locks as soon as it asks (on return to the tab, or within 30 s)
    await a.evaluate(() => window.dispatchEvent(new Event('focus')));
    await expect(a).toHaveURL(/\/login\?fout=vergrendeld/);
    await expect(a.getByText('Je scherm werd vergrendeld')).toBeVisible();
    await expect(a.getByText('Gezin Peeters')).toHaveCount(0);

    // sign-out ends the session in the database: the old cookie no longer opens anything
    const cookies = await desk.cookies();
    await b.getByRole('button', { name: 'Afmelden' }).click();
    await expect(b).toHaveURL(/\/login/);
    const replay = await browser.newContext();
    await replay.addCookies(cookies);
    const c = await replay.newPage();
    await c.goto('/');
    await expect(c).toHaveURL(/\/login/);
    expect((await c.request.get('/api/v1/sessie')).status()).toBe(401);
    await Promise.all([laptop.close(), desk.close(), replay.close()]);
  });

  test('a live-event stream closes by itself when its session ends', async ({ baseURL }) => {
    const owner = await ownerClient();
    try {
      const { rows } = await owner.query(
        `SELECT u.id, u.name, d.id AS dossier FROM "User" u, "Dossier" d WHERE u.email = 'coordinator.antwerpen@vhd.test' AND d.reference = 'VH-ANT-2026-0002'`,
      );
      const { token, cookie } = await directSession(owner, rows[0]);
      const res = await fetch(`${baseURL}/api/v1/dossiers/${rows[0].dossier}/events`, { headers: { cookie } });
      expect(res.status).toBe(200);
      const reader = res.body!.getReader();
      expect(new TextDecoder().decode((await reader.read()).value)).toContain('verbonden');
      await owner.query(
        `UPDATE "AuthSession" SET "revokedAt" = now(), "revokedReason" = 'afgemeld' WHERE "tokenHash" = $1`,
        [hashSessionToken(token)],
      );
      // the stream checks its session every 15 s: it ends without another event
      let done = false;
      while (!done) done = (await reader.read()).done;
      expect(done).toBe(true);
      // and a new one is refused
      expect(
        (await fetch(`${baseURL}/api/v1/dossiers/${rows[0].dossier}/events`, { headers: { cookie } })).status,
      ).toBe(401);
    } finally {
      await owner.end();
    }
  });
});
