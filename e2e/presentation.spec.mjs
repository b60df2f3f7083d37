// Presentation: themes, narrow screens, print, accessibility.
import AxeBuilder from "@axe-core/playwright";
import { test, expect, STATEMENT, SPEECH } from "./fixtures.mjs";

const ROUTES = ["/", STATEMENT, "/trafficking-ring-dismantled-spain-bulgaria", "/romanian-thb-ring-disrupted-france", SPEECH, "/no-such-page", "/search?q=eurojust", "/search?q=xqzvk", `${SPEECH}?q=nuclear`, "/glossary", "/entities", "/entities/isil", "/timeline"];

test("the theme toggle switches theme and survives a reload", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/");
  const toggle = page.getByRole("button", { name: "Dark theme" });
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  const lightBg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  const darkBg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(darkBg).not.toBe(lightBg);
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(page.getByRole("button", { name: "Dark theme" })).toHaveAttribute("aria-pressed", "true");
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(darkBg);
});

test("the theme follows the system until chosen", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/");
  await expect(page.getByRole("button", { name: "Dark theme" })).toHaveAttribute("aria-pressed", "true");
});

// One test per route and theme: axe takes seconds on a long page, and a slow machine must not time out a loop of 13.
for (const scheme of ["light", "dark"]) {
  for (const route of ROUTES) {
    test(`axe finds no violations on ${route} in the ${scheme} theme`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`${route}${route === STATEMENT ? "#p-3" : ""}`);
      await expect(page.locator("main h1")).toBeVisible();
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
      const summary = results.violations.map((v) => `${route}: ${v.id} (${v.nodes.length}) ${v.help}`);
      expect(summary).toEqual([]);
    });
  }
}

test("axe finds no violations with every kind of name marked, in both themes", async ({ page }) => {
  test.setTimeout(90_000);
  await page.addInitScript(() => localStorage.setItem("reader-name-marks", "organisation,place,person,group,instrument"));
  for (const scheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const route of [STATEMENT, "/trafficking-ring-dismantled-spain-bulgaria", `${SPEECH}?q=nuclear`]) {
      await page.goto(route);
      await expect(page.locator(".name").first()).toBeVisible();
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
      expect(results.violations.map((v) => `${scheme} ${route}: ${v.id} (${v.nodes.length}) ${v.help}`)).toEqual([]);
    }
  }
});

test("every route fits a 320 px wide screen without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const route of ROUTES) {
    await page.goto(route);
    await expect(page.locator("main h1")).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${route} overflows by ${overflow}px`).toBeLessThanOrEqual(0);
  }
});

test("printing shows the document with its title and source, without the app's chrome", async ({ page }) => {
  await page.goto(STATEMENT);
  await page.emulateMedia({ media: "print" });
  await expect(page.locator("main h1")).toBeVisible();
  await expect(page.locator(".doc-source")).toHaveText("Source: G20 Leaders");
  await expect(page.locator(".print-url")).toBeVisible();
  await expect(page.locator(".print-url")).toContainText(STATEMENT);
  for (const hidden of [".site-header", ".toc", ".neighbours", ".site-footer"]) await expect(page.locator(hidden)).toBeHidden();
  await expect(page.locator(".para-link").first()).toBeHidden();
});

test("an opened acronym stays on a 320 px screen", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto("/g20-statement-countering-terrorism#p-12");
  const buttons = page.locator("#p-12 .term-button");
  const count = await buttons.count();
  expect(count).toBeGreaterThan(5);
  for (let i = 0; i < count; i++) {
    await buttons.nth(i).click();
    await expect(page.locator("#p-12 .term-tip")).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `opening term ${i} overflows by ${overflow}px`).toBeLessThanOrEqual(0);
    await buttons.nth(i).click();
  }
});
