// End-to-end smoke of every route in headless Firefox (Debian's firefox-esr through
// geckodriver: Playwright cannot drive a stock Firefox). Runs against the release build in
// dist/, served as plain static files.
//   node --test e2e-firefox/
import { after, before, test } from "node:test";
import { spawn } from "node:child_process";
import { homedir } from "node:os";
import { join } from "node:path";
import { Builder, until } from "selenium-webdriver";
import firefox from "selenium-webdriver/firefox.js";
import { deepLinkAndNext, everyRouteRenders, searchLanding } from "../e2e-webdriver/shared.mjs";

process.env.SE_OFFLINE = "true"; // never let Selenium Manager fetch a driver or browser
const PORT = 4175;
const BASE = `http://127.0.0.1:${PORT}`;
const GECKODRIVER = process.env.GECKODRIVER ?? join(homedir(), ".cargo/bin/geckodriver");
const FIREFOX = process.env.FIREFOX ?? "/usr/bin/firefox-esr";

let server;
let driver;

before(async () => {
  server = spawn("node", ["scripts/static-server.mjs", "dist", String(PORT)], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise((resolve) => server.stdout.once("data", resolve));
  const options = new firefox.Options().addArguments("-headless").setBinary(FIREFOX);
  driver = await new Builder()
    .forBrowser("firefox")
    .setFirefoxOptions(options)
    .setFirefoxService(new firefox.ServiceBuilder(GECKODRIVER))
    .build();
});

after(async () => {
  await driver?.quit();
  server?.kill();
});

test("every route renders its page in Firefox", () => everyRouteRenders(driver, BASE));

test("a deep link targets its paragraph and links navigate in the app", async () => {
  await deepLinkAndNext(driver, BASE);
  await driver.navigate().back();
  await driver.wait(until.urlIs(`${BASE}/g20-statement-countering-terrorism#p-10`), 5_000);
});

test("searching from the box lands on the paragraph with its match marked", () => searchLanding(driver, BASE));
