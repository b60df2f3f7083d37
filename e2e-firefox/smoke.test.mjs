// End-to-end smoke of every route in headless Firefox (Debian's firefox-esr through
// geckodriver: Playwright cannot drive a stock Firefox). Runs against the release build in
// dist/, served as plain static files.
//   node --test e2e-firefox/
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { homedir } from "node:os";
import { join } from "node:path";
import { Builder, By, Key, until } from "selenium-webdriver";
import firefox from "selenium-webdriver/firefox.js";

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

/** The page's h1 once the app has taken the page over (pages are readable before). */
async function heading() {
  await driver.wait(until.elementLocated(By.css("html[data-app=ready]")), 10_000);
  return (await driver.findElement(By.css("main h1"))).getText();
}

const ROUTES = [
  ["/", "Documents"],
  ["/g20-statement-countering-terrorism", "G20 Leaders’ Statement on Countering Terrorism"],
  ["/trafficking-ring-dismantled-spain-bulgaria", "Human trafficking ring dismantled by Spanish and Bulgarian authorities"],
  ["/romanian-thb-ring-disrupted-france", "Romanian THB ring disrupted in France"],
  ["/defence-secretary-speech-csis", "Speech: Defence Secretary Speech at CSIS, Washington"],
  ["/search?q=Eurojust", "Search results"],
  ["/glossary", "Glossary"],
  ["/entities", "Names"],
  ["/entities/malaga", "Málaga"],
  ["/timeline", "Timeline"],
  ["/no-such-page", "Page not found"],
];

test("every route renders its page in Firefox", async () => {
  for (const [path, title] of ROUTES) {
    await driver.get(BASE + path);
    assert.equal(await heading(), title, path);
    assert.match(await driver.getTitle(), / · Security Policy Reader$/, path);
  }
});

test("a deep link targets its paragraph and links navigate in the app", async () => {
  await driver.get(`${BASE}/g20-statement-countering-terrorism#p-10`);
  await heading();
  const p10 = await driver.findElement(By.id("p-10"));
  await driver.wait(async () => (await p10.getAttribute("class")).includes("is-target"), 5_000);
  await driver.findElement(By.css(".neighbour.next")).click();
  await driver.wait(until.urlIs(`${BASE}/trafficking-ring-dismantled-spain-bulgaria`), 5_000);
  assert.equal(await heading(), "Human trafficking ring dismantled by Spanish and Bulgarian authorities");
  await driver.navigate().back();
  await driver.wait(until.urlIs(`${BASE}/g20-statement-countering-terrorism#p-10`), 5_000);
});

test("searching from the box lands on the paragraph with its match marked", async () => {
  await driver.get(`${BASE}/`);
  await heading();
  const box = await driver.findElement(By.id("search-input"));
  await box.sendKeys("Pazardzhik");
  await driver.wait(until.elementLocated(By.css("#search-option-0")), 5_000);
  await box.sendKeys(Key.ARROW_DOWN, Key.ENTER);
  await driver.wait(until.urlContains("?q=Pazardzhik#p-5"), 5_000);
  const mark = await driver.wait(until.elementLocated(By.css("#p-5 mark.hit")), 5_000);
  assert.equal(await mark.getText(), "Pazardzhik");
});
