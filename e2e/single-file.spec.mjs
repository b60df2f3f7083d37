// The one-file build, opened from file:// as a double-click would: every document, links
// between them, deep links, search, themes. No server involved.
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { test, expect, DOCUMENT_COUNT } from "./fixtures.mjs";

const FILE = pathToFileURL(resolve("dist-single/security-policy-reader.html")).href;

test("the single file reads every document and links between them from file://", async ({ page }) => {
  await page.goto(FILE);
  await expect(page.locator("main h1")).toHaveText("Documents");
  const titles = await page.locator(".doc-card-title a").allTextContents();
  expect(titles).toHaveLength(DOCUMENT_COUNT);
  for (const title of titles) {
    await page.goto(FILE);
    await page.getByRole("link", { name: title, exact: true }).click();
    await expect(page.locator("main h1")).toHaveText(title);
    expect(page.url().startsWith(`${FILE}?page=/`)).toBe(true);
  }
  await page.locator(".neighbour.previous").click();
  await expect(page.locator("main h1")).toHaveText("Romanian THB ring disrupted in France");
  await page.goBack();
  await expect(page.locator("main h1")).toHaveText("Speech: Defence Secretary Speech at CSIS, Washington");
});

test("the single file keeps deep links, search and the theme", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto(`${FILE}?page=/g20-statement-countering-terrorism#p-10`);
  await expect(page.locator("#p-10")).toHaveClass(/is-target/);
  await page.reload();
  await expect(page.locator("#p-10")).toBeFocused();

  await page.keyboard.press("/");
  await page.keyboard.type("Pazardzhik");
  // A reader chooses among the suggestions once they show (on a loaded machine they can
  // take longer than the keystrokes).
  await expect(page.getByRole("option").first()).toContainText("Pazardzhik");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(`${FILE}?page=/trafficking-ring-dismantled-spain-bulgaria&q=Pazardzhik#p-5`);
  await expect(page.locator("#p-5 mark.hit")).toHaveText("Pazardzhik");

  await page.goto(`${FILE}?page=/search&q=Eurojust`);
  await expect(page.locator(".result").first()).toBeVisible();
  await page.locator(".result .hit-link").first().click();
  await expect(page.locator(".doc-body mark.hit").first()).toBeVisible();

  await page.getByRole("button", { name: "Theme: System" }).click();
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await page.goto(`${FILE}?page=/nowhere`);
  await expect(page.locator("main h1")).toHaveText("Page not found");
});

test("the single file's policy lets nothing leave the machine", async ({ browser }) => {
  // A page of its own: the blocked fetch below logs the refusal, which the shared page fails on.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(FILE);
  await expect(page.locator("html[data-app=ready] main h1")).toHaveText("Documents");
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  expect(policy).toContain("default-src 'none'");
  expect(policy).not.toMatch(/connect-src|'unsafe-inline'/);
  const violations = [];
  page.on("console", (m) => m.type() === "error" && violations.push(m.text()));
  const attempt = await page.evaluate(() => fetch("http://127.0.0.1:9/").then(() => "fetched", () => "blocked"));
  expect(attempt).toBe("blocked");
  expect(violations.join("\n")).toContain("violates the following Content Security Policy directive");
  await context.close();
});
