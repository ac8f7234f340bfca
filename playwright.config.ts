// End-to-end tests: the built app on a fresh embedded database, driven in Debian's Chromium.
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
// Its own simulator and Prometheus ports, so `npm test` runs beside a running `npm start` (specs read these too).
process.env.TERN_SIM_PORT_OFFSET ??= "1000";
process.env.TERN_PROMETHEUS_PORT ??= "10464";
process.env.TERN_ALERTMANAGER_PORT ??= "10493";

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: `rm -rf .tern-e2e && TERN_DATA_DIR=.tern-e2e TERN_SIGNIN_ATTEMPTS_PER_MINUTE=1000 PORT=${PORT} node --import tsx server/cli/start.ts`,
    url: `http://localhost:${PORT}/sign-in`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
  },
});
