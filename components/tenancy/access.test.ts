import { describe, expect, it } from 'vitest';
import { canCordon, canManageMembers, canMutateNamespaced, canSeeAdmin, canSeeAudit, canSeeMyTenant, consoleAccessOf } from './access';

const admin = consoleAccessOf([{ role: 'platform-admin', scope: {} }]);
const auditor = consoleAccessOf([{ role: 'auditor', scope: {} }]);
const opsEast = consoleAccessOf([{ role: 'operator', scope: { hubs: ['cn-east'] } }]);
const alice = consoleAccessOf([{ role: 'tenant-admin', scope: { tenant: 'acme' } }]);
const bob = consoleAccessOf([
  { role: 'tenant-viewer', scope: { tenant: 'acme' } },
  { role: 'tenant-viewer', scope: { tenant: 'globex' } },
]);

const acmePod = { hub: 'cn-east', region: 'cn-east', tenant: 'acme' };
const globexPod = { hub: 'cn-north', region: 'cn-north', tenant: 'globex' };

describe('console access (what the UI offers; the server decides again)', () => {
  it('offers restarts to admins, covering operators and the tenant’s admins only', () => {
    expect(canMutateNamespaced(admin, globexPod)).toBe(true);
    expect(canMutateNamespaced(opsEast, acmePod)).toBe(true);
    expect(canMutateNamespaced(opsEast, globexPod)).toBe(false);
    expect(canMutateNamespaced(alice, acmePod)).toBe(true);
    expect(canMutateNamespaced(alice, globexPod)).toBe(false);
    expect(canMutateNamespaced(bob, acmePod)).toBe(false);
    expect(canMutateNamespaced(auditor, acmePod)).toBe(false);
    expect(canMutateNamespaced(alice, { ...acmePod, tenant: null })).toBe(false);
  });

  it('offers cordon to admins and covering operators only', () => {
    expect(canCordon(admin, acmePod)).toBe(true);
    expect(canCordon(opsEast, { hub: 'cn-east', region: 'cn-east' })).toBe(true);
    expect(canCordon(opsEast, { hub: 'cn-west', region: 'cn-west' })).toBe(false);
    expect(canCordon(alice, acmePod)).toBe(false);
  });

  it('opens sections by role', () => {
    expect([admin, auditor, opsEast, alice, bob].map(canSeeAdmin)).toEqual([true, false, false, false, false]);
    expect([admin, auditor, opsEast, alice, bob].map(canSeeAudit)).toEqual([true, true, false, true, false]);
    expect([admin, auditor, opsEast, alice, bob].map(canSeeMyTenant)).toEqual([false, false, false, true, true]);
    expect(canManageMembers(alice, 'acme')).toBe(true);
    expect(canManageMembers(alice, 'globex')).toBe(false);
    expect(canManageMembers(bob, 'acme')).toBe(false);
    expect(canManageMembers(admin, 'globex')).toBe(true);
    expect(bob.memberTenants).toEqual(['acme', 'globex']);
  });
});
