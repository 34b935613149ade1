import { fileURLToPath } from 'node:url';
import { demoUsers, expect, Shell, test } from './fixtures';

const screenshot = (name: string) => fileURLToPath(new URL(`./screenshots/${name}`, import.meta.url));

test.describe('authentication', () => {
  test('an unauthenticated page request redirects to sign-in and comes back after it', async ({ page, loginPage }) => {
    await page.goto('/nodes');
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fnodes$/);
    await expect(loginPage.submit).toBeVisible();
    await expect(loginPage.demoAccounts).toBeVisible();
    await page.screenshot({ path: screenshot('signin.png') });

    // The demo panel fills the form; signing in returns to the page that was asked for.
    await loginPage.demoAccounts.getByRole('button', { name: `Use ${demoUsers.admin}` }).click();
    await expect(loginPage.email).toHaveValue(demoUsers.admin);
    await loginPage.submit.click();
    await expect(page).toHaveURL(/\/nodes$/);
    await new Shell(page).expectSignedIn();
  });

  test('an unauthenticated API request gets 401 JSON', async ({ request }) => {
    const response = await request.get('/api/v1/me');
    expect(response.status()).toBe(401);
    expect(response.headers()['content-type']).toContain('application/json');
    const body = await response.json();
    expect(body.error.code).toBe('unauthorized');
    expect(typeof body.error.message).toBe('string');
    expect(typeof body.error.requestId).toBe('string');
  });

  test('a wrong password shows the generic error and stays on sign-in', async ({ page, loginPage }) => {
    await loginPage.goto();
    await loginPage.signIn(demoUsers.admin, 'definitely-not-the-password');
    await expect(loginPage.error).toHaveText('Email or password is incorrect.');
    await expect(page).toHaveURL(/\/login/);

    // An unknown account gets exactly the same message: accounts cannot be probed.
    await loginPage.signIn('nobody@example.com', 'whatever-password');
    await expect(loginPage.error).toHaveText('Email or password is incorrect.');
  });

  test('sign out ends the session', async ({ asAdmin: page, shell, request }) => {
    await shell.signOut();
    await expect(page).toHaveURL(/\/login/);
    // The console is closed again.
    await page.goto('/');
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2F$/);
    // And the (cookie-less) API context was never signed in.
    expect((await request.get('/api/v1/me')).status()).toBe(401);
  });
});

test.describe('signed out, browser asks for Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('the sign-in page follows Accept-Language', async ({ page, loginPage }) => {
    await loginPage.goto();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('heading', { level: 1, name: '登录 Overlook' })).toBeVisible();
    await expect(loginPage.demoAccounts.getByRole('heading', { name: '演示账户' })).toBeVisible();
  });
});

test('pages carry the security headers and a per-request CSP nonce', async ({ request }) => {
  const first = await request.get('/login');
  const second = await request.get('/login');
  const headers = first.headers();
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['permissions-policy']).toContain('camera=()');
  expect(headers['x-powered-by']).toBeUndefined();
  const csp = headers['content-security-policy'];
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain('unsafe-eval');
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(second.headers()['content-security-policy']).not.toContain(nonce!);
  // Next.js stamped its inline scripts with the nonce, so the page actually runs under this policy.
  expect(await first.text()).toContain(`nonce="${nonce}"`);
});
