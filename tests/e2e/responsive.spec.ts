import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { as, dossierHref, expectAccessible, login } from './helpers';

/**
 * Issue 14 §6: works on the devices people bring to a session. At phone (390 px) and tablet
 * (768 px) width the triage inbox, a dossier and the case-conference workspace have no
 * horizontal overflow and no axe violations; full-page screenshots go into the report. Every
 * other page in each demo role's menu is swept at 390 px for overflow, and for a table named
 * no more than "Tabel". Below the md breakpoint (768 px) the main menu hides behind a "Menu"
 * button (a disclosure); from md on it is always shown.
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

/** No scrolling table box is named just "Tabel": each says what it holds. */
async function expectNamedTables(page: Page, what: string, soft = false) {
  const check = soft ? expect.soft : expect;
  await check(page.getByRole('region', { name: 'Tabel', exact: true }), `${what}: a table named "Tabel"`).toHaveCount(
    0,
  );
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
      await expectNamedTables(page, `/triage at ${size.width}px`);
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

const menu = (page: Page) => page.getByRole('navigation', { name: 'Hoofdmenu' });
const menuButton = (page: Page) => menu(page).getByRole('button', { name: 'Menu' });

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
      // at this width the menu sits behind its button
      await menuButton(page).click();
      await expect(menuButton(page)).toHaveAttribute('aria-expanded', 'true');
      const links = menu(page).getByRole('link');
      const hrefs = [...new Set(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? '')))];
      expect(hrefs.length).toBeGreaterThan(0);
      for (const href of [...hrefs, '/account']) {
        await page.goto(href);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        // soft: one run names every page that does not fit, not only the first
        await expectNoHorizontalOverflow(page, `${href} for ${email} at 390px`, true);
        await expectNamedTables(page, `${href} for ${email}`, true);
      }
    });
  });
}

test('§6: below md the main menu is a disclosure behind a "Menu" button', async ({ browser }, testInfo) => {
  await as(browser, 'coordinator.antwerpen@vhd.test', async (page) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/');
    const button = menuButton(page);
    const dossiers = menu(page).getByRole('link', { name: /^Dossiers/ });
    // closed at first: the button says so, the links are out of sight (and out of the tab order)
    await expect(button).toBeVisible();
    await expect(button).toBeEnabled(); // hydrated
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await expect(dossiers).toBeHidden();
    const listId = await button.getAttribute('aria-controls');
    expect(listId).toBeTruthy();
    const list = page.locator(`[id="${listId}"]`);
    await expect(list.getByRole('link', { name: /^Dossiers/, includeHidden: true })).toHaveCount(1);
    // the header now fits on a phone: title and button on one line, above the user's name
    const title = page.getByRole('link', { name: 'Veilig Huis Dossier' });
    const [titleBox, buttonBox] = [await title.boundingBox(), await button.boundingBox()];
    expect(Math.abs(titleBox!.y + titleBox!.height / 2 - (buttonBox!.y + buttonBox!.height / 2))).toBeLessThan(
      buttonBox!.height / 2,
    );

    // a click opens it; the links are there, the page still does not scroll sideways
    await button.click();
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    await expect(dossiers).toBeVisible();
    await expect(menu(page).getByRole('link', { name: /^Mijn werk/ })).toHaveAttribute('aria-current', 'page');
    await screenshot(page, testInfo, 'menu-open-390');
    await expectNoHorizontalOverflow(page, 'open menu at 390px');
    await expectAccessible(page);

    // Escape from inside the list closes it and gives the focus back to the button
    await page.keyboard.press('Tab');
    await expect(menu(page).getByRole('link').first()).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await expect(dossiers).toBeHidden();
    await expect(button).toBeFocused();
    // with the visible focus ring of keyboard focus (globals.css :focus-visible)
    expect(await button.evaluate((el) => el.matches(':focus-visible'))).toBe(true);
    await expect(button).toHaveCSS('outline-width', '3px');
    await expect(button).toHaveCSS('outline-style', 'solid');

    // the keyboard alone: Enter opens, Space closes, Escape on the button closes too
    await page.keyboard.press('Enter');
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('Space');
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await page.keyboard.press('Enter');
    await expect(dossiers).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dossiers).toBeHidden();
    await expect(button).toBeFocused();

    // following a link closes the menu; the new page's item is the current one
    await button.click();
    await dossiers.click();
    await expect(page).toHaveURL((url) => url.pathname === '/dossiers');
    await expect(page.getByRole('heading', { name: 'Dossiers', level: 1 })).toBeVisible();
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await expect(dossiers).toBeHidden();
    // (the list is closed: the links are looked up among the hidden ones)
    const hidden = (name: RegExp) => menu(page).getByRole('link', { name, includeHidden: true });
    await expect(hidden(/^Dossiers/)).toHaveAttribute('aria-current', 'page');
    await expect(hidden(/^Mijn werk/)).not.toHaveAttribute('aria-current');

    // a click beside the open menu (the panel lies over the right of the page) closes it
    await button.click();
    await expect(dossiers).toBeVisible();
    const panel = (await list.boundingBox())!;
    expect(panel.x).toBeGreaterThan(10);
    await page.mouse.click(5, panel.y + panel.height + 20);
    await expect(button).toHaveAttribute('aria-expanded', 'false');
  });
});

for (const width of [768, 1280]) {
  test(`§6: from md on (${width} px) the main menu is shown without a button`, async ({ browser }) => {
    await as(browser, 'coordinator.antwerpen@vhd.test', async (page) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto('/dossiers');
      await expect(page.getByRole('heading', { name: 'Dossiers', level: 1 })).toBeVisible();
      await expect(menuButton(page)).toBeHidden();
      for (const name of [/^Mijn werk/, /^Dossiers/, /^Te toetsen/, /^Statistieken/]) {
        await expect(menu(page).getByRole('link', { name })).toBeVisible();
      }
      await expect(menu(page).getByRole('link', { name: /^Dossiers/ })).toHaveAttribute('aria-current', 'page');
      await expectNoHorizontalOverflow(page, `/dossiers at ${width}px`);
    });
  });
}

test('§6: without JavaScript the main menu is simply shown at 390 px', async ({ browser }) => {
  const withJs = await browser.newContext();
  await login(await withJs.newPage(), 'coordinator.antwerpen@vhd.test');
  const cookies = await withJs.cookies();
  await withJs.close();
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  await context.addCookies(cookies);
  const page = await context.newPage();
  await page.goto('/dossiers');
  await expect(page.getByRole('heading', { name: 'Dossiers', level: 1 })).toBeVisible();
  await expect(menuButton(page)).toBeHidden();
  await expect(menu(page).getByRole('link', { name: /^Dossiers/ })).toBeVisible();
  await expect(menu(page).getByRole('link', { name: /^Te toetsen/ })).toBeVisible();
  await expectNoHorizontalOverflow(page, 'menu without JavaScript at 390px');
  await context.close();
});
