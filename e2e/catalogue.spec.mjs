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

test("the names the documents mention are shelves: the most named on every catalogue page, each name's from its page", async ({ page }) => {
  await page.goto("/");
  const names = page.locator(".shelves div").filter({ has: page.getByRole("heading", { name: "Names", exact: true }) }).locator("li");
  await expect(names).toHaveCount(13);
  const counts = (await names.allTextContents()).slice(0, 12).map((t) => Number(t.match(/\((\d+)\)$/)?.[1]));
  expect(counts.every((n, i) => n >= 1 && (i === 0 || n <= counts[i - 1])), `most named first: ${counts}`).toBe(true);
  await shelf(page, "Names", "Eurojust").click();
  await expect(page).toHaveURL(/\/documents\/name\/eurojust$/);
  await expect(page.locator("main h1")).toHaveText("Documents naming Eurojust");
  expect(await titles(page)).toEqual(RELEASES);

  // The rest are reached from the names index, where each name leads to its shelf.
  await shelf(page, "Names", /^All \d+ names$/).click();
  await expect(page.locator("main h1")).toHaveText("Names");
  await page.getByRole("link", { name: "NATO", exact: true }).click();
  await expect(page.locator("main h1")).toHaveText("NATO");
  await page.getByRole("link", { name: "The documents that name it" }).click();
  await expect(page).toHaveURL(/\/documents\/name\/nato$/);
  await expect(page.locator("main h1")).toHaveText("Documents naming NATO");
  // Waits for the list (its data comes after the address changes).
  await expect(page.locator(".doc-card-title a")).toHaveText(["Speech: Defence Secretary Speech at CSIS, Washington"]);
});

test("the names index goes by kind and by initial letter, with JavaScript and without", async ({ page, browser, baseURL }) => {
  for (const scripted of [true, false]) {
    const context = scripted ? page.context() : await browser.newContext({ baseURL, javaScriptEnabled: false });
    const tab = scripted ? page : await context.newPage();
    await tab.goto("/entities");
    const kinds = tab.getByRole("navigation", { name: "Kinds of name" });
    const places = tab.locator("section").filter({ has: tab.getByRole("heading", { name: "Places", exact: true }) });
    const placeCount = await places.locator(".entity-list li").count();
    await expect(kinds.getByRole("listitem").filter({ hasText: "Places" })).toHaveText(`Places (${placeCount})`);
    await kinds.getByRole("link", { name: "Places" }).click();
    await expect(tab).toHaveURL(/\/entities#kind-place$/);
    await expect(places.getByRole("heading", { name: "Places" })).toBeInViewport();

    // Each letter jumps to the first place whose name starts with it.
    const letters = places.getByRole("navigation", { name: "Places by initial" }).getByRole("link");
    const initials = (await places.locator(".entity-list li > a").allTextContents()).map((n) => n[0].toUpperCase());
    expect(await letters.allTextContents()).toEqual([...new Set(initials)]);
    const last = initials.at(-1);
    await letters.filter({ hasText: last }).click();
    await expect(tab).toHaveURL(new RegExp(`/entities#place-${last.toLowerCase()}$`));
    const first = places.locator(".entity-list li").nth(initials.indexOf(last));
    await expect(first).toHaveAttribute("id", `place-${last.toLowerCase()}`);
    await expect(first).toBeInViewport();
    if (!scripted) await context.close();
  }
});

test("between two dates: the catalogue opens a search for documents alone over the library's span, to narrow", async ({ page }) => {
  await page.goto("/");
  await shelf(page, "Year", "Between two dates").click();
  await expect(page).toHaveURL(/\/search\?q=from%3A2017%20to%3A2017$/);
  await expect(page.locator(".search-summary")).toHaveText("2 documents match from:2017 to:2017");
  await expect(page.locator(".result-group h2")).toHaveText(RELEASES);
  await expect(page.getByRole("combobox", { name: "Search the documents" })).toHaveValue("from:2017 to:2017");
});
