/**
 * Admin › Hubs end to end: a platform admin registers a hub through the console, tests its
 * connection (a wrong token first), sees it live on the overview, edits and deletes it; an operator
 * is not offered the page and the API refuses them.
 *
 * The demo simulator's hubs all come from the kubeconfig, so this spec starts a second simulator of
 * its own, in the test process (one hub, random free ports, under .test-data/), and registers that
 * hub as `lab-east` with the URL, CA and token from its kubeconfig. It is stopped, and `lab-east`
 * deleted if a failure left it registered, in afterAll — later specs see the demo fleet unchanged.
 *
 * Credentials are write-only: every response the browser received during the flow and the page HTML
 * are searched for the token.
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Response } from '@playwright/test';
import { startSimulator, type RunningSimulator } from '../simulator/index';
import { demoUsers, expect, signIn, test } from './fixtures';
import { AdminHubsPage } from './pages/hubs-admin';
import { asAccount } from './pages/tenancy';
import { FleetOverviewPage } from './pages/fleet';
import { E2E_BASE_URL } from './support/base-url';

const screenshot = (name: string) => fileURLToPath(new URL(`./screenshots/${name}`, import.meta.url));
const simulatorDir = fileURLToPath(new URL('../.test-data/e2e-hubs-simulator', import.meta.url));
const HUB = 'lab-east';
const DOWN_HUB = 'lab-down';
const WRONG_TOKEN = 'wrong-token-0f7c1d9e2b4a6c8e';

let sim: RunningSimulator;
let connection: { server: string; ca: string; token: string; simulatorHub: string };

test.describe('Admin › Hubs', () => {
  test.beforeAll(async () => {
    await rm(simulatorDir, { recursive: true, force: true });
    sim = await startSimulator({ hubs: 1, scale: 'small', seed: 7, churn: 0, basePort: 0, dir: simulatorDir });
    const [hub] = sim.hubs;
    connection = { server: hub.server, token: hub.token, ca: (await readFile(path.join(simulatorDir, 'ca.crt'), 'utf8')).trim(), simulatorHub: hub.name };
  });

  test.afterAll(async ({ browser }) => {
    // A failed run must not leave lab-east registered against a simulator that is about to stop.
    await asAccount(browser, demoUsers.admin, async (page) => {
      for (const name of [HUB, DOWN_HUB]) {
        const response = await page.request.delete(`/api/v1/admin/hubs/${name}`);
        expect([204, 200, 404]).toContain(response.status());
      }
    }).catch(() => undefined);
    await sim?.stop();
    await rm(simulatorDir, { recursive: true, force: true });
  });

  test('an admin registers a hub (wrong token first), sees it live on the overview, edits and deletes it; the token never comes back', async ({ asAdmin: page }) => {
    test.setTimeout(240_000);
    const bodies: Promise<{ url: string; text: string } | null>[] = [];
    page.on('response', (response: Response) => {
      const type = response.headers()['content-type'] ?? '';
      if (type.includes('text/event-stream') || /^image\/|font\//.test(type)) return; // the stream never ends
      bodies.push(
        response
          .body()
          .then((body) => ({ url: response.url(), text: body.toString('utf8') }))
          .catch(() => null),
      );
    });
    const htmlSnapshots: string[] = [];
    const hubs = new AdminHubsPage(page);

    // Admin › Hubs from the admin tabs.
    await page.goto('/admin');
    await page.getByRole('navigation', { name: 'Administration sections' }).getByRole('link', { name: 'Hubs' }).click();
    await expect(page).toHaveURL(/\/admin\/hubs$/);
    await expect(hubs.table).toBeVisible({ timeout: 30_000 });

    // The demo hubs come from the kubeconfig: read-only, with the file named.
    const kubeconfigRow = hubs.row('cn-east');
    await expect(kubeconfigRow).toHaveAttribute('data-source', 'kubeconfig');
    await expect(kubeconfigRow.getByTestId('hub-defined-in')).toContainText('defined in');
    await expect(kubeconfigRow.getByRole('button', { name: /Edit hub/ })).toHaveCount(0);
    await expect(page.getByTestId('hub-registration-disabled')).toHaveCount(0);

    // Register: the contract's schemas reject an empty form next to each field, in the browser.
    await page.context().addCookies([{ name: 'overlook-theme', value: 'light', url: E2E_BASE_URL }]);
    await page.reload();
    await expect(hubs.table).toBeVisible({ timeout: 30_000 });
    // Esc closes the dialog and drops what was typed: reopened, it is empty again.
    const first = await hubs.openRegister();
    await first.name.fill(HUB);
    await first.token.fill(WRONG_TOKEN);
    await page.keyboard.press('Escape');
    await expect(first.root).toHaveCount(0);
    expect(await page.content()).not.toContain(WRONG_TOKEN);
    const dialog = await hubs.openRegister();
    await expect(dialog.name).toHaveValue('');
    await expect(dialog.token).toHaveValue('');
    await dialog.button('Register').click();
    await expect(dialog.name).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog.server).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog.token).toHaveAttribute('aria-invalid', 'true');
    await dialog.server.fill('http://plain.example:6443');
    await dialog.button('Register').click();
    await expect(dialog.root.getByText(/must be an https:\/\/ URL/)).toBeVisible();

    await dialog.name.fill(HUB);
    await dialog.displayName.fill('Lab East');
    await dialog.server.fill(connection.server);
    // The CA from its file, read in the browser ("Load from file").
    await dialog.root.locator('input[type="file"]').first().setInputFiles(path.join(simulatorDir, 'ca.crt'));
    await expect(dialog.ca).toHaveValue(connection.ca.replace(/\r\n/g, '\n')); // a textarea normalises CRLF

    // A wrong token: the test says unauthorized and what to check; "Register anyway" is offered.
    await dialog.token.fill(WRONG_TOKEN);
    await expect(dialog.token).toHaveAttribute('type', 'password');
    const failed = await dialog.test();
    await expect(failed).toHaveAttribute('data-ok', 'false');
    await expect(failed).toHaveAttribute('data-failure', 'unauthorized');
    await expect(failed).toContainText('unauthorized');
    await expect(failed).toContainText('rejected the credential');
    await expect(dialog.button('Register anyway')).toBeVisible();
    // "Register" runs the server's own test: refused with its message on top, nothing stored.
    await dialog.button('Register').click();
    await expect(dialog.alert).toContainText(/401|[Uu]nauthori[sz]ed|rejected/);
    await expect(dialog.root).toBeVisible();
    expect((await page.request.get(`/api/v1/admin/hubs/${HUB}`)).status()).toBe(404);

    // The right token: the old result is dropped, the new test shows the version and access.
    await dialog.token.fill(connection.token);
    await expect(dialog.testResult).toHaveCount(0);
    await expect(dialog.button('Register anyway')).toHaveCount(0);
    await dialog.root.getByRole('button', { name: 'Show token' }).click();
    await expect(dialog.token).toHaveAttribute('type', 'text');
    await dialog.root.getByRole('button', { name: 'Hide token' }).click();
    const ok = await dialog.test();
    await expect(ok).toHaveAttribute('data-ok', 'true');
    await expect(ok.getByTestId('hub-test-version')).toHaveText(/^v1\.\d+/);
    await expect(ok).toContainText('list nodes allowed');
    await page.mouse.move(0, 0);
    await page.screenshot({ path: screenshot('hubs-register-light.png') });

    await dialog.button('Register').click();
    await expect(dialog.root).toHaveCount(0, { timeout: 30_000 });
    // The dialog is gone and so is what was typed into it: the page holds no token any more.
    htmlSnapshots.push(await page.content());
    const row = hubs.row(HUB);
    await expect(row).toBeVisible();
    await expect(row).toHaveAttribute('data-source', 'registered');
    await expect(row.getByTestId('hub-credential')).toHaveAttribute('data-kind', 'token');
    await expect(row.getByTestId('hub-ca')).toContainText('sha256');
    await expect(row).toHaveAttribute('data-status', 'connected', { timeout: 60_000 });
    await expect(row).toContainText('Lab East');

    // The list in the dark theme.
    await page.context().addCookies([{ name: 'overlook-theme', value: 'dark', url: E2E_BASE_URL }]);
    await page.reload();
    await expect(hubs.row(HUB)).toHaveAttribute('data-status', 'connected', { timeout: 30_000 });
    await page.mouse.move(0, 0);
    await page.screenshot({ path: screenshot('hubs-list-dark.png'), fullPage: true });
    htmlSnapshots.push(await page.content());

    // The overview watches it like any other hub.
    const overview = new FleetOverviewPage(page);
    await overview.goto();
    await expect(overview.hubCard(HUB)).toHaveAttribute('data-status', 'connected', { timeout: 60_000 });
    await expect(page.getByTestId('kpi-pods-stale')).toHaveCount(0);

    // Its hub goes down: the totals it contributes to are marked stale, naming it; it recovers.
    const control = sim.controlUrl.replace(/\/$/, '');
    const down = await fetch(`${control}/hubs/${connection.simulatorHub}/down`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"mode":"refuse"}' });
    expect(down.ok).toBe(true);
    try {
      await expect(overview.hubCard(HUB)).toHaveAttribute('data-status', 'unreachable', { timeout: 90_000 });
      const marker = page.getByTestId('kpi-pods-stale');
      await expect(marker).toBeVisible({ timeout: 30_000 });
      await expect(marker).toHaveAttribute('data-hubs', new RegExp(`\\b${HUB}\\b`));
      await expect(marker).toHaveAttribute('aria-label', new RegExp(`${HUB}: last-known data from \\d\\d:\\d\\d`));
      await expect(page.getByTestId('kpi-edge-nodes-stale')).toBeVisible();
      await marker.focus();
      // Keyboard focus shows the tooltip (it fades in), which names the hub and its last-known time.
      const tooltip = page.getByTestId('kpi-pods').getByRole('tooltip');
      await expect(tooltip).toContainText(`${HUB}: last-known data from`);
      await expect(tooltip).toHaveCSS('opacity', '1');
      await page.screenshot({ path: screenshot('hubs-kpi-stale-dark.png') });
    } finally {
      await fetch(`${control}/hubs/${connection.simulatorHub}/up`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    }
    await expect(overview.hubCard(HUB)).toHaveAttribute('data-status', 'connected', { timeout: 90_000 });
    await expect(page.getByTestId('kpi-pods-stale')).toHaveCount(0, { timeout: 30_000 });

    // Edit: credentials stay unless replaced; the display name changes.
    await hubs.goto();
    const edit = await hubs.openEdit(HUB);
    await expect(edit.root.getByTestId('hub-stored-credential')).toHaveText('Stored: token — enter a new one to replace it.');
    await expect(edit.token).toHaveValue('');
    await expect(edit.name).toBeDisabled();
    const stored = await edit.test();
    await expect(stored).toHaveAttribute('data-ok', 'true');
    await edit.displayName.fill('Lab East (edited)');
    htmlSnapshots.push(await page.content());
    await edit.button('Save').click();
    await expect(edit.root).toHaveCount(0, { timeout: 30_000 });
    await expect(hubs.row(HUB)).toContainText('Lab East (edited)');

    // Delete, typing the name to confirm.
    await hubs.row(HUB).getByRole('button', { name: `Delete hub ${HUB}` }).click();
    const confirm = page.getByRole('dialog', { name: `Delete hub ${HUB}?` });
    await expect(confirm).toContainText('disappear from every view');
    const confirmButton = confirm.getByRole('button', { name: 'Delete hub' });
    await expect(confirmButton).toBeDisabled();
    await confirm.getByLabel(`Type ${HUB} to confirm`).fill(HUB);
    await confirmButton.click();
    await expect(confirm).toHaveCount(0, { timeout: 30_000 });
    await expect(hubs.row(HUB)).toHaveCount(0);

    await overview.goto();
    await expect(overview.hubCard('cn-east')).toBeVisible();
    await expect(overview.hubCard(HUB)).toHaveCount(0, { timeout: 30_000 });

    // A hub that is down can still be registered on purpose, after a failed test ("Register anyway").
    await hubs.goto();
    const later = await hubs.openRegister();
    await later.name.fill(DOWN_HUB);
    await later.server.fill('https://127.0.0.1:1');
    await later.token.fill(WRONG_TOKEN);
    await expect(await later.test()).toHaveAttribute('data-failure', 'unreachable');
    await expect(later.testResult).toContainText('firewall');
    await later.button('Register anyway').click();
    await expect(later.root).toHaveCount(0, { timeout: 30_000 });
    await expect(hubs.row(DOWN_HUB)).toHaveAttribute('data-status', /unreachable|connecting/);
    expect([200, 204]).toContain((await page.request.delete(`/api/v1/admin/hubs/${DOWN_HUB}`)).status());
    await expect(hubs.row(DOWN_HUB)).toHaveCount(0, { timeout: 30_000 });

    // Nothing the browser received, and no page, carried a token.
    const received = (await Promise.all(bodies)).filter((entry): entry is { url: string; text: string } => entry !== null);
    expect(received.some((entry) => entry.url.includes('/api/v1/admin/hubs/test'))).toBe(true);
    expect(received.some((entry) => new URL(entry.url).pathname === '/api/v1/admin/hubs')).toBe(true);
    for (const secret of [connection.token, WRONG_TOKEN]) {
      const leaks = received.filter((entry) => entry.text.includes(secret)).map((entry) => entry.url);
      expect(leaks, 'responses that contained a token').toEqual([]);
      expect(htmlSnapshots.filter((html) => html.includes(secret)).length, 'page HTML with a token').toBe(0);
    }
  });

  test('an operator is not offered Admin › Hubs, and the API refuses them', async ({ page }) => {
    await signIn(page, demoUsers.operator);
    await expect(page.getByRole('navigation').first().getByRole('link', { name: 'Admin' })).toHaveCount(0);
    await page.goto('/admin/hubs');
    await expect(page.getByTestId('forbidden')).toBeVisible();
    await expect(page.getByTestId('hubs-table')).toHaveCount(0);
    expect((await page.request.get('/api/v1/admin/hubs')).status()).toBe(403);
    const register = await page.request.post('/api/v1/admin/hubs/test', {
      data: { server: 'https://127.0.0.1:6443', credentials: { kind: 'token', token: 'x' } },
    });
    expect(register.status()).toBe(403);
  });
});
