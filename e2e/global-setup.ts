import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FullConfig } from '@playwright/test';

/**
 * Runs once, after the web server is up (Playwright starts webServer first; the data wipe therefore
 * happens in the webServer command, see playwright.config.ts). Checks the server really is the demo
 * instance the specs expect, so a misconfigured run fails with one clear message.
 */
export default async function globalSetup(config: FullConfig) {
  mkdirSync(fileURLToPath(new URL('./screenshots/', import.meta.url)), { recursive: true });
  const baseURL = config.projects[0]?.use.baseURL ?? 'http://127.0.0.1:3100';
  const response = await fetch(`${baseURL}/api/v1/me`, { headers: { accept: 'application/json' } });
  if (response.status !== 401) {
    throw new Error(`e2e: expected ${baseURL}/api/v1/me to answer 401 without credentials, got ${response.status}`);
  }
}
