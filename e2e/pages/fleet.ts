/**
 * Page objects for the fleet views and a client for the demo simulator's control API, used by
 * e2e/fleet.spec.ts. The simulator is the one the e2e web server started (OVERLOOK_SIMULATOR_DIR).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, type Locator, type Page } from '@playwright/test';

// ---------------------------------------------------------------------------------------------
// Simulator control API (ground truth and fault injection)
// ---------------------------------------------------------------------------------------------

const controlFile = fileURLToPath(new URL('../../.test-data/e2e-simulator/control.json', import.meta.url));

export interface TruthCounts {
  total: number;
  ready: number;
  notReady: number;
  unknown: number;
}

export interface GroundTruth {
  hubs: Array<{
    name: string;
    region: string;
    up: boolean;
    datacenters: Array<{ id: string; displayName: string; nodes: TruthCounts }>;
    nodes: TruthCounts & { edge: number; cloud: number; cordoned: number };
  }>;
  totals: {
    hubs: number;
    hubsUp: number;
    datacenters: number;
    nodes: TruthCounts & { edge: number; cloud: number; cordoned: number };
    pods: { total: number; running: number; pending: number; failed: number; succeeded: number; crashLooping: number };
  };
}

export class SimulatorControl {
  readonly url: string;

  constructor() {
    const control = JSON.parse(readFileSync(controlFile, 'utf8')) as { url: string };
    this.url = control.url.replace(/\/$/, '');
  }

  private async call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`simulator ${method} ${path} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as T;
  }

  truth() {
    return this.call<GroundTruth>('GET', '/truth');
  }

  nodeOffline(hub: string, node: string) {
    return this.call('POST', `/hubs/${encodeURIComponent(hub)}/nodes/${encodeURIComponent(node)}/offline`, {});
  }

  nodeOnline(hub: string, node: string) {
    return this.call('POST', `/hubs/${encodeURIComponent(hub)}/nodes/${encodeURIComponent(node)}/online`, {});
  }

  hubDown(hub: string, mode: 'refuse' | 'hang' = 'refuse') {
    return this.call('POST', `/hubs/${encodeURIComponent(hub)}/down`, { mode });
  }

  hubUp(hub: string) {
    return this.call('POST', `/hubs/${encodeURIComponent(hub)}/up`, {});
  }
}

/** Edge-node readiness summed over datacenters (edge nodes are the ones carrying the datacenter label). */
export function edgeTruth(truth: GroundTruth): TruthCounts {
  const sum: TruthCounts = { total: 0, ready: 0, notReady: 0, unknown: 0 };
  for (const hub of truth.hubs)
    for (const dc of hub.datacenters) {
      sum.total += dc.nodes.total;
      sum.ready += dc.nodes.ready;
      sum.notReady += dc.nodes.notReady;
      sum.unknown += dc.nodes.unknown;
    }
  return sum;
}

// ---------------------------------------------------------------------------------------------
// Pages
// ---------------------------------------------------------------------------------------------

export class FleetOverviewPage {
  readonly kpis: Locator;
  readonly liveIndicator: Locator;
  readonly grid: Locator;

  constructor(readonly page: Page) {
    this.kpis = page.getByTestId('kpi-tiles');
    this.liveIndicator = page.getByTestId('live-indicator');
    this.grid = page.getByTestId('datacenter-grid');
  }

  async goto() {
    await this.page.goto('/');
    await expect(this.kpis).toBeVisible({ timeout: 30_000 });
    await expect(this.liveIndicator).toHaveAttribute('data-state', 'live', { timeout: 30_000 });
  }

  /** The number shown in a KPI part (e.g. kpi('edge-nodes', 'ready')), read from its data-value. */
  async kpiPart(tile: string, part: string): Promise<number> {
    return Number(await this.page.getByTestId(`kpi-${tile}-${part}`).getAttribute('data-value'));
  }

  async kpiValue(tile: string): Promise<number> {
    return Number(((await this.page.getByTestId(`kpi-${tile}-value`).textContent()) ?? '').replace(/[^\d]/g, ''));
  }

  hubCard(hub: string): Locator {
    return this.page.locator(`[data-testid="hub-card"][data-hub="${hub}"]`);
  }
}

export class NodeListPage {
  readonly table: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId('node-table');
    this.rows = this.table.getByTestId('table-row');
  }

  async goto(query = '') {
    await this.page.goto(`/nodes${query ? `?${query}` : ''}`);
    await expect(this.table).toBeVisible({ timeout: 30_000 });
  }

  row(hub: string, name: string): Locator {
    return this.table.locator(`[data-testid="table-row"][data-key="${hub}/${name}"]`);
  }

  status(hub: string, name: string): Locator {
    return this.row(hub, name).getByTestId('node-status');
  }
}

export class NodeDetailPage {
  readonly root: Locator;
  readonly cordon: Locator;
  readonly uncordon: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('node-detail');
    this.cordon = page.getByTestId('cordon-button');
    this.uncordon = page.getByTestId('uncordon-button');
  }

  async goto(hub: string, name: string) {
    await this.page.goto(`/nodes/${hub}/${name}`);
    await expect(this.root).toBeVisible({ timeout: 30_000 });
  }

  async confirm(action: 'cordon' | 'uncordon') {
    await (action === 'cordon' ? this.cordon : this.uncordon).click();
    await this.page.getByTestId(`${action}-button-confirm`).click();
  }
}
