import { expect, type Browser, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { DEMO_PASSWORD } from '../../prisma/demo';

export async function login(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(page.getByRole('button', { name: 'Afmelden' })).toBeVisible();
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
