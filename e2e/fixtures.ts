/**
 * Playwright fixtures and page objects for Overlook. Specs import `test` and `expect` from here:
 *
 *   test('…', async ({ asAdmin, shell }) => { await shell.navigate('Nodes'); … });
 *
 * - `loginPage`: the sign-in page object.
 * - `shell`:     the console chrome (sidebar, header, user menu, theme and language switches).
 * - `asAdmin`:   the `page`, already signed in as the demo platform admin and on the overview.
 * - `signIn(page, email, password?)` is exported for specs that need another account.
 */
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { E2E_BASE_URL } from './support/base-url';

import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../lib/server/auth/demo-accounts';

export { DEMO_ACCOUNTS, DEMO_PASSWORD };

function demoEmail(role: (typeof DEMO_ACCOUNTS)[number]['role']): string {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.role === role);
  if (!account) throw new Error(`no demo account with role ${role}`);
  return account.email;
}

/** Demo accounts seeded in demo mode, by what specs use them for. */
export const demoUsers = {
  admin: demoEmail('platform-admin'),
  operator: demoEmail('operator'),
  tenantAdmin: demoEmail('tenant-admin'),
  tenantViewer: demoEmail('tenant-viewer'),
} as const;

export class LoginPage {
  readonly email: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly error: Locator;
  readonly demoAccounts: Locator;

  constructor(readonly page: Page) {
    this.email = page.getByLabel(/^(Email|邮箱)$/);
    this.password = page.getByLabel(/^(Password|密码)$/);
    this.submit = page.getByRole('button', { name: /^(Sign in|登录)$/ });
    this.error = page.getByTestId('sign-in-error');
    this.demoAccounts = page.getByTestId('demo-accounts');
  }

  async goto(callbackUrl?: string) {
    await this.page.goto(callbackUrl ? `/login?callbackUrl=${encodeURIComponent(callbackUrl)}` : '/login');
    await expect(this.submit).toBeVisible();
  }

  async signIn(email: string, password: string = DEMO_PASSWORD) {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submit.click();
  }
}

export class Shell {
  readonly sidebar: Locator;
  readonly header: Locator;
  readonly main: Locator;
  readonly userMenuButton: Locator;
  readonly languageSelect: Locator;

  constructor(readonly page: Page) {
    this.sidebar = page.getByRole('navigation').first();
    this.header = page.locator('header').first();
    this.main = page.locator('main#main');
    this.userMenuButton = page.getByRole('button', { name: /^(Account menu|账户菜单)$/ });
    this.languageSelect = page.getByRole('combobox', { name: /^(Language|语言)$/ });
  }

  /** A sidebar link by its visible (translated) label. */
  navLink(label: string | RegExp): Locator {
    return this.sidebar.getByRole('link', { name: label });
  }

  async navigate(label: string | RegExp) {
    await this.navLink(label).click();
  }

  async expectSignedIn() {
    await expect(this.userMenuButton).toBeVisible();
  }

  themeButton(name: 'Dark' | 'Light' | 'System' | '深色' | '浅色' | '跟随系统'): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  async setTheme(name: 'Dark' | 'Light' | 'System') {
    await this.themeButton(name).click();
  }

  async htmlClass(): Promise<string> {
    return (await this.page.locator('html').getAttribute('class')) ?? '';
  }

  async setLanguage(locale: 'en' | 'zh-CN') {
    await this.languageSelect.selectOption(locale);
    await expect(this.page.locator('html')).toHaveAttribute('lang', locale);
  }

  /**
   * Waits (best effort, up to `timeoutMs`) until no widget skeleton (`[data-skeleton]`) is on screen,
   * so screenshots show data rather than placeholders. Does not fail: a slow widget is another
   * spec's business.
   */
  async waitForWidgets(timeoutMs = 20_000) {
    await expect(this.page.locator('[data-skeleton]'))
      .toHaveCount(0, { timeout: timeoutMs })
      .catch(() => undefined);
  }

  async openUserMenu(): Promise<Locator> {
    await this.userMenuButton.click();
    const menu = this.page.getByRole('menu');
    await expect(menu).toBeVisible();
    return menu;
  }

  async signOut() {
    const menu = await this.openUserMenu();
    await menu.getByRole('menuitem', { name: /^(Sign out|退出登录)$/ }).click();
    await this.page.waitForURL(/\/login/);
  }
}

/**
 * Signs `page` in through the real sign-in form and waits for the console. The UI language is pinned
 * to English with the `overlook-locale` cookie (which wins over the account's saved language), so a
 * spec that switched an account to Chinese cannot change what later specs see.
 */
export async function signIn(
  page: Page,
  email: string,
  password: string = DEMO_PASSWORD,
  /** `locale: 'account'` sets no cookie, so the account's saved language (or Accept-Language) applies. */
  options: { callbackUrl?: string; locale?: 'en' | 'zh-CN' | 'account' } = {},
) {
  const { callbackUrl, locale = 'en' } = options;
  if (locale !== 'account') {
    await page.context().addCookies([{ name: 'overlook-locale', value: locale, url: E2E_BASE_URL }]);
  }
  const login = new LoginPage(page);
  await login.goto(callbackUrl);
  await login.signIn(email, password);
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await new Shell(page).expectSignedIn();
}

type Fixtures = {
  loginPage: LoginPage;
  shell: Shell;
  asAdmin: Page;
  /** Automatic: fails any test during which the browser reported a Content-Security-Policy violation. */
  cspGuard: void;
};

// The fixture callback is named `provide` (not Playwright's usual `use`) so the React hooks lint rule
// does not mistake it for React's use().
export const test = base.extend<Fixtures>({
  loginPage: async ({ page }, provide) => {
    await provide(new LoginPage(page));
  },
  shell: async ({ page }, provide) => {
    await provide(new Shell(page));
  },
  asAdmin: async ({ page }, provide) => {
    await signIn(page, demoUsers.admin);
    await provide(page);
  },
  cspGuard: [
    async ({ page }, provide) => {
      const violations: string[] = [];
      page.on('console', (message) => {
        const text = message.text();
        if (message.type() === 'error' && /Content Security Policy|Refused to (execute|load|apply)/i.test(text)) {
          violations.push(text);
        }
      });
      await provide();
      expect(violations, 'the page reported CSP violations').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
