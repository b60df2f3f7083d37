// End-to-end in WebKit (what readers on iPhones and Macs get): Debian's WebKitGTK MiniBrowser in
// automation mode through WebKitWebDriver, on a virtual display (MiniBrowser has no headless
// mode), driven by selenium-webdriver. Runs against the release build in dist/, served as plain
// static files with its `_headers`.
//   node --test e2e-webkit/
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { Builder, By, Key, until } from "selenium-webdriver";
import { deepLinkAndNext, everyRouteRenders, heading, searchLanding } from "../e2e-webdriver/shared.mjs";

process.env.SE_OFFLINE = "true"; // never let Selenium Manager fetch a driver or browser
const PORT = 4176;
const DRIVER_PORT = 4445;
const DISPLAY = ":99";
const BASE = `http://127.0.0.1:${PORT}`;
/** The MiniBrowser of Debian's webkit2gtk-driver, in the multiarch library folder. */
const MINIBROWSER = ["x86_64-linux-gnu", "aarch64-linux-gnu"].map((arch) => `/usr/lib/${arch}/webkit2gtk-4.1/MiniBrowser`).find(existsSync);

const children = [];
let driver;
let server;

/** Starts a process and waits until it prints `ready` (or, with no pattern, a moment). */
function start(command, args, env, ready) {
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    if (!ready) return setTimeout(resolve, 1_000);
    const check = (data) => ready.test(String(data)) && resolve();
    child.stdout.on("data", check);
    child.stderr.on("data", check);
  });
}

/** Waits until `url` answers (a driver on a busy machine can take more than a moment to listen). */
async function listening(url, seconds = 30) {
  for (let waited = 0; ; waited += 0.25) {
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    if (waited >= seconds) throw new Error(`nothing answered at ${url} after ${seconds} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

before(async () => {
  assert.ok(MINIBROWSER, "WebKitGTK's MiniBrowser is installed (scripts/setup.sh --test installs webkit2gtk-driver)");
  await start("node", ["scripts/static-server.mjs", "dist", String(PORT)], {}, /Serving/);
  server = children.at(-1);
  await start("Xvfb", [DISPLAY, "-screen", "0", "1280x900x24", "-nolisten", "tcp"], {});
  await start("WebKitWebDriver", [`--port=${DRIVER_PORT}`], { DISPLAY });
  await listening(`http://127.0.0.1:${DRIVER_PORT}/status`);
  driver = await new Builder()
    .usingServer(`http://127.0.0.1:${DRIVER_PORT}`)
    .withCapabilities({ browserName: "MiniBrowser", "webkitgtk:browserOptions": { binary: MINIBROWSER, args: ["--automation"] } })
    .build();
});

after(async () => {
  await driver?.quit().catch(() => {});
  for (const child of children.reverse()) if (child.exitCode === null) child.kill();
});

test("every route renders its page in WebKit", () => everyRouteRenders(driver, BASE));

test("a deep link marks its paragraph, also after a reload, and links navigate in the app", () => deepLinkAndNext(driver, BASE, { reload: true }));

test("searching from the box lands on the paragraph with its match marked", () => searchLanding(driver, BASE));

test("an acronym opens its expansion by keyboard and closes with Escape", async () => {
  await driver.get(`${BASE}/g20-statement-countering-terrorism#p-4`);
  await heading(driver);
  const ftf = await driver.findElement(By.xpath("//*[@id='p-4']//*[@role='button'][contains(@class,'term-button')][contains(., 'FTFs')]"));
  await driver.executeScript("arguments[0].focus()", ftf);
  await ftf.sendKeys(Key.ENTER);
  const tip = await driver.wait(until.elementLocated(By.css("#p-4 .term-tip")), 5_000);
  assert.equal(await tip.getText(), "foreign terrorist fighters");
  assert.equal(await ftf.getAttribute("aria-expanded"), "true");
  await ftf.sendKeys(Key.ESCAPE);
  await driver.wait(async () => (await driver.findElements(By.css("#p-4 .term-tip"))).length === 0, 5_000);
});

test("the chosen theme survives a reload", async () => {
  await driver.get(`${BASE}/`);
  await heading(driver);
  const toggle = async () => driver.findElement(By.css("button.theme-toggle"));
  assert.match(await (await toggle()).getText(), /Theme: System$/);
  const systemDark = await driver.executeScript("return matchMedia('(prefers-color-scheme: dark)').matches");
  await (await toggle()).click();
  const chosen = systemDark ? "light" : "dark";
  await driver.wait(async () => (await driver.findElement(By.css("html")).getAttribute("data-theme")) === chosen, 5_000);
  await driver.navigate().refresh();
  await heading(driver);
  assert.equal(await driver.findElement(By.css("html")).getAttribute("data-theme"), chosen);
  assert.match(await (await toggle()).getText(), chosen === "dark" ? /Theme: Dark$/ : /Theme: Light$/);
  await driver.executeScript("localStorage.clear()");
});

test("after one visit and Save every document for offline, the reader works with the server gone (WebKitGTK has service workers)", async () => {
  await driver.get(`${BASE}/`);
  await heading(driver);
  const state = await driver.executeAsyncScript(`
    const done = arguments[arguments.length - 1];
    if (!("serviceWorker" in navigator)) return done("no service workers");
    const timeout = new Promise((resolve) => setTimeout(() => resolve("no worker ready"), 10000));
    Promise.race([navigator.serviceWorker.ready.then(() => caches.keys()).then((keys) => keys.some((k) => k.startsWith("reader ")) ? "cached" : "no cache"), timeout])
      .then(done, (e) => done(String(e)));
  `);
  assert.equal(state, "cached");
  // The first visit keeps the shell; the rest of the library is saved on request.
  await driver.findElement(By.css('.offline button[data-action="save"]')).click();
  const status = await driver.findElement(By.css(".offline-status"));
  await driver.wait(async () => (await status.getText()).startsWith("Every document is saved"), 30_000);
  // WebDriver cannot take WebKitGTK offline: the server goes instead.
  server.kill();
  await new Promise((resolve) => server.once("exit", resolve));
  await driver.get(`${BASE}/defence-secretary-speech-csis`);
  assert.equal(await heading(driver), "Speech: Defence Secretary Speech at CSIS, Washington");
  await driver.get(`${BASE}/search?q=Eurojust`);
  assert.equal(await heading(driver), "Search results");
  // The heading shows at once; the results once the engine and its index come from the cache.
  const found = async () => (await driver.findElements(By.css(".result-group"))).length;
  await driver.wait(async () => (await found()) === 2, 15_000).catch(() => {});
  assert.equal(await found(), 2, "search answers offline");
});
