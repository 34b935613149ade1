/**
 * Fleet views end to end: real Chromium against the demo console and its simulator (churn 0, so the
 * fleet only changes when this spec changes it through the simulator's control API).
 */
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { FleetOverviewPage, NodeDetailPage, NodeListPage, SimulatorControl, edgeTruth } from './pages/fleet';

const screenshot = (name: string) => fileURLToPath(new URL(`./screenshots/${name}`, import.meta.url));

/** A Ready edge node of `hub`, picked through the console's own API (the page's session cookie). */
async function readyEdgeNode(page: Page, hub: string): Promise<string> {
  const response = await page.request.get(`/api/v1/nodes?hub=${hub}&role=edge&status=ready&cordoned=false&limit=5&sort=name`);
  expect(response.ok(), `GET /api/v1/nodes answered ${response.status()}`).toBe(true);
  const body = (await response.json()) as { items: Array<{ name: string }> };
  expect(body.items.length, `hub ${hub} has no Ready edge node`).toBeGreaterThan(0);
  return body.items[body.items.length - 1].name;
}

test.describe('fleet views', () => {
  test.describe.configure({ mode: 'serial' });
  let simulator: SimulatorControl;

  test.beforeAll(() => {
    simulator = new SimulatorControl();
  });

  test('the overview shows the simulator ground truth and saves the dark screenshot', async ({ asAdmin: page }) => {
    const overview = new FleetOverviewPage(page);
    await overview.goto();
    const truth = await simulator.truth();
    const edge = edgeTruth(truth);
    // Sanity: the datacenter label is on exactly the edge nodes, so per-datacenter sums are edge sums.
    expect(edge.total).toBe(truth.totals.nodes.edge);

    // Hubs may still be finishing their first sync right after start-up: wait for the tiles to settle.
    await expect.poll(() => overview.kpiPart('hubs', 'connected'), { timeout: 30_000 }).toBe(truth.totals.hubsUp);
    await expect.poll(() => overview.kpiValue('edge-nodes'), { timeout: 30_000 }).toBe(edge.total);
    expect(await overview.kpiValue('hubs')).toBe(truth.totals.hubsUp);
    expect(await overview.kpiValue('datacenters')).toBe(truth.totals.datacenters);
    expect(await overview.kpiPart('edge-nodes', 'ready')).toBe(edge.ready);
    expect(await overview.kpiPart('edge-nodes', 'not-ready')).toBe(edge.notReady);
    expect(await overview.kpiPart('edge-nodes', 'unknown')).toBe(edge.unknown);
    expect(await overview.kpiValue('pods')).toBe(truth.totals.pods.total);
    expect(await overview.kpiPart('pods', 'running')).toBe(truth.totals.pods.running);
    expect(await overview.kpiPart('pods', 'pending')).toBe(truth.totals.pods.pending);
    expect(await overview.kpiPart('pods', 'failed')).toBe(truth.totals.pods.failed);
    expect(await overview.kpiPart('pods', 'crash-looping')).toBe(truth.totals.pods.crashLooping);

    for (const hub of truth.hubs) await expect(overview.hubCard(hub.name)).toHaveAttribute('data-status', 'connected');
    await expect(overview.grid.getByTestId('grid-cell')).toHaveCount(truth.totals.datacenters);
    await expect(page.locator('html')).toHaveClass(/\bdark\b/);
    await page.screenshot({ path: screenshot('overview-dark.png'), fullPage: true });
  });

  test('drills down region → datacenter → node → pod', async ({ asAdmin: page }) => {
    const overview = new FleetOverviewPage(page);
    await overview.goto();

    const region = overview.grid.getByTestId('grid-region-link').first();
    const regionName = (await region.textContent())!.trim();
    await region.click();
    await expect(page).toHaveURL(new RegExp(`/datacenters\\?region=${regionName}`));
    const rows = page.getByTestId('datacenter-row');
    await expect(rows.first()).toBeVisible();
    await expect(page.locator('[data-testid="datacenter-table"] tbody')).toHaveCount(1); // only that region

    await rows.first().getByTestId('datacenter-link').click();
    await expect(page.getByTestId('datacenter-detail')).toBeVisible();
    const nodeLink = page.getByTestId('node-table').getByTestId('node-link').first();
    const nodeName = (await nodeLink.textContent())!.trim();
    await nodeLink.click();

    await expect(page.getByTestId('node-detail')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: nodeName })).toBeVisible();
    await expect(page.getByTestId('node-conditions')).toContainText('Ready');
    await expect(page.getByTestId('node-heartbeat')).toContainText(/ago|now/);
    await page.screenshot({ path: screenshot('node-detail.png'), fullPage: true });

    const podLink = page.getByTestId('node-pods').getByTestId('pod-link').first();
    const podName = (await podLink.textContent())!.trim();
    await podLink.click();
    await expect(page.getByTestId('pod-detail')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: podName })).toBeVisible();
    await expect(page.getByTestId('pod-node-link')).toHaveText(nodeName);
    await expect(page.getByTestId('container-row').first()).toBeVisible();
    await page.screenshot({ path: screenshot('pod-detail.png'), fullPage: true });

    // And the big list, with its total, for the record.
    const nodes = new NodeListPage(page);
    await nodes.goto();
    await expect(page.getByTestId('node-total')).toHaveText(/\d+ nodes/);
    await page.screenshot({ path: screenshot('nodes.png') });
  });

  test('a node taken offline turns red on the open page without a reload', async ({ asAdmin: page }) => {
    test.setTimeout(150_000);
    const truth = await simulator.truth();
    const hub = truth.hubs[0].name;
    const name = await readyEdgeNode(page, hub);
    const nodes = new NodeListPage(page);
    await nodes.goto(`hub=${hub}&q=${name}`);
    await expect(nodes.status(hub, name)).toHaveAttribute('data-status', 'ready');
    await expect(page.getByTestId('live-indicator')).toHaveAttribute('data-state', 'live');
    let navigations = 0;
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations++;
    });

    try {
      await simulator.nodeOffline(hub, name);
      // The node stops heartbeating; the hub's node controller marks it Unknown.
      await expect(nodes.status(hub, name)).toHaveAttribute('data-status', 'unknown', { timeout: 90_000 });
      await expect(nodes.status(hub, name)).toContainText('Unknown');
      expect(navigations, 'the page must update in place, not reload').toBe(0);
    } finally {
      await simulator.nodeOnline(hub, name);
    }
    await expect(nodes.status(hub, name)).toHaveAttribute('data-status', 'ready', { timeout: 90_000 });
  });

  test('an unreachable hub is reported inline while the other hubs keep working', async ({ asAdmin: page }) => {
    test.setTimeout(150_000);
    const truth = await simulator.truth();
    const [down, ...others] = truth.hubs.map((hub) => hub.name);
    const overview = new FleetOverviewPage(page);
    await overview.goto();
    try {
      await simulator.hubDown(down, 'refuse');
      await expect(overview.hubCard(down)).toHaveAttribute('data-status', 'unreachable', { timeout: 60_000 });
      await expect(overview.hubCard(down).getByTestId('hub-card-trouble')).toContainText(/Unreachable since \d{2}:\d{2}/);
      for (const hub of others) await expect(overview.hubCard(hub)).toHaveAttribute('data-status', 'connected');
      await expect(page.locator(`[data-testid="hub-status-banner"] [data-hub="${down}"]`)).toContainText(`${down} is unreachable since`);

      // Lists keep the other hubs live and the down hub's last-known rows, with the banner.
      const nodes = new NodeListPage(page);
      await nodes.goto();
      await expect(page.locator(`[data-testid="hub-status-banner"] [data-hub="${down}"]`)).toContainText('showing last-known data');
      await expect(nodes.rows.first()).toBeVisible();
      const otherNode = await readyEdgeNode(page, others[0]);
      await nodes.goto(`hub=${others[0]}&q=${otherNode}`);
      await expect(nodes.status(others[0], otherNode)).toHaveAttribute('data-status', 'ready');
    } finally {
      await simulator.hubUp(down);
    }
    await overview.goto();
    await expect(overview.hubCard(down)).toHaveAttribute('data-status', 'connected', { timeout: 90_000 });
    await expect(page.getByTestId('hub-status-banner')).toHaveCount(0);
  });

  test('cordon then uncordon round-trips through the hub', async ({ asAdmin: page }) => {
    test.setTimeout(120_000);
    const truth = await simulator.truth();
    const hub = truth.hubs[truth.hubs.length - 1].name;
    const name = await readyEdgeNode(page, hub);
    const detail = new NodeDetailPage(page);
    await detail.goto(hub, name);
    await expect(detail.root).toHaveAttribute('data-unschedulable', 'false');

    await detail.confirm('cordon');
    await expect(detail.root).toHaveAttribute('data-unschedulable', 'true', { timeout: 30_000 });
    await expect(detail.uncordon).toBeVisible();
    await expect(page.getByText('Cordoned', { exact: true }).first()).toBeVisible();

    await detail.confirm('uncordon');
    await expect(detail.root).toHaveAttribute('data-unschedulable', 'false', { timeout: 30_000 });
    await expect(detail.cordon).toBeVisible();
  });
});
