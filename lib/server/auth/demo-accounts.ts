import type { Role, RoleBindingScope } from '@/lib/contracts/auth';

/**
 * Demo-mode accounts (seeded only in demo mode, all with DEMO_PASSWORD). No secrets: the login
 * page shows this list in demo mode and the e2e tests sign in with it, so it is importable from
 * anywhere (no `server-only`).
 */
export const DEMO_PASSWORD = 'overlook-demo';

export type DemoAccount = {
  email: string;
  name: string;
  role: Role;
  scope: RoleBindingScope;
  /** One line for the login page: what this account is good for. */
  description: string;
};

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    email: 'admin@overlook.demo',
    name: 'Platform Admin',
    role: 'platform-admin',
    scope: {},
    description: 'Everything, including administration',
  },
  {
    email: 'ops@overlook.demo',
    name: 'Fleet Operator',
    role: 'operator',
    scope: {},
    description: 'Operates every hub',
  },
  {
    email: 'ops-east@overlook.demo',
    name: 'East Operator',
    role: 'operator',
    scope: { hubs: ['cn-east'] },
    description: 'Operates hub cn-east only',
  },
  {
    email: 'alice@acme.demo',
    name: 'Alice (Acme)',
    role: 'tenant-admin',
    scope: { tenant: 'acme' },
    description: 'Administers tenant acme',
  },
  {
    email: 'bob@acme.demo',
    name: 'Bob (Acme)',
    role: 'tenant-viewer',
    scope: { tenant: 'acme' },
    description: 'Views tenant acme',
  },
  {
    email: 'carol@globex.demo',
    name: 'Carol (Globex)',
    role: 'tenant-admin',
    scope: { tenant: 'globex' },
    description: 'Administers tenant globex',
  },
];

/** Alias of DEMO_ACCOUNTS (the login page imports this name). */
export const demoAccounts = DEMO_ACCOUNTS;
