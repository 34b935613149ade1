/**
 * Tenancy, RBAC and audit end to end, as the demo accounts see them: real Chromium against the demo
 * console and its frozen simulator. What each account may see is read through its own session
 * (page.request shares the page's cookies) and through the UI; what it may not do is asked of the API
 * directly, because hiding a button proves nothing.
 *
 * State this spec changes, and how it is put back: one acme-pos pod is restarted (its Deployment
 * replaces it; e2e/fleet.spec.ts runs earlier and never targets acme-pos), Bob is added to globex and
 * removed again in `finally`.
 */
import { fileURLToPath } from 'node:url';
import { DEMO_ACCOUNTS, expect, signIn, test } from './fixtures';
import { E2E_BASE_URL } from './support/base-url';
import { AdminTenantsPage, AuditPage, TenantMembersCard, asAccount, listAll, type NodeItem, type PodItem, type WorkloadItem } from './pages/tenancy';

const screenshot = (name: string) => fileURLToPath(new URL(`./screenshots/${name}`, import.meta.url));

function account(email: string): string {
  if (!DEMO_ACCOUNTS.some((candidate) => candidate.email === email)) throw new Error(`no demo account ${email}`);
  return email;
}
const alice = account('alice@acme.demo');
const bob = account('bob@acme.demo');
const carol = account('carol@globex.demo');
const opsEast = account('ops-east@overlook.demo');
const admin = account('admin@overlook.demo');

/** Short, readable failure output: the first few offenders by hub/namespace/name. */
const outside = <T extends { hub: string; namespace: string; name: string }>(items: T[], prefix: string) =>
  items.filter((item) => !item.namespace.startsWith(prefix)).map((item) => `${item.hub}/${item.namespace}/${item.name}`).slice(0, 5);

const podPath = (pod: Pick<PodItem, 'hub' | 'namespace' | 'name'>) => `/api/v1/hubs/${pod.hub}/namespaces/${pod.namespace}/pods/${pod.name}`;

test.describe('tenancy, RBAC and audit', () => {
  // Not serial: each test stands alone (a failure must not hide the others' results). Visibility
  // checks are soft so one wrong count still lets the rest of the flow run — the test fails anyway.

  test('Alice sees only acme workloads and the nodes they run on, restarts an acme pod, finds it in the audit log, and cannot open a globex pod', async ({ browser, page, shell }) => {
    test.setTimeout(120_000);
    // A globex pod, found by someone who may see it.
    const globexPod = await asAccount(browser, admin, async (adminPage) => {
      const pods = await listAll<PodItem>(adminPage, '/api/v1/pods', { namespace: 'globex-cameras' });
      expect(pods.length, 'the demo fleet has globex-cameras pods').toBeGreaterThan(0);
      return pods[0];
    });

    await signIn(page, alice);
    // The sidebar offers what the roles open: Audit (tenant admin), My tenant, no Admin.
    await expect(shell.navLink('Audit')).toBeVisible();
    await expect(shell.navLink('My tenant')).toBeVisible();
    await expect(shell.navLink('Admin')).toHaveCount(0);

    const workloads = await listAll<WorkloadItem>(page, '/api/v1/workloads');
    expect(workloads.length).toBeGreaterThan(0);
    expect.soft(outside(workloads, 'acme-'), 'workloads outside acme').toEqual([]);

    const pods = await listAll<PodItem>(page, '/api/v1/pods');
    expect.soft(outside(pods, 'acme-'), 'pods outside acme').toEqual([]);
    const podNodes = new Set(pods.flatMap((p) => (p.node ? [`${p.hub}/${p.node}`] : [])));
    const nodes = await listAll<NodeItem>(page, '/api/v1/nodes');
    expect.soft(new Set(nodes.map((n) => `${n.hub}/${n.name}`)), 'exactly the nodes running acme pods').toEqual(podNodes);

    // The workloads page shows the same: every row is an acme namespace.
    await page.goto('/workloads');
    const rows = page.getByTestId('table-row');
    await expect(rows.first()).toBeVisible({ timeout: 30_000 });
    for (const key of await rows.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-key') ?? ''))) {
      expect.soft(key, 'workload row outside acme').toMatch(/\/acme-/);
    }

    // Restart (delete) one Running acme-pos pod owned by a Deployment, from its detail page.
    const target = pods.find((p) => p.namespace === 'acme-pos' && p.phase === 'Running' && p.owner?.kind === 'Deployment');
    expect(target, 'a Running acme-pos pod').toBeTruthy();
    await page.goto(`/pods/${target!.hub}/${target!.namespace}/${target!.name}`);
    await expect(page.getByTestId('pod-detail')).toBeVisible({ timeout: 30_000 });
    await page.getByTestId('restart-pod-button').click();
    await page.getByTestId('restart-pod-button-confirm').click();
    await expect(page.getByTestId('restart-pending')).toBeVisible({ timeout: 30_000 });

    const audit = new AuditPage(page);
    await audit.goto(`action=pod.restart&target=${target!.name}`);
    const entry = audit.row('pod.restart', target!.name);
    await expect(entry).toBeVisible({ timeout: 15_000 });
    await expect(entry.getByTestId('audit-outcome')).toHaveText('Allowed');
    await expect(entry.getByTestId('audit-actor')).toHaveText(alice);

    // A globex pod is not there for Alice: the page is a 404 and so is the API.
    await page.goto(`/pods/${globexPod.hub}/${globexPod.namespace}/${globexPod.name}`);
    await expect(page.getByTestId('not-found')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('pod-detail')).toHaveCount(0);
    expect((await page.request.get(podPath(globexPod))).status()).toBe(404);
  });

  test('Bob sees the same acme view, is offered no restart, and the API refuses one with 403', async ({ page, shell }) => {
    await signIn(page, bob);
    await expect(shell.navLink('Audit')).toHaveCount(0);
    await expect(shell.navLink('Admin')).toHaveCount(0);

    const pods = await listAll<PodItem>(page, '/api/v1/pods');
    expect(pods.length).toBeGreaterThan(0);
    expect.soft(outside(pods, 'acme-'), 'pods outside acme').toEqual([]);

    const pod = pods.find((p) => p.phase === 'Running' && p.namespace.startsWith('acme-'))!;
    await page.goto(`/pods/${pod.hub}/${pod.namespace}/${pod.name}`);
    await expect(page.getByTestId('pod-detail')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('restart-pod-button')).toHaveCount(0);

    const refused = await page.request.delete(podPath(pod));
    expect(refused.status()).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    // The pod is still there.
    expect((await page.request.get(podPath(pod))).status()).toBe(200);
  });

  test('ops-east sees hub cn-east only', async ({ page }) => {
    await signIn(page, opsEast);
    const nodes = await listAll<NodeItem>(page, '/api/v1/nodes');
    expect(nodes.length).toBeGreaterThan(0);
    expect.soft([...new Set(nodes.map((n) => n.hub))], 'hubs of the nodes').toEqual(['cn-east']);
    const pods = await listAll<PodItem>(page, '/api/v1/pods');
    expect.soft([...new Set(pods.map((p) => p.hub))], 'hubs of the pods').toEqual(['cn-east']);

    await page.goto('/nodes');
    const rows = page.getByTestId('node-table').getByTestId('table-row');
    await expect(rows.first()).toBeVisible({ timeout: 30_000 });
    for (const key of await rows.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-key') ?? ''))) {
      expect.soft(key, 'node row outside cn-east').toMatch(/^cn-east\//);
    }
  });

  test('Carol adds Bob to globex as a viewer in the Members UI, and Bob then sees globex too', async ({ browser, page }) => {
    test.setTimeout(120_000);
    const bobBefore = await asAccount(browser, bob, (bobPage) => listAll<WorkloadItem>(bobPage, '/api/v1/workloads'));
    expect.soft(bobBefore.some((w) => w.namespace.startsWith('globex-')), 'Bob sees no globex before').toBe(false);

    await signIn(page, carol);
    await page.goto('/tenant');
    await expect(page).toHaveURL(/\/tenant\/globex$/);
    await expect(page.getByTestId('tenant-overview')).toBeVisible({ timeout: 30_000 });
    const members = new TenantMembersCard(page);
    await expect(members.member(carol)).toBeVisible();
    try {
      // The form validates with the contract's schema before anything is sent.
      await members.root.getByTestId('add-member').click();
      const dialog = page.getByRole('dialog', { name: 'Add member' });
      await dialog.getByLabel('Email').fill('not-an-email');
      await dialog.getByRole('button', { name: 'Add member' }).click();
      await expect(dialog.getByText('Enter a valid email address')).toBeVisible();
      await dialog.getByRole('button', { name: 'Cancel' }).click();

      await members.add(bob, 'tenant-viewer');
      await expect(members.member(bob)).toHaveAttribute('data-role', 'tenant-viewer');
      await page.mouse.move(0, 0);
      await page.screenshot({ path: screenshot('tenant-members.png'), fullPage: true });

      await asAccount(browser, bob, async (bobPage) => {
        const after = await listAll<WorkloadItem>(bobPage, '/api/v1/workloads');
        expect(after.some((w) => w.namespace.startsWith('globex-')), 'globex workloads for Bob').toBe(true);
        expect(after.some((w) => w.namespace.startsWith('acme-')), 'still acme workloads').toBe(true);
        // The header switcher now offers both tenants.
        const switcher = bobPage.getByTestId('tenant-switcher').locator('select');
        await expect(switcher.locator('option[value="globex"]')).toHaveCount(1, { timeout: 15_000 });
        await expect(switcher.locator('option[value="acme"]')).toHaveCount(1);
        // Narrowing to globex (the overlook-tenant cookie) narrows what the API returns, and back.
        await switcher.selectOption('globex');
        await expect(bobPage.getByTestId('tenant-switcher')).toHaveAttribute('data-value', 'globex');
        const narrowed = await listAll<WorkloadItem>(bobPage, '/api/v1/workloads');
        expect(narrowed.length).toBeGreaterThan(0);
        expect(outside(narrowed, 'globex-'), 'workloads outside globex while narrowed').toEqual([]);
        await switcher.selectOption('');
        await expect(bobPage.getByTestId('tenant-switcher')).toHaveAttribute('data-value', '');
        expect((await listAll<WorkloadItem>(bobPage, '/api/v1/workloads')).some((w) => w.namespace.startsWith('acme-'))).toBe(true);
      });
    } finally {
      const list = await page.request.get('/api/v1/tenants/globex/members');
      const body = (await list.json()) as { items: Array<{ userId: string; email: string }> };
      const member = body.items?.find((item) => item.email === bob);
      if (member) expect((await page.request.delete(`/api/v1/tenants/globex/members?userId=${member.userId}`)).status()).toBe(204);
    }
  });

  test('admin: tenants with a live namespace preview, and the audit log (screenshots)', async ({ browser, asAdmin: page, shell }) => {
    // A refused request on record: Bob (viewer) tries to restart an acme pod.
    await asAccount(browser, bob, async (bobPage) => {
      const pod = (await listAll<PodItem>(bobPage, '/api/v1/pods', { namespace: 'acme-retail' }))[0];
      expect((await bobPage.request.delete(podPath(pod))).status()).toBe(403);
    });
    const tenants = new AdminTenantsPage(page);
    await tenants.goto();
    await expect(tenants.row('acme')).toBeVisible();
    const dialog = await tenants.openNamespaces('acme');
    const pattern = dialog.getByLabel('Namespace or pattern');

    // Client-side validation with the contract's pattern schema, next to the field.
    await pattern.fill('Bad_Pattern');
    await dialog.getByRole('button', { name: 'Assign' }).click();
    await expect(dialog.locator('[id$="-pattern-error"]')).toBeVisible();

    await pattern.fill('acme-*');
    const total = dialog.getByTestId('preview-total');
    await expect(total).toBeVisible({ timeout: 15_000 });
    expect(Number(await total.getAttribute('data-total'))).toBeGreaterThan(0);
    await expect(dialog.getByTestId('preview-namespace').filter({ hasText: 'acme-pos' }).first()).toBeVisible();
    await page.mouse.move(0, 0);
    await page.screenshot({ path: screenshot('admin-tenants.png') });
    await page.keyboard.press('Escape');

    // Users and role bindings list the demo accounts with their translated roles.
    await page.goto('/admin/users');
    await expect(page.locator('[data-testid="user-row"][data-email="alice@acme.demo"]')).toContainText('Tenant admin');
    await page.getByRole('link', { name: 'Role bindings' }).click();
    await expect(page.locator(`[data-testid="role-binding-row"][data-email="${opsEast}"]`)).toContainText('hubs: cn-east');

    const audit = new AuditPage(page);
    await audit.goto();
    await expect(audit.rows.first()).toBeVisible({ timeout: 15_000 });
    // Bob's refused restart is on record as denied, and in the CSV export with the same filter.
    await audit.goto('outcome=denied');
    await expect(audit.rows.first()).toBeVisible({ timeout: 15_000 });
    await expect(audit.rows.filter({ hasText: bob }).first()).toBeVisible();
    await expect(audit.exportLink).toHaveAttribute('href', '/api/v1/audit/export.csv?outcome=denied');
    const csv = await page.request.get('/api/v1/audit/export.csv?outcome=denied');
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain(bob);
    await audit.goto();
    await expect(audit.rows.first()).toBeVisible({ timeout: 15_000 });
    await shell.waitForWidgets();
    await page.screenshot({ path: screenshot('audit.png') });

    // The same page in Chinese and the light theme, set by cookie so the account's saved language stays as it is.
    await page.context().addCookies([
      { name: 'overlook-locale', value: 'zh-CN', url: E2E_BASE_URL },
      { name: 'overlook-theme', value: 'light', url: E2E_BASE_URL },
    ]);
    await page.goto('/audit?outcome=denied');
    await expect(page.getByRole('heading', { level: 1, name: '审计日志' })).toBeVisible();
    await expect(audit.rows.first().getByTestId('audit-outcome')).toHaveText('拒绝');
    await expect(page.locator('html')).toHaveClass(/\blight\b/);
    await page.screenshot({ path: screenshot('audit-zh-light.png') });
  });
});
