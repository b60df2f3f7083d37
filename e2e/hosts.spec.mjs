// The offline copy on hosts that behave unlike the plain test server: a host that redirects
// /index.html to / ("pretty URLs"), and one that answers a missing file with its index page and
// status 200. Each runs the release build on a test server with that host's switch.
import { spawn } from "node:child_process";
import { cpSync, rmSync } from "node:fs";
import { join } from "node:path";
import { test, expect, STATEMENT } from "./fixtures.mjs";

/** Serves a copy of dist/ (changed by `edit`) on `port` with the test server's `switches`. */
function host(port, switches, edit = () => {}) {
  const site = `target/host-${port}`;
  let server;
  test.use({ baseURL: `http://127.0.0.1:${port}/` });
  test.beforeAll(async () => {
    rmSync(site, { recursive: true, force: true });
    cpSync("dist", site, { recursive: true });
    edit(site);
    server = spawn("node", ["scripts/static-server.mjs", site, String(port), "/", ...switches], { stdio: ["ignore", "pipe", "inherit"] });
    await new Promise((resolve) => server.stdout.once("data", resolve));
  });
  test.afterAll(() => server?.kill());
}

test.describe("a host that redirects /index.html to /", () => {
  host(4181, ["--redirect-index"]);

  test("the reader still opens offline", async ({ page, context, request }) => {
    expect((await request.get("/index.html", { maxRedirects: 0 })).status(), "the host redirects").toBe(301);
    await page.goto("/");
    await page.evaluate(() => navigator.serviceWorker.ready);
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
    await page.getByRole("link", { name: /G20 Leaders/ }).first().click();
    await expect(page.locator("main h1")).toHaveText("G20 Leaders’ Statement on Countering Terrorism");
    await context.setOffline(true);
    await page.goto("/");
    await expect(page.locator("main h1")).toHaveText("Documents");
    await page.goto(STATEMENT);
    await expect(page.locator("main h1")).toHaveText("G20 Leaders’ Statement on Countering Terrorism");
    await context.setOffline(false);
  });
});

test.describe("a host that answers a missing file with its index page", () => {
  // A file the worker precaches is missing from the deployment.
  host(4182, ["--fallback-200"], (site) => rmSync(join(site, "icon-192.png")));

  test("the worker caches nothing rather than the index page as the file, and the reader still reads", async ({ page }) => {
    // Keeps the registration register-sw.js makes, to follow its worker's install.
    await page.addInitScript(() => {
      const register = navigator.serviceWorker.register.bind(navigator.serviceWorker);
      navigator.serviceWorker.register = (...args) => (window.__registration = register(...args));
    });
    await page.goto("/");
    await expect(page.locator("main h1")).toHaveText("Documents");
    await page.waitForFunction(() => window.__registration);
    const outcome = await page.evaluate(async () => {
      const registration = await window.__registration;
      const worker = registration.installing ?? registration.waiting ?? registration.active;
      const settled = () => !worker || ["redundant", "activated"].includes(worker.state);
      if (!settled()) await new Promise((resolve) => worker.addEventListener("statechange", () => settled() && resolve()));
      return { state: worker?.state ?? "redundant", caches: (await caches.keys()).filter((k) => k.startsWith("reader ")) };
    });
    expect(outcome).toEqual({ state: "redundant", caches: [] });
    await page.getByRole("link", { name: /G20 Leaders/ }).first().click();
    await expect(page.locator("main h1")).toHaveText("G20 Leaders’ Statement on Countering Terrorism");
  });
});
