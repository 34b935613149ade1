/**
 * Page object for Admin › Hubs (e2e/hubs-admin.spec.ts): the hub table and the register/edit dialog.
 * Inputs are found by their labels, as a user finds them.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export class AdminHubsPage {
  readonly table: Locator;
  readonly registerButton: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId('hubs-table');
    this.registerButton = page.getByRole('button', { name: 'Register hub' });
  }

  async goto() {
    await this.page.goto('/admin/hubs');
    await expect(this.table).toBeVisible({ timeout: 30_000 });
  }

  row(name: string): Locator {
    return this.page.locator(`[data-testid="hub-row"][data-hub="${name}"]`);
  }

  async openRegister(): Promise<HubFormDialog> {
    await this.registerButton.click();
    const dialog = new HubFormDialog(this.page.getByRole('dialog', { name: 'Register hub' }));
    await expect(dialog.root).toBeVisible();
    return dialog;
  }

  async openEdit(name: string): Promise<HubFormDialog> {
    await this.row(name).getByRole('button', { name: `Edit hub ${name}` }).click();
    const dialog = new HubFormDialog(this.page.getByRole('dialog', { name: `Edit hub ${name}` }));
    await expect(dialog.root).toBeVisible();
    return dialog;
  }
}

export class HubFormDialog {
  readonly name: Locator;
  readonly displayName: Locator;
  readonly region: Locator;
  readonly server: Locator;
  readonly ca: Locator;
  readonly token: Locator;
  readonly testButton: Locator;
  readonly testResult: Locator;
  readonly alert: Locator;

  constructor(readonly root: Locator) {
    this.name = root.getByLabel('Name', { exact: true });
    this.displayName = root.getByLabel('Display name', { exact: true });
    this.region = root.getByLabel('Region', { exact: true });
    this.server = root.getByLabel('API server URL', { exact: true });
    this.ca = root.getByLabel('CA certificate', { exact: true });
    this.token = root.getByLabel('Token', { exact: true });
    this.testButton = root.getByRole('button', { name: 'Test connection' });
    this.testResult = root.getByTestId('hub-test-result');
    this.alert = root.getByTestId('form-alert');
  }

  button(name: string | RegExp): Locator {
    return this.root.getByRole('button', { name, exact: typeof name === 'string' });
  }

  /** Runs "Test connection" and waits for its answer. */
  async test(): Promise<Locator> {
    await this.testButton.click();
    await expect(this.testResult).toBeVisible({ timeout: 30_000 });
    return this.testResult;
  }
}
