/**
 * Where the e2e web server listens; shared by playwright.config.ts and the fixtures.
 * OVERLOOK_E2E_PORT lets a second checkout run its suite beside this one.
 */
export const E2E_PORT = Number(process.env.OVERLOOK_E2E_PORT ?? 3100);
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
