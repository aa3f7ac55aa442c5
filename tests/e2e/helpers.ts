import { expect, type Browser, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import * as OTPAuth from 'otpauth';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../prisma/demo';

/** The demo users' current TOTP code, as their authenticator app shows it (README). */
export function totpCode(secret = DEMO_TOTP_SECRET, at = Date.now()): string {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: at });
}

/** Which 30-second step each user's last code belonged to: a code is accepted only once. */
const lastStep = new Map<string, number>();

/**
 * Password, then the code from the app. A code is accepted once per user; when this worker has
 * just used the current one, wait for the next (and once more if the other worker took it).
 */
export async function login(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(page.getByRole('heading', { name: 'Bevestig dat jij het bent' })).toBeVisible();
  for (let attempt = 0; ; attempt++) {
    let step = Math.floor(Date.now() / 30_000);
    if ((lastStep.get(email) ?? -1) >= step) {
      await page.waitForTimeout((step + 1) * 30_000 - Date.now() + 200);
      step = Math.floor(Date.now() / 30_000);
    }
    lastStep.set(email, step);
    await page.getByLabel('Code uit je app of herstelcode').fill(totpCode(DEMO_TOTP_SECRET, step * 30_000 + 1_000));
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    const done = page.getByRole('button', { name: 'Afmelden' });
    const refused = page.getByText('Deze code klopt niet.');
    await expect(done.or(refused)).toBeVisible({ timeout: 20_000 });
    if (await done.isVisible()) return;
    if (attempt >= 2) throw new Error(`login ${email}: code refused three times`);
  }
}

/** axe: no WCAG 2.1 A/AA violations on the current page. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary).toEqual([]);
}

/** The href of a dossier's link in the list, as seen by whoever is logged in on `page`. */
export async function dossierHref(page: Page, reference: string): Promise<string> {
  await page.goto('/');
  const href = await page.getByRole('link', { name: reference }).getAttribute('href');
  expect(href).toMatch(/^\/dossiers\/[0-9a-f-]{36}$/);
  return href!;
}

/** Runs `fn` as `email` in a fresh browser context (its own cookies), then closes it. */
export async function as(browser: Browser, email: string, fn: (page: Page) => Promise<void>) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, email);
  await fn(page);
  await context.close();
}
