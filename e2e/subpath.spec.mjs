// The same reader built for and served under /reader/: links, assets, deep links, reloads.
// URLs here are relative to the base URL http://127.0.0.1:4174/reader/.
import { readdirSync } from "node:fs";
import { test, expect, waitForApp, selectWords } from "./fixtures.mjs";

test("under /reader/ every link, asset and deep link stays under the sub-path", async ({ page, baseURL }) => {
  await page.goto("./");
  await expect(page.locator("main h1")).toHaveText("Documents");
  const hrefs = await page.locator("a[href^='/']").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  expect(hrefs.length).toBeGreaterThan(4);
  for (const href of hrefs) expect(href.startsWith("/reader/"), href).toBe(true);

  await page.getByRole("link", { name: "Romanian THB ring disrupted in France" }).click();
  await expect(page).toHaveURL(`${baseURL}romanian-thb-ring-disrupted-france`);
  await expect(page.locator("main h1")).toHaveText("Romanian THB ring disrupted in France");
  await page.goBack();
  await expect(page.locator("main h1")).toHaveText("Documents");

  // Each route is also a page of its own (NAME.html), so a deep link answers 200.
  const response = await page.goto("g20-statement-countering-terrorism#p-10");
  expect(response.status()).toBe(200);
  await expect(page.locator("#p-10")).toHaveClass(/is-target/);
  await page.reload();
  await expect(page.locator("#p-10")).toBeFocused();
});

test("under /reader/ search lands on the paragraph and unknown pages say so", async ({ page, baseURL }) => {
  await page.goto("./");
  await page.getByRole("combobox", { name: "Search the documents" }).click();
  await page.keyboard.type("Pazardzhik");
  await expect(page.getByRole("option").first()).toContainText("Pazardzhik");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(`${baseURL}trafficking-ring-dismantled-spain-bulgaria?q=Pazardzhik#p-5`);
  await expect(page.locator("#p-5 mark.hit")).toHaveText("Pazardzhik");
  await page.goto("search?q=Eurojust");
  await expect(page.locator(".result").first()).toBeVisible();
  await page.goto("no-such-page");
  await expect(page.locator("main h1")).toHaveText("Page not found");
  await expect(page.locator(".not-found-path")).toHaveText("/no-such-page");
});

test("under /reader/ the security headers and the caching rules apply", async ({ request }) => {
  const wasm = readdirSync("dist-reader").find((f) => f.endsWith("_bg.wasm"));
  const page = await request.get("./g20-statement-countering-terrorism");
  expect(page.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(page.headers()["cache-control"]).toBe("no-cache");
  expect((await request.get(`./${wasm}`)).headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
});

test("under /reader/ a highlight is kept, listed on My notes, and its link lands on its words", async ({ page, baseURL }) => {
  await page.goto("g20-statement-countering-terrorism");
  await waitForApp(page);
  await page.locator("#p-12").scrollIntoViewIfNeeded();
  await selectWords(page, "p-12", "agreed by the FATF Plenary in June");
  await page.getByRole("button", { name: "Highlight", exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Save highlight" }).click();
  await expect(page.locator("#p-12 .note-marker")).toHaveCount(1);
  await page.getByRole("link", { name: "My notes" }).click();
  await expect(page).toHaveURL(`${baseURL}notes`);
  const link = page.locator(".my-notes").getByRole("link", { name: "¶ 12" });
  expect(await link.getAttribute("href")).toBe(`${baseURL}g20-statement-countering-terrorism?quote=agreed%20by%20the%20FATF%20Plenary%20in%20June#p-12`);
  await link.click();
  await expect(page.locator("#p-12 mark.hit").first()).toBeVisible();
  await expect(page.locator("#p-12 .note-marker")).toHaveCount(1);
});
