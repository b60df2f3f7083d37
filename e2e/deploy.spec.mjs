// A new deployment replaces the old one cleanly: the service worker of the new version caches
// its whole file set, takes over, and deletes the old version's cache; offline, the reader is
// then the new version, whole. (JavaScript and wasm are named by one content hash, so a page
// can only ever load the pair its index.html names.) The host lets browsers keep pages ten
// minutes (`max-age=600`, as GitHub Pages does), so the new version's worker must fetch past
// the HTTP cache, or it would keep the old index.html.
import { spawn } from "node:child_process";
import { cpSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test, expect } from "./fixtures.mjs";

const SITE = "target/deploy-site";

/** Turns the served copy into "version B": a new page marker and a new service worker. */
function deployVersionB() {
  for (const file of readdirSync(SITE).filter((f) => f.endsWith(".html"))) {
    const html = readFileSync(join(SITE, file), "utf8");
    writeFileSync(join(SITE, file), html.replace(/<title>/, '<meta name="deployment" content="B"><title>'));
  }
  const worker = readFileSync(join(SITE, "sw.js"), "utf8");
  writeFileSync(join(SITE, "sw.js"), worker.replace(/const VERSION = "([^"]+)"/, 'const VERSION = "$1-b"'));
}

const readerCaches = (page) => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith("reader / ")));

test("a new deployment is announced to an open reader, replaces the old version on reload, and offline the reader is the new one", async ({ page, context }) => {
  await page.goto("./");
  await expect(page.locator("main h1")).toHaveText("Documents");
  await page.evaluate(() => navigator.serviceWorker.ready);
  const [first] = await readerCaches(page);
  expect(first).toMatch(/^reader \/ [0-9a-f]{16}$/);
  await expect(page.locator(".update-banner")).toHaveCount(0);

  deployVersionB();
  // The reader comes back to the open tab: the page looks for a new version.
  await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
  const banner = page.getByRole("complementary", { name: "New version" });
  await expect(banner).toContainText("A new version is ready.", { timeout: 15_000 });
  await expect(page.locator('meta[name="deployment"]')).toHaveCount(0);
  expect((await readerCaches(page)).sort(), "the new version waits beside the old").toEqual([first, `${first}-b`]);

  await banner.getByRole("button", { name: "Reload" }).click();
  await page.waitForURL("**/");
  await expect(page.locator('meta[name="deployment"]')).toHaveAttribute("content", "B", { timeout: 15_000 });
  await expect.poll(() => readerCaches(page), { timeout: 15_000 }).toEqual([`${first}-b`]);
  await expect(page.locator(".update-banner")).toHaveCount(0);

  // A page read under the old version (its data kept as read) reads offline under the new one.
  await page.getByRole("link", { name: /Defence Secretary Speech/ }).first().click();
  await expect(page.locator("main h1")).toHaveText("Speech: Defence Secretary Speech at CSIS, Washington");
  await context.setOffline(true);
  await page.goto("./defence-secretary-speech-csis");
  await expect(page.locator("main h1")).toHaveText("Speech: Defence Secretary Speech at CSIS, Washington");
  await expect(page.locator('meta[name="deployment"]')).toHaveAttribute("content", "B");
  await context.setOffline(false);
});

test.describe("two builds on one origin", () => {
  // The root build with the /reader/ build inside it, served together (without `_headers`:
  // a host reads one such file, and the root build's policy names the root build's scripts).
  const PORT = 4179;
  const SITE_OF_TWO = "target/two-builds";
  let server;
  test.use({ baseURL: `http://127.0.0.1:${PORT}/` });
  test.beforeAll(async () => {
    rmSync(SITE_OF_TWO, { recursive: true, force: true });
    cpSync("dist", SITE_OF_TWO, { recursive: true });
    cpSync("dist-reader", join(SITE_OF_TWO, "reader"), { recursive: true });
    for (const rules of [join(SITE_OF_TWO, "_headers"), join(SITE_OF_TWO, "reader", "_headers")]) rmSync(rules);
    server = spawn("node", ["scripts/static-server.mjs", SITE_OF_TWO, String(PORT)], { stdio: ["ignore", "pipe", "inherit"] });
    await new Promise((resolve) => server.stdout.once("data", resolve));
  });
  test.afterAll(() => server?.kill());

  test("at / and under /reader/, each keeps its own offline copy", async ({ page }) => {
    const activated = (scope) =>
      page.evaluate(async (scope) => (await navigator.serviceWorker.getRegistration(scope))?.active?.state === "activated", scope);
    const scopes = () => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith("reader ")).map((k) => k.split(" ")[1]).sort());
    await page.goto("/");
    await expect.poll(() => activated("/")).toBe(true);
    await page.goto("/reader/");
    await expect(page.locator("main h1")).toHaveText("Documents");
    await expect.poll(() => activated("/reader/")).toBe(true);
    expect(await scopes(), "activating the /reader/ build leaves the root build's cache alone").toEqual(["/", "/reader/"]);
  });
});
