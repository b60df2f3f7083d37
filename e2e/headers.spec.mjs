// The security headers the build writes in `_headers`, as a host that reads the file serves
// them (the test server applies it, so every other test also runs under them).
import { createHash } from "node:crypto";
import { readdirSync, statSync } from "node:fs";
import { connect } from "node:net";
import { test, expect, signOfUse } from "./fixtures.mjs";

test("pages and files carry the security headers, hashed files are immutable, pages and sw.js revalidate", async ({ page, request }) => {
  await page.goto("/");
  const hashed = readdirSync("dist").filter((f) => /-[0-9a-f]{8,}(_bg)?\.(js|wasm|css)$/.test(f)).map((f) => `/${f}`);
  expect(hashed.filter((f) => /\.(js|wasm|css)$/.test(f)).length, "the CSS, the JavaScript and the wasm").toBeGreaterThanOrEqual(3);

  for (const path of ["/", "/g20-statement-countering-terrorism", "/entities/isil", "/no-such-page", "/sw.js", ...hashed]) {
    const response = await request.get(path);
    const headers = response.headers();
    expect(headers["content-security-policy"], path).toMatch(/^default-src 'none'; script-src 'strict-dynamic' 'wasm-unsafe-eval' 'sha256-/);
    expect(headers["content-security-policy"], path).toContain("form-action 'self'");
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("no-referrer");
    expect(headers["permissions-policy"], path).toMatch(/(^|, )camera=\(\)(, |$)/);
    expect(headers["cross-origin-opener-policy"], path).toBe("same-origin");
    const immutable = hashed.includes(path);
    expect(headers["cache-control"], path).toBe(immutable ? "public, max-age=31536000, immutable" : "no-cache");
  }
  expect((await request.get("/_headers")).status(), "hosts never serve the rules themselves").toBe(404);
});

test("under the headers the reader runs without a console message", async ({ page }) => {
  const messages = [];
  page.on("console", (m) => messages.push(`${m.type()}: ${m.text()}`));
  await page.goto("/g20-statement-countering-terrorism#p-3");
  await expect(page.locator("#p-3")).toHaveClass(/is-target/);
  await page.keyboard.press("/");
  await page.keyboard.type("FATF");
  await expect(page.locator("#search-option-0")).toBeVisible();
  expect(messages).toEqual([]);
});

test("a script injected into a page from the reader's own origin does not run", async ({ page }) => {
  // As if a copy of the page had been tampered with on a shared origin: a same-origin script.
  await page.route("**/injected.js", (route) => route.fulfill({ contentType: "text/javascript", body: "window.injected = true;" }));
  await page.route("**/g20-statement-countering-terrorism", async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace("</head>", '<script src="/injected.js"></script></head>');
    await route.fulfill({ response, body: html });
  });
  page.allowConsoleError(/Content Security Policy/);
  await page.goto("/g20-statement-countering-terrorism");
  await expect(page.locator("html")).toHaveAttribute("data-app", "ready");
  expect(await page.evaluate(() => window.injected)).toBeUndefined();
  const violations = await page.evaluate(() => window.__cspViolations.splice(0));
  // Reported once or twice (the preload scanner may try it too), and nothing else.
  expect(violations.length).toBeGreaterThan(0);
  for (const v of violations) expect(v).toMatch(/^script-src(-elem)? .*\/injected\.js$/);
});

test("each page's policy allows exactly the inline scripts it carries: the home page's head script nowhere else", async ({ request }) => {
  for (const [path, scripts] of [["/", 2], ["/g20-statement-countering-terrorism", 1], ["/glossary", 1], ["/no-such-page", 1]]) {
    const html = await (await request.get(path)).text();
    const policy = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)[1];
    const allowed = policy.match(/script-src ([^;]*)/)[1].match(/'sha256-[^']*'/g).sort();
    // Executable inline scripts: not those with a src, nor data blocks (JSON-LD, the page's data).
    const inline = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)]
      .filter(([, attributes]) => !/\bsrc=|application\/(ld\+json|octet-stream)/.test(attributes))
      .map(([, , text]) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`)
      .sort();
    expect(inline.length, path).toBe(scripts);
    expect(allowed, path).toEqual(inline);
  }
});

test("a damaged wasm is refused before it runs, and the page stays readable", async ({ page }) => {
  // A page outside the fixture's checks: this one is meant to log an error and never start.
  const raw = await page.context().newPage();
  const errors = [];
  raw.on("pageerror", (e) => errors.push(e.message));
  await raw.route("**/*_bg.wasm", async (route) => {
    const response = await route.fetch();
    const body = await response.body();
    body[body.length - 1] ^= 1; // one bit in the last custom section: it would still compile
    await route.fulfill({ response, body });
  });
  await raw.goto("/g20-statement-countering-terrorism");
  await signOfUse(raw); // the app starts on the first sign of use
  // The check runs after the page has loaded and the wasm has come through the route: slow on a busy machine.
  await expect.poll(() => errors.join("\n"), { timeout: 15_000 }).toContain("did not arrive intact");
  await expect(raw.locator("main h1")).toHaveText("G20 Leaders’ Statement on Countering Terrorism");
  expect(await raw.locator("html").getAttribute("data-app")).toBeNull();
  await raw.close();
});

/** The raw answer of the test server to a request line, sent as is over a socket. */
function rawRequest(port, requestLine) {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.write(`${requestLine}\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`));
    let answer = "";
    socket.on("data", (chunk) => (answer += chunk));
    socket.on("end", () => resolve(answer));
    socket.on("error", reject);
  });
}

test("the test server keeps to its folder and survives a malformed request", async ({ baseURL, request }) => {
  const port = Number(new URL(baseURL).port);
  // The sub-path build sits beside dist/ in dist-reader/, a folder whose name starts with dist's.
  expect(statSync("dist-reader/index.html").isFile()).toBe(true);
  const escaped = await rawRequest(port, "GET /..%2fdist-reader/index.html HTTP/1.1");
  expect(escaped).toMatch(/^HTTP\/1\.1 404/);
  expect(escaped).not.toContain('href="/reader/');
  expect(await rawRequest(port, "GET http://[ HTTP/1.1")).toMatch(/^HTTP\/1\.1 400/);
  expect((await request.get("/")).status(), "still serving").toBe(200);
});
