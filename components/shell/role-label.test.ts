import { describe, expect, it } from 'vitest';
import { describeRole, primaryBinding } from './role-label';

const name = (role: string) => role.toUpperCase();

describe('describeRole', () => {
  it('shows the strongest role with its scope', () => {
    const bindings = [
      { role: 'tenant-viewer' as const, scope: { tenant: 'acme' } },
      { role: 'operator' as const, scope: { regions: ['cn-east', 'cn-north'] } },
    ];
    expect(primaryBinding(bindings)?.role).toBe('operator');
    expect(describeRole(bindings, name)).toBe('OPERATOR · cn-east, cn-north');
  });

  it('says so when the user has no role', () => {
    expect(describeRole([], name)).toBe('NONE');
  });

  it('shows a global role without a scope suffix', () => {
    expect(describeRole([{ role: 'platform-admin', scope: {} }], name)).toBe('PLATFORM-ADMIN');
  });
});
