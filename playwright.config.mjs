// End-to-end tests: the release build in dist/, served as plain static files, driven in
// Debian's headless Chromium (Playwright never downloads a browser here).
import { defineConfig } from "@playwright/test";

const PORT = 4173;
/** The same reader built for a sub-path (trunk --public-url /reader/, in dist-reader/). */
const SUBPATH_PORT = 4174;
/** A copy of dist/ that the deployment test replaces with a new version while it is served. */
const DEPLOY_PORT = 4178;
/** The reader built from the fixture corpus (tests/fixtures/resolution, in dist-fixtures/). */
const FIXTURES_PORT = 4185;

export default defineConfig({
  testDir: "e2e",
  timeout: 30_000,
  workers: 2,
  reporter: [["list"]],
  forbidOnly: !!process.env.CI,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: "chromium",
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
    },
  },
  projects: [
    { name: "root", testIgnore: /(subpath|single-file|deploy|fixtures)\.spec/ },
    { name: "fixtures", testMatch: /fixtures\.spec/, use: { baseURL: `http://127.0.0.1:${FIXTURES_PORT}` } },
    { name: "deploy", testMatch: /deploy\.spec/, use: { baseURL: `http://127.0.0.1:${DEPLOY_PORT}/` } },
    { name: "single-file", testMatch: /single-file\.spec/ },
    { name: "subpath", testMatch: /subpath\.spec/, use: { baseURL: `http://127.0.0.1:${SUBPATH_PORT}/reader/` } },
  ],
  webServer: [
    {
      command: `rm -rf target/deploy-site && cp -r dist target/deploy-site && node scripts/static-server.mjs target/deploy-site ${DEPLOY_PORT} / --max-age=600`,
      url: `http://127.0.0.1:${DEPLOY_PORT}/`,
      reuseExistingServer: false,
    },
    { command: `node scripts/static-server.mjs dist-fixtures ${FIXTURES_PORT}`, url: `http://127.0.0.1:${FIXTURES_PORT}/`, reuseExistingServer: false },
    { command: `node scripts/static-server.mjs dist ${PORT}`, url: `http://127.0.0.1:${PORT}/`, reuseExistingServer: false },
    {
      command: `node scripts/static-server.mjs dist-reader ${SUBPATH_PORT} /reader/`,
      url: `http://127.0.0.1:${SUBPATH_PORT}/reader/`,
      reuseExistingServer: false,
    },
  ],
});
