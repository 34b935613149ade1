import { demoUsers, expect, test } from './fixtures';

test('an API token created in the UI authorizes /api/v1/me until it is revoked in the UI', async ({ asAdmin: page, shell, request }) => {
  const name = `e2e-${Date.now()}`;
  await shell.navigate('API tokens');
  await expect(page.getByRole('heading', { level: 1, name: 'API tokens' })).toBeVisible();

  await page.getByRole('button', { name: 'Create token' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Create API token' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByLabel('Access').selectOption('read');
  await dialog.getByRole('button', { name: 'Create token' }).click();

  // Shown once, with a copy button.
  const created = page.getByRole('dialog', { name: 'Token created' });
  await expect(created).toBeVisible();
  await expect(created.getByRole('button', { name: 'Copy token' })).toBeVisible();
  const token = await created.getByTestId('new-token-value').inputValue();
  expect(token).toMatch(/^olk_/);
  await created.getByRole('button', { name: 'Done' }).click();

  const row = page.getByTestId('token-row').filter({ hasText: name });
  await expect(row).toBeVisible();
  await expect(row).not.toContainText(token);

  const me = await request.get('/api/v1/me', { headers: { authorization: `Bearer ${token}` } });
  expect(me.status()).toBe(200);
  const body = await me.json();
  expect(body.kind).toBe('token');
  expect(body.email).toBe(demoUsers.admin);

  await row.getByRole('button', { name: `Revoke token ${name}` }).click();
  const confirm = page.getByRole('dialog', { name: 'Revoke token?' });
  await confirm.getByRole('button', { name: 'Revoke token' }).click();
  await expect(row).toHaveCount(0);

  const after = await request.get('/api/v1/me', { headers: { authorization: `Bearer ${token}` } });
  expect(after.status()).toBe(401);
  expect((await after.json()).error.code).toBe('unauthorized');
});
