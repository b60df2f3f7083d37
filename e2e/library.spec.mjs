// The library as data files: what a first visit, a link and a first search fetch, and what a
// reader sees when a page's data cannot come.
import { expect, test } from "./fixtures.mjs";

const STATEMENT = "/g20-statement-countering-terrorism";
const SPEECH = "/defence-secretary-speech-csis";

// Service workers precache every file; these tests look at what pages themselves fetch.
test.use({ serviceWorkers: "block" });

/** Paths of the data files the page fetches from now on. */
function dataRequests(page) {
  const seen = [];
  page.on("request", (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith("/data/")) seen.push(path);
  });
  return seen;
}

test("a pre-rendered page carries its own data: the first visit fetches no data file", async ({ page }) => {
  const fetched = dataRequests(page);
  await page.goto(STATEMENT);
  await expect(page.locator("main h1")).toHaveText("G20 Leaders’ Statement on Countering Terrorism");
  // The take-over worked from the page's own data: its controls are live.
  await page.locator(".term-button").first().click();
  await expect(page.locator(".term-tip").first()).toBeVisible();
  expect(fetched).toEqual([]);
});

test("a link fetches the list of pages once and the next page's data, not the library", async ({ page }) => {
  const fetched = dataRequests(page);
  await page.goto(STATEMENT);
  await page.locator(".neighbour.next").click();
  await expect(page).toHaveURL(/trafficking-ring-dismantled-spain-bulgaria$/);
  await expect(page.locator("main h1")).toHaveText("Human trafficking ring dismantled by Spanish and Bulgarian authorities");
  await expect(page.locator("main h1")).toBeFocused();
  await page.getByRole("link", { name: "Glossary of acronyms" }).click();
  await expect(page.locator("main h1")).toHaveText("Glossary");
  expect(fetched.map((p) => p.replace(/\.[0-9a-f]{16}\.bin$/, ""))).toEqual([
    "/data/routes",
    "/data/trafficking-ring-dismantled-spain-bulgaria",
    "/data/glossary",
  ]);
});

test("the first search fetches the index's dictionary once and a few shards, never the library; the results land on the paragraph", async ({ page }) => {
  const fetched = dataRequests(page);
  await page.goto(SPEECH);
  const box = page.getByRole("combobox", { name: "Search the documents" });
  await box.click();
  await box.fill("nuclear deterrent");
  await expect(page.getByRole("option").first()).toBeVisible();
  await box.fill("aviation security");
  await expect(page.getByRole("option").first()).toContainText("G20");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/g20-statement-countering-terrorism\?q=aviation/);
  await expect(page.locator("mark.hit").first()).toBeVisible();
  const index = fetched.filter((p) => p.startsWith("/data/search/"));
  expect(index.filter((p) => p.startsWith("/data/search/dictionary.")).length).toBe(1);
  expect(index.filter((p) => /^\/data\/search\/\d+\./.test(p)).length).toBeGreaterThan(0);
  expect(new Set(index).size).toBe(index.length);
  expect(fetched.filter((p) => p.startsWith("/data/library."))).toEqual([]);
});

test("a page whose data cannot come says so and offers to try again", async ({ page }) => {
  await page.goto("/");
  // As a host answers for a file it lost (a 404, which the console reports as such).
  await page.route("**/data/romanian-thb-ring-disrupted-france.*.bin", (route) => route.fulfill({ status: 404, body: "" }));
  await page.getByRole("link", { name: /Romanian THB ring/ }).click();
  await expect(page.locator("main h1")).toHaveText("This page could not be loaded");
  await expect(page.getByRole("alert")).toContainText("could not fetch this page: the server answered 404");
  await page.unroute("**/data/romanian-thb-ring-disrupted-france.*.bin");
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.locator("main h1")).toContainText("Romanian");
});
