import { fileURLToPath } from 'node:url';
import { demoUsers, expect, Shell, signIn, test } from './fixtures';

const screenshot = (name: string) => fileURLToPath(new URL(`./screenshots/${name}`, import.meta.url));

test.describe('console shell', () => {
  test('shows navigation, the demo marker and the user in English and Simplified Chinese', async ({ asAdmin: page, shell }) => {
    for (const label of ['Overview', 'Datacenters', 'Nodes', 'Workloads', 'Logs', 'Metrics', 'Registries', 'Audit', 'Admin', 'API tokens']) {
      await expect(shell.navLink(label)).toBeVisible();
    }
    await expect(shell.navLink('Overview')).toHaveAttribute('aria-current', 'page');
    await expect(page.getByTestId('demo-pill')).toHaveText('Demo fleet');

    const menu = await shell.openUserMenu();
    await expect(menu.getByTestId('user-menu-role')).toHaveText('Platform admin');
    await page.keyboard.press('Escape');

    await shell.setLanguage('zh-CN');
    for (const label of ['概览', '数据中心', '节点', '工作负载', '日志', '指标', '镜像仓库', '审计', '管理', 'API 令牌']) {
      await expect(shell.navLink(label)).toBeVisible();
    }
    await expect(page.getByTestId('demo-pill')).toHaveText('演示集群');
    await expect(shell.userMenuButton).toHaveAccessibleName('账户菜单');

    // Remembered across a reload, and on other pages.
    await page.reload();
    await expect(shell.navLink('节点')).toBeVisible();
    await shell.navigate('镜像仓库');
    await expect(page.getByRole('heading', { level: 1, name: '镜像仓库' })).toBeVisible();
    await expect(shell.navLink('镜像仓库')).toHaveAttribute('aria-current', 'page');
    await page.screenshot({ path: screenshot('shell-zh-CN.png') });

    // Back to English (the choice is saved on the account, and later specs expect English).
    await shell.setLanguage('en');
    await expect(shell.navLink('Nodes')).toBeVisible();
  });

  test('switches theme, applies it to <html> and remembers it after a reload', async ({ asAdmin: page, shell }) => {
    const html = page.locator('html');
    await expect(html).toHaveClass(/\bdark\b/);
    await shell.waitForWidgets();
    await page.screenshot({ path: screenshot('shell-dark.png') });

    await shell.setTheme('Light');
    await expect(html).toHaveClass(/\blight\b/);
    await expect(html).not.toHaveClass(/\bdark\b/);
    await expect(shell.themeButton('Light')).toHaveAttribute('aria-pressed', 'true');

    await page.reload();
    // Server-rendered from the cookie: right on first paint, not corrected by script.
    await expect(html).toHaveClass(/\blight\b/);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(245, 246, 248)');
    await shell.waitForWidgets();
    await page.screenshot({ path: screenshot('shell-light.png') });

    await shell.setTheme('System');
    await expect(html).toHaveClass(/\bsystem\b/);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(11, 13, 17)');
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(245, 246, 248)');

    await shell.setTheme('Dark');
    await expect(html).toHaveClass(/\bdark\b/);
  });

  test('the sidebar collapses to icons and stays collapsed after a reload', async ({ asAdmin: page, shell }) => {
    await shell.sidebar.getByRole('button', { name: 'Collapse sidebar' }).click();
    await expect(shell.sidebar).toHaveAttribute('data-collapsed', 'true');
    // Labels remain for assistive tech and as tooltips; the links still work.
    await expect(shell.navLink('API tokens')).toHaveAttribute('title', 'API tokens');
    const width = async () => (await shell.sidebar.boundingBox())?.width ?? 0;
    await expect.poll(width).toBeLessThan(64);
    await page.reload();
    await expect(shell.sidebar).toHaveAttribute('data-collapsed', 'true');
    await expect.poll(width).toBeLessThan(64);
    await shell.waitForWidgets();
    await page.screenshot({ path: screenshot('shell-collapsed.png') });
    await shell.sidebar.getByRole('button', { name: 'Expand sidebar' }).click();
    await expect(shell.sidebar).toHaveAttribute('data-collapsed', 'false');
  });

  test('unknown console pages show a not-found page inside the shell', async ({ asAdmin: page, shell }) => {
    await page.goto('/no-such-page');
    await expect(page.getByTestId('not-found')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await shell.expectSignedIn();
  });

  test('placeholder sections say honestly what is coming', async ({ asAdmin: page, shell }) => {
    await shell.navigate('Registries');
    await expect(page).toHaveURL(/\/registries$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Registries' })).toBeVisible();
    await expect(page.getByText('Coming in a later release')).toBeVisible();
  });

  test('a chosen language follows the account to a new browser', async ({ browser }) => {
    const first = await browser.newContext();
    const firstPage = await first.newPage();
    await signIn(firstPage, demoUsers.operator);
    await new Shell(firstPage).setLanguage('zh-CN');
    await first.close();

    // A fresh browser: no cookies, Accept-Language English. The account's saved language wins.
    const second = await browser.newContext({ locale: 'en-US' });
    const page = await second.newPage();
    await signIn(page, demoUsers.operator, undefined, { locale: 'account' });
    const shell = new Shell(page);
    await expect(shell.navLink('节点')).toBeVisible();
    await shell.setLanguage('en');
    await expect(shell.navLink('Nodes')).toBeVisible();
    await second.close();
  });
});
