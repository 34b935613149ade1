/**
 * Invitation links end to end: Carol (tenant admin of globex) invites a new email as a viewer, copies
 * the link from the dialog, signs out; the invitee opens the link, chooses a name and password (the
 * form checks the rules first), lands signed in on the console and sees globex. The used link then
 * shows the "ask for a new link" panel. The invited member is removed again at the end.
 */
import { fileURLToPath } from 'node:url';
import { DEMO_ACCOUNTS, Shell, expect, signIn, test } from './fixtures';
import { InvitationLinkDialog, InvitePage } from './pages/invitations';
import { TenantMembersCard, asAccount } from './pages/tenancy';
import { E2E_BASE_URL } from './support/base-url';

const screenshot = (name: string) => fileURLToPath(new URL(`./screenshots/${name}`, import.meta.url));
const carol = 'carol@globex.demo';
if (!DEMO_ACCOUNTS.some((account) => account.email === carol)) throw new Error(`no demo account ${carol}`);

test.describe('invitation links', () => {
  test('Carol invites a new viewer, the invitee sets a password with the link and lands in globex', async ({ browser, page }) => {
    test.setTimeout(120_000);
    const email = `invitee-${Date.now().toString(36)}@globex.example`;
    try {
      await signIn(page, carol);
      await page.goto('/tenant');
      await expect(page).toHaveURL(/\/tenant\/globex$/);
      const members = new TenantMembersCard(page);
      await expect(members.member(carol)).toBeVisible({ timeout: 30_000 });

      await members.add(email, 'tenant-viewer');
      const dialog = new InvitationLinkDialog(page);
      const link = await dialog.link();
      await expect(dialog.sentence).toContainText(`Send this link to ${email}; it works once and expires on`);
      await page.mouse.move(0, 0);
      // For looking at, not committed: the dialog as Carol sees it.
      await page.screenshot({ path: test.info().outputPath('invitation-link-dialog.png') });
      await dialog.close();
      await expect(members.member(email)).toHaveAttribute('data-role', 'tenant-viewer');
      await expect(members.member(email).getByText('Invited')).toBeVisible();
      await expect(members.member(email).getByTestId('new-invitation-link')).toBeVisible();

      await new Shell(page).signOut();

      // The invitee, in light theme, English.
      await page.context().addCookies([
        { name: 'overlook-theme', value: 'light', url: E2E_BASE_URL },
        { name: 'overlook-locale', value: 'en', url: E2E_BASE_URL },
      ]);
      const invite = new InvitePage(page);
      await invite.goto(link);
      await expect(invite.title).toHaveText(`You're invited to Overlook as ${email}`);
      await expect(invite.tenants).toContainText('Globex');
      await expect(invite.name).toHaveValue(email.split('@')[0]);
      await page.mouse.move(0, 0);
      await page.screenshot({ path: screenshot('invite.png') });

      // The same rules as the API, next to the fields, before anything is sent.
      await invite.accept({ name: 'Ivy Invitee', password: 'short' });
      await expect(page.getByText('Use at least 12 characters.')).toBeVisible();
      await invite.accept({ name: 'Ivy Invitee', password: 'invitee-password-1', confirm: 'invitee-password-2' });
      await expect(page.getByText('The passwords do not match.')).toBeVisible();

      await invite.accept({ name: 'Ivy Invitee', password: 'invitee-password-1' });
      await page.waitForURL((url) => !url.pathname.startsWith('/invite') && !url.pathname.startsWith('/login'), { timeout: 30_000 });
      const shell = new Shell(page);
      await shell.expectSignedIn();
      await expect(shell.navLink('My tenant')).toBeVisible();
      const me = (await (await page.request.get('/api/v1/me')).json()) as { email: string; name: string; tenants?: Array<{ slug: string; role: string }> };
      expect(me).toMatchObject({ email, name: 'Ivy Invitee', tenants: [{ slug: 'globex', role: 'tenant-viewer' }] });
      await shell.navigate('My tenant');
      await expect(page).toHaveURL(/\/tenant\/globex$/);
      await expect(page.getByTestId('tenant-overview')).toBeVisible({ timeout: 30_000 });

      // The link worked once.
      await shell.signOut();
      await page.goto(link);
      await expect(invite.unusable).toBeVisible();
      await expect(invite.unusable).toContainText('Ask whoever invited you for a new link.');
    } finally {
      await asAccount(browser, carol, async (carolPage) => {
        const list = await carolPage.request.get('/api/v1/tenants/globex/members');
        const body = (await list.json()) as { items: Array<{ userId: string; email: string }> };
        const member = body.items?.find((item) => item.email === email);
        if (member) expect((await carolPage.request.delete(`/api/v1/tenants/globex/members?userId=${member.userId}`)).status()).toBe(204);
      });
    }
  });
});
