// What the WebDriver smokes (Firefox in e2e-firefox/, WebKit in e2e-webkit/) share: the routes
// with their headings, and the checks every engine must pass, written once against a driver.
import assert from "node:assert/strict";
import { By, Key, until } from "selenium-webdriver";

export const ROUTES = [
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

/** The page's h1 once the app has taken the page over (pages are readable before), or has
 *  rendered it itself (offline, from the shell, once the page's data has come). */
export async function heading(driver) {
  // The app starts on the first sign of use (public/register-sw.js, which marks <html data-cite>
  // once it runs): a key, Shift.
  await driver.wait(until.elementLocated(By.css("html[data-cite]")), 10_000);
  await driver.actions().keyDown(Key.SHIFT).keyUp(Key.SHIFT).perform();
  await driver.wait(until.elementLocated(By.css("html[data-app=ready]")), 10_000);
  return (await driver.wait(until.elementLocated(By.css("main h1")), 10_000)).getText();
}

/** Every route shows its heading and a page title. */
export async function everyRouteRenders(driver, base) {
  for (const [path, title] of ROUTES) {
    await driver.get(base + path);
    assert.equal(await heading(driver), title, path);
    assert.match(await driver.getTitle(), / · Security Policy Reader$/, path);
  }
}

/** A deep link marks its paragraph; the next-document link navigates in the app. */
export async function deepLinkAndNext(driver, base, { reload = false } = {}) {
  await driver.get(`${base}/g20-statement-countering-terrorism#p-10`);
  await heading(driver);
  const marked = async () => (await driver.findElement(By.id("p-10")).getAttribute("class")).includes("is-target");
  await driver.wait(marked, 5_000);
  if (reload) {
    await driver.navigate().refresh();
    await heading(driver);
    await driver.wait(marked, 5_000);
  }
  await driver.findElement(By.css(".neighbour.next")).click();
  await driver.wait(until.urlIs(`${base}/trafficking-ring-dismantled-spain-bulgaria`), 5_000);
  assert.equal(await heading(driver), "Human trafficking ring dismantled by Spanish and Bulgarian authorities");
}

/** Typing in the search box and choosing the first result lands on it with the match marked. */
export async function searchLanding(driver, base) {
  await driver.get(`${base}/`);
  await heading(driver);
  const box = await driver.findElement(By.id("search-input"));
  await box.sendKeys("Pazardzhik");
  await driver.wait(until.elementLocated(By.css("#search-option-0")), 5_000);
  await box.sendKeys(Key.ARROW_DOWN, Key.ENTER);
  await driver.wait(until.urlContains("?q=Pazardzhik#p-5"), 5_000);
  const mark = await driver.wait(until.elementLocated(By.css("#p-5 mark.hit")), 5_000);
  assert.equal(await mark.getText(), "Pazardzhik");
}
