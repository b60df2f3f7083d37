// The catalogue: its orders and shelves (kind, year, issuer, place), each a page of its own
// that a link, back and forward, and a reader without JavaScript all reach.
import { expect, test } from "./fixtures.mjs";

const RELEASES = ["Human trafficking ring dismantled by Spanish and Bulgarian authorities", "Romanian THB ring disrupted in France"];
const titles = (page) => page.locator(".doc-card-title a").allTextContents();
const shelf = (page, group, name) => page.locator(".shelves div").filter({ has: page.getByRole("heading", { name: group, exact: true }) }).getByRole("link", { name, exact: true });

test("a shelf lists the documents of one kind, with its count; an order re-sorts the whole; back and forward return", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("main h1")).toHaveText("Documents");
  await expect(shelf(page, "Order", "Catalogue order")).toHaveAttribute("aria-current", "true");
  const kinds = await page.locator(".shelves div").filter({ has: page.getByRole("heading", { name: "Kind" }) }).locator("li").allTextContents();
  expect(kinds).toEqual(["Statement (1)", "Press release (2)", "Speech (1)"]);

  await shelf(page, "Kind", "Press release").click();
  await expect(page).toHaveURL(/\/documents\/kind\/press-release$/);
  await expect(page.locator("main h1")).toHaveText("Press releases");
  await expect(page.locator("main h1")).toBeFocused();
  await expect(page.locator(".lede")).toHaveText("2 documents");
  expect(await titles(page)).toEqual(RELEASES);
  await expect(shelf(page, "Kind", "Press release")).toHaveAttribute("aria-current", "true");
  await expect(shelf(page, "Order", "Catalogue order")).not.toHaveAttribute("aria-current", "true");
  await expect(page).toHaveTitle(/^Press releases/);

  await shelf(page, "Order", "Newest first").click();
  await expect(page).toHaveURL(/\/documents\/newest$/);
  await expect(page.locator("main h1")).toHaveText("Documents, newest first");
  // The two dated 7 July 2017 first, in the library's order; the undated after them.
  expect(await titles(page)).toEqual([...RELEASES, "G20 Leaders’ Statement on Countering Terrorism", "Speech: Defence Secretary Speech at CSIS, Washington"]);
  await shelf(page, "Order", "Title A–Z").click();
  await expect(page.locator("main h1")).toHaveText("Documents by title");
  const sorted = await titles(page);
  expect(sorted).toEqual([...sorted].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));

  await page.goBack();
  await expect(page.locator("main h1")).toHaveText("Documents, newest first");
  await page.goBack();
  await expect(page.locator("main h1")).toHaveText("Press releases");
  expect(await titles(page)).toEqual(RELEASES);
  await page.goForward();
  await expect(page).toHaveURL(/\/documents\/newest$/);

  // An issuer, a year and a place: each shelf lists what its count says.
  for (const [group, name, heading, count] of [["Issued by", "Eurojust", "Issued by Eurojust", 2], ["Year", "2017", "Documents of 2017", 2], ["Place", "Washington", "Documents from Washington", 1], ["Topic", "Terrorism", "Topic: Terrorism", 2], ["Topic", "Human trafficking", "Topic: Human trafficking", 2]]) {
    await page.goto("/");
    await shelf(page, group, name).click();
    await expect(page.locator("main h1")).toHaveText(heading);
    await expect(page.locator(".doc-card")).toHaveCount(count);
  }
});

test("a shelf opened directly is pre-rendered and taken over; an unknown shelf is not found", async ({ page }) => {
  await page.goto("/documents/issued-by/uk-defence-secretary");
  await expect(page.locator("main h1")).toHaveText("Issued by UK Defence Secretary");
  expect(await titles(page)).toEqual(["Speech: Defence Secretary Speech at CSIS, Washington"]);
  await page.locator(".doc-card-title a").click();
  await expect(page.locator("main h1")).toHaveText("Speech: Defence Secretary Speech at CSIS, Washington");
  await page.goto("/documents/kind/pamphlet");
  await expect(page.locator("main h1")).toHaveText("Page not found");
});

test("with JavaScript off, the shelves are links to pages that list their documents", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/");
  await shelf(page, "Issued by", "Eurojust").click();
  await expect(page).toHaveURL(/\/documents\/issued-by\/eurojust$/);
  await expect(page.locator("main h1")).toHaveText("Issued by Eurojust");
  expect(await titles(page)).toEqual(RELEASES);
  await context.close();
});
