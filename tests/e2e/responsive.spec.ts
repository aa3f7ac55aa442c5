import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { as, dossierHref, expectAccessible } from './helpers';

/**
 * Issue 14 §6: works on the devices people bring to a session. At phone (390 px) and tablet
 * (768 px) width the triage inbox, a dossier and the case-conference workspace have no
 * horizontal overflow and no axe violations; full-page screenshots go into the report. Every
 * other page in each demo role's menu is swept at 390 px for overflow.
 */
test.describe.configure({ mode: 'serial' });
test.setTimeout(300_000);

const WIDTHS = [
  { name: 'telefoon', width: 390, height: 844 },
  { name: 'tablet', width: 768, height: 1024 },
] as const;

/** Fails naming the elements that stick out of the viewport (the page must not scroll sideways). */
async function expectNoHorizontalOverflow(page: Page, what: string, soft = false) {
  const report = await page.evaluate(() => {
    const vw = window.innerWidth;
    // elements inside a box that scrolls sideways on purpose (wide tables) do not count
    const insideScroller = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const ox = getComputedStyle(p).overflowX;
        if (ox === 'auto' || ox === 'scroll' || ox === 'hidden') return true;
      }
      return false;
    };
    const out: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if ((r.right > vw + 1 || r.left < -1) && !insideScroller(el)) {
        const s = getComputedStyle(el);
        if (s.position === 'fixed' || s.visibility === 'hidden') continue;
        // screen-reader-only text is clipped to 1 px and positioned off-screen on purpose
        if (r.width <= 1 && r.height <= 1) continue;
        if (el.closest('.sr-only, .skip-link')) continue;
        const id = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${
          typeof el.className === 'string' && el.className
            ? `.${el.className.trim().split(/\s+/).slice(0, 3).join('.')}`
            : ''
        }`;
        out.push(
          `${id} [${Math.round(r.left)}–${Math.round(r.right)}] "${(el.textContent ?? '').trim().slice(0, 40)}"`,
        );
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, vw, out: out.slice(0, 10) };
  });
  const check = soft ? expect.soft : expect;
  check(report.out, `${what}: elements outside the ${report.vw}px viewport`).toEqual([]);
  check(report.scrollWidth, `${what}: page scrolls sideways`).toBeLessThanOrEqual(report.vw);
}

async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  const body = await page.screenshot({ fullPage: true, path: testInfo.outputPath(`${name}.png`) });
  await testInfo.attach(name, { body, contentType: 'image/png' });
}

for (const size of WIDTHS) {
  test(`§6: triage inbox, dossier and workspace at ${size.width} px (${size.name})`, async ({ browser }, testInfo) => {
    await as(browser, 'coordinator.antwerpen@vhd.test', async (page) => {
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.goto('/triage');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await screenshot(page, testInfo, `triage-${size.width}`);
      await expectNoHorizontalOverflow(page, `/triage at ${size.width}px`);
      await expectAccessible(page);

      const dossier = await dossierHref(page, 'VH-ANT-2026-0002');
      await page.goto(dossier);
      await expect(page.getByRole('heading', { level: 1 })).toContainText('VH-ANT-2026-0002');
      await screenshot(page, testInfo, `dossier-${size.width}`);
      await expectNoHorizontalOverflow(page, `dossier at ${size.width}px`);
      await expectAccessible(page);

      await page.goto(`${dossier}/casusoverleg`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await screenshot(page, testInfo, `casusoverleg-${size.width}`);
      await expectNoHorizontalOverflow(page, `workspace at ${size.width}px`);
      await expectAccessible(page);
    });
  });
}

const ROLES = [
  'coordinator.antwerpen@vhd.test',
  'aanmelder.huisarts@vhd.test',
  'kernpartner.politie@vhd.test',
  'casusregisseur.caw@vhd.test',
  'medewerker.cgg@vhd.test',
  'vk.antwerpen@vhd.test',
  'beheerder@vhd.test',
  'dpo@vhd.test',
];

for (const email of ROLES) {
  test(`§6: every menu page of ${email} fits 390 px`, async ({ browser }) => {
    await as(browser, email, async (page) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto('/');
      const links = page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link');
      const hrefs = [...new Set(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? '')))];
      expect(hrefs.length).toBeGreaterThan(0);
      for (const href of [...hrefs, '/account']) {
        await page.goto(href);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        // soft: one run names every page that does not fit, not only the first
        await expectNoHorizontalOverflow(page, `${href} for ${email} at 390px`, true);
      }
    });
  });
}
