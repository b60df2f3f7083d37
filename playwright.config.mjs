// End-to-end tests: the release build in dist/, served as plain static files, driven in
// Debian's headless Chromium (Playwright never downloads a browser here).
import { defineConfig } from "@playwright/test";

const PORT = 4173;
/** The same reader built for a sub-path (trunk --public-url /reader/, in dist-reader/). */
const SUBPATH_PORT = 4174;

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
    { name: "root", testIgnore: /(subpath|single-file)\.spec/ },
    { name: "single-file", testMatch: /single-file\.spec/ },
    { name: "subpath", testMatch: /subpath\.spec/, use: { baseURL: `http://127.0.0.1:${SUBPATH_PORT}/reader/` } },
  ],
  webServer: [
    { command: `node scripts/static-server.mjs dist ${PORT}`, url: `http://127.0.0.1:${PORT}/`, reuseExistingServer: false },
    {
      command: `node scripts/static-server.mjs dist-reader ${SUBPATH_PORT} /reader/`,
      url: `http://127.0.0.1:${SUBPATH_PORT}/reader/`,
      reuseExistingServer: false,
    },
  ],
});
