import { defineConfig } from '@playwright/test';
import { E2E_BASE_URL as baseURL, E2E_PORT as port } from './e2e/support/base-url';

/**
 * End-to-end tests in real Chromium against the production server (`node scripts/start.mjs`, which
 * builds if needed and runs `next start`) in demo mode with a frozen simulated fleet.
 */
export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  // Two cores shared with the server under test: one browser at a time.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  globalSetup: './e2e/global-setup.ts',
  use: {
    baseURL,
    browserName: 'chromium',
    trace: 'on-first-retry',
    screenshot: 'only-on-failure',
    locale: 'en-US',
    timezoneId: 'UTC',
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    },
  },
  projects: [{ name: 'chromium' }],
  webServer: {
    // Playwright starts the web server BEFORE globalSetup runs, so the data directories are wiped
    // here, right before the server opens them; every run starts from an empty database.
    command: 'node e2e/support/reset-test-data.mjs && node scripts/start.mjs',
    url: `${baseURL}/login`,
    reuseExistingServer: false,
    timeout: 240_000,
    // Piped so a failed build or start-up explains itself in the test output.
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      HOSTNAME: '127.0.0.1',
      OVERLOOK_DATA_DIR: '.test-data/e2e',
      OVERLOOK_DEMO: 'true',
      OVERLOOK_SIMULATOR_DIR: '.test-data/e2e-simulator',
      OVERLOOK_SIMULATOR_CHURN: '0',
      NEXTAUTH_URL: baseURL,
    },
  },
});
