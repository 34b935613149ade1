/**
 * Page objects for e2e/invitations.spec.ts: the invitation link dialog (tenant members, Admin › Users)
 * and the public invite page (/invite/<token>).
 */
import { expect, type Locator, type Page } from '@playwright/test';

export class InvitationLinkDialog {
  readonly root: Locator;
  readonly url: Locator;
  readonly sentence: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('dialog', { name: 'Invitation link' });
    this.url = this.root.getByTestId('invitation-url');
    this.sentence = this.root.getByTestId('invitation-sentence');
  }

  /** The absolute link shown in the dialog. */
  async link(): Promise<string> {
    await expect(this.root).toBeVisible();
    const value = await this.url.inputValue();
    expect(value).toMatch(/^https?:\/\/[^/]+\/invite\/olki_[A-Za-z0-9_-]{43}$/);
    return value;
  }

  async close() {
    await this.root.getByRole('button', { name: 'Done' }).click();
    await expect(this.root).toBeHidden();
  }
}

export class InvitePage {
  readonly card: Locator;
  readonly title: Locator;
  readonly tenants: Locator;
  readonly name: Locator;
  readonly password: Locator;
  readonly confirm: Locator;
  readonly submit: Locator;
  readonly unusable: Locator;

  constructor(readonly page: Page) {
    this.card = page.getByTestId('invite-card');
    this.title = page.getByTestId('invite-title');
    this.tenants = page.getByTestId('invite-tenants');
    this.name = page.getByLabel('Your name');
    this.password = page.getByLabel('Password', { exact: true });
    this.confirm = page.getByLabel('Confirm password');
    this.submit = page.getByRole('button', { name: 'Set password and sign in' });
    this.unusable = page.getByTestId('invite-unusable');
  }

  async goto(link: string) {
    await this.page.goto(link);
    await expect(this.card).toBeVisible();
  }

  async accept(input: { name: string; password: string; confirm?: string }) {
    await this.name.fill(input.name);
    await this.password.fill(input.password);
    await this.confirm.fill(input.confirm ?? input.password);
    await this.submit.click();
  }
}
