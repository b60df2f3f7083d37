// Offline and installable: after one visit the service worker serves the whole reader.
import { test, expect, STATEMENT, SPEECH } from "./fixtures.mjs";

test("after one visit every route reads, and search answers, with the network off", async ({ page, context }) => {
  await page.goto("/");
  await expect(page.locator("main h1")).toBeVisible();
  const version = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const keys = await caches.keys();
    return { scope: registration.scope, keys };
  });
  expect(version.keys.filter((k) => k.startsWith("reader-"))).toHaveLength(1);

  await context.setOffline(true);
  const routes = [
    [STATEMENT, "G20 Leaders’ Statement on Countering Terrorism"],
    ["/trafficking-ring-dismantled-spain-bulgaria", "Human trafficking ring dismantled by Spanish and Bulgarian authorities"],
    ["/romanian-thb-ring-disrupted-france", "Romanian THB ring disrupted in France"],
    [SPEECH, "Speech: Defence Secretary Speech at CSIS, Washington"],
    ["/", "Documents"],
  ];
  for (const [route, title] of routes) {
    await page.goto(route);
    await expect(page.locator("main h1")).toHaveText(title);
  }
  await page.goto(`${STATEMENT}?q=aviation#p-8`);
  await expect(page.locator("#p-8 mark.hit").first()).toHaveText("aviation");
  await page.goto("/search?q=Eurojust");
  await expect(page.locator(".result").first()).toBeVisible();
  await context.setOffline(false);
});

test("the web app manifest names the reader and its icons", async ({ page, request }) => {
  await page.goto("/");
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  const manifest = await (await request.get(href)).json();
  expect(manifest.name).toBe("Security Policy Reader");
  expect(manifest.start_url).toBe("./");
  expect(manifest.display).toBe("standalone");
  const sizes = manifest.icons.map((i) => i.sizes);
  expect(sizes).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  for (const icon of manifest.icons) expect((await request.get(icon.src)).status(), icon.src).toBe(200);
});
