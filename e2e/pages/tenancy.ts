/**
 * Page objects and API helpers for e2e/tenancy.spec.ts: the audit log, the admin tenants tab, the
 * tenant members card, and the caller's view of the fleet read through its own session
 * (`page.request` carries the page's cookies, so these are exactly what the signed-in user may see).
 */
import { expect, type Browser, type Locator, type Page } from '@playwright/test';
import { signIn } from '../fixtures';

type Paged<T> = { items: T[]; nextCursor: string | null };
export type PodItem = { hub: string; region: string; namespace: string; name: string; node: string | null; tenant: string | null; owner: { kind: string; name: string } | null; phase: string };
export type WorkloadItem = { hub: string; namespace: string; name: string; kind: string; tenant: string | null };
export type NodeItem = { hub: string; name: string };

/** Every item of a paged list endpoint, following the cursor (bounded so a bug cannot loop forever). */
export async function listAll<T>(page: Page, path: string, params: Record<string, string> = {}): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let round = 0; round < 100; round++) {
    const search = new URLSearchParams({ ...params, limit: '500', ...(cursor ? { cursor } : {}) });
    const response = await page.request.get(`${path}?${search}`);
    expect(response.ok(), `GET ${path} answered ${response.status()}`).toBe(true);
    const body = (await response.json()) as Paged<T>;
    items.push(...body.items);
    cursor = body.nextCursor;
    if (!cursor) return items;
  }
  throw new Error(`${path}: more than 100 pages`);
}

/** Runs `fn` with a page signed in as `email` in a fresh browser context (its own cookies), then closes it. */
export async function asAccount<T>(browser: Browser, email: string, fn: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await signIn(page, email);
    return await fn(page);
  } finally {
    await context.close();
  }
}

export class AuditPage {
  readonly table: Locator;
  readonly rows: Locator;
  readonly exportLink: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId('audit-table');
    this.rows = page.getByTestId('audit-row');
    this.exportLink = page.getByTestId('audit-export');
  }

  async goto(query = '') {
    await this.page.goto(`/audit${query ? `?${query}` : ''}`);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  }

  /** The row for one action on one target name. */
  row(action: string, targetName: string): Locator {
    return this.page.locator(`[data-testid="audit-row"][data-action="${action}"][data-target-name="${targetName}"]`);
  }
}

export class AdminTenantsPage {
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId('tenants-table');
  }

  async goto() {
    await this.page.goto('/admin/tenants');
    await expect(this.table).toBeVisible({ timeout: 30_000 });
  }

  row(slug: string): Locator {
    return this.page.locator(`[data-testid="tenant-row"][data-slug="${slug}"]`);
  }

  async openNamespaces(slug: string): Promise<Locator> {
    await this.row(slug).getByTestId('tenant-manage-namespaces').click();
    const dialog = this.page.getByTestId('tenant-namespaces-dialog');
    await expect(dialog).toBeVisible();
    return dialog;
  }
}

export class TenantMembersCard {
  readonly root: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('tenant-members');
    this.rows = this.root.getByTestId('member-row');
  }

  member(email: string): Locator {
    return this.root.locator(`[data-testid="member-row"][data-email="${email}"]`);
  }

  async add(email: string, role: 'tenant-admin' | 'tenant-viewer') {
    await this.root.getByTestId('add-member').click();
    const dialog = this.page.getByRole('dialog', { name: 'Add member' });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel('Email').fill(email);
    await dialog.getByLabel('Role').selectOption(role);
    await dialog.getByRole('button', { name: 'Add member' }).click();
    await expect(dialog).toBeHidden();
  }
}
