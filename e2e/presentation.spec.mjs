// Presentation: themes, narrow screens, print, accessibility.
import AxeBuilder from "@axe-core/playwright";
import { test, expect, waitForApp, STATEMENT, SPEECH } from "./fixtures.mjs";

const ROUTES = ["/", STATEMENT, "/trafficking-ring-dismantled-spain-bulgaria", "/romanian-thb-ring-disrupted-france", SPEECH, "/no-such-page", "/search?q=eurojust", "/search?q=xqzvk", `${SPEECH}?q=nuclear`, "/glossary", "/entities", "/entities/isil", "/timeline", "/documents/kind/press-release", "/search?q=from%3A2017%20kind%3Apress-release"];

test("the theme button offers dark, light and the system's, says which, and remembers", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/");
  const button = page.locator(".theme-toggle");
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await expect(button).toHaveAccessibleName("Theme: System");
  const lightBg = await background();
  await button.click();
  await expect(button).toHaveAccessibleName("Theme: Dark");
  await expect(page.locator("#announcer")).toHaveText("Dark theme");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  const darkBg = await background();
  expect(darkBg).not.toBe(lightBg);
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(button).toHaveAccessibleName("Theme: Dark");
  expect(await background()).toBe(darkBg);
  await button.click();
  await expect(button).toHaveAccessibleName("Theme: Light");
  expect(await background()).toBe(lightBg);
  // Back to the system's, which is followed again, also after a reload.
  await button.click();
  await expect(button).toHaveAccessibleName("Theme: System");
  await expect(page.locator("#announcer")).toHaveText("The theme follows the system");
  await page.emulateMedia({ colorScheme: "dark" });
  expect(await background()).toBe(darkBg);
  await page.reload();
  await expect(button).toHaveAccessibleName("Theme: System");
  expect(await background()).toBe(darkBg);
});

test("the theme follows the system until chosen", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/");
  await expect(page.locator(".theme-toggle")).toHaveAccessibleName("Theme: System");
  await page.locator(".theme-toggle").click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
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

test("axe finds no violations on a phone, with every control the page's scripts add", async ({ page }) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 375, height: 700 });
  for (const scheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(STATEMENT);
    await page.locator("html[data-app=ready][data-cite]").waitFor({ state: "attached" });
    await expect(page.getByRole("button", { name: "Cite paragraph 1", exact: true })).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
    expect(results.violations.map((v) => `${scheme}: ${v.id} (${v.nodes.map((n) => n.target).join(" ")}) ${v.help}`)).toEqual([]);
  }
});

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
  test.setTimeout(300_000); // about 190 pages, each started by a key (about 1 s a page on 2 cores)
  await page.setViewportSize({ width: 320, height: 640 });
  // Every page the build lists in its sitemap, and the states of a page the list cannot name.
  const sitemap = await (await page.request.get("sitemap.xml")).text();
  const listed = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map(([, loc]) => new URL(loc, "http://x").pathname);
  expect(listed.length).toBeGreaterThan(90);
  for (const route of new Set([...listed, ...ROUTES])) {
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

test("the search box shows its / key where a keyboard can press it, not on a touch screen", async ({ browser, baseURL }) => {
  for (const [options, shown] of [
    [{}, true],
    [{ hasTouch: true, isMobile: true, viewport: { width: 390, height: 800 } }, false],
  ]) {
    const context = await browser.newContext({ baseURL, ...options });
    const page = await context.newPage();
    await page.goto("/");
    await waitForApp(page);
    const hint = () => page.locator(".site-search").evaluate((el) => getComputedStyle(el, "::after").content);
    expect(await hint(), JSON.stringify(options)).toBe(shown ? '"/"' : "none");
    await expect(page.getByRole("combobox", { name: "Search the documents" })).toHaveAttribute("placeholder", "Search");
    if (shown) {
      await page.keyboard.press("/");
      expect(await hint(), "gone while the box has focus").toBe("none");
    }
    await context.close();
  }
});

test("on a phone: a way back up to the header, and the match bar in one row", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 700 });
  await page.goto(`${SPEECH}?q=nuclear`);
  const bar = page.locator(".match-bar");
  await expect(bar).toBeVisible();
  expect((await bar.boundingBox()).height, "one row").toBeLessThan(60);
  await page.locator(".match-bar").getByRole("button", { name: "Next match" }).click();
  await expect(page.locator(".site-header")).not.toBeInViewport();
  const up = page.getByRole("link", { name: "Back to the top" });
  await expect(up).toBeInViewport();
  const [upBox, barBox] = [await up.boundingBox(), await bar.boundingBox()];
  expect(upBox.y + upBox.height, "above the match bar").toBeLessThanOrEqual(barBox.y);
  await up.click();
  await expect(page.locator(".site-header")).toBeInViewport();
  await expect(page.locator("main")).toBeFocused();
});

test("a wide screen has no back-to-top control: its header stays in view", async ({ page }) => {
  await page.goto(SPEECH);
  await expect(page.getByRole("link", { name: "Back to the top" })).toBeHidden();
});

test("on a phone the paragraph link ends the paragraph's last line and shortens no line", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 700 });
  await page.goto(`${STATEMENT}#p-12`);
  const para = page.locator("#p-12");
  const lines = await para.locator("p").evaluate((p) => [...p.getClientRects()].map((r) => ({ right: r.right, top: r.top, bottom: r.bottom })));
  const box = await para.boundingBox();
  expect(lines.length, "a long paragraph wraps").toBeGreaterThan(3);
  expect(lines[0].right, "the first line runs to the column's edge").toBeGreaterThan(box.x + box.width - 40);
  const link = await para.locator(".para-link").boundingBox();
  const last = lines[lines.length - 1];
  const middle = link.y + link.height / 2;
  expect(middle > last.top && middle < last.bottom, `the link (middle ${middle}) is on the last line (${last.top} to ${last.bottom})`).toBe(true);
  expect(link.x, "after the last word, not over it").toBeGreaterThanOrEqual(last.right - 1);
  expect(link.height, "a target a thumb can hit").toBeGreaterThanOrEqual(44);
  await para.locator(".para-link").click();
  await expect(page).toHaveURL(new RegExp(`${STATEMENT}#p-12$`));
});
