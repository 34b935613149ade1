import { describe, expect, it } from 'vitest';

import type { RoleBinding } from '@/lib/contracts/auth';

import { auditScopeFor, can, visibilityFor, scopeSeesNamespace, scopeSeesNode, type PolicyAction, type PolicyResource, type PolicySubject } from './policy';

const user = (...bindings: RoleBinding[]): PolicySubject => ({ kind: 'user', bindings });
const SUBJECTS = {
  admin: user({ role: 'platform-admin', scope: {} }),
  operator: user({ role: 'operator', scope: {} }),
  opsEast: user({ role: 'operator', scope: { hubs: ['cn-east'] } }),
  auditor: user({ role: 'auditor', scope: {} }),
  acmeAdmin: user({ role: 'tenant-admin', scope: { tenant: 'acme' } }),
  acmeViewer: user({ role: 'tenant-viewer', scope: { tenant: 'acme' } }),
  readToken: { kind: 'token', tokenScopes: ['read'], bindings: [{ role: 'platform-admin', scope: {} }] } as PolicySubject,
  nobody: user(),
} as const;
type SubjectName = keyof typeof SUBJECTS;

const east = { hub: 'cn-east', region: 'cn-east' };
const south = { hub: 'cn-south', region: 'cn-south' };
const R = {
  acmePodEast: { kind: 'namespaced', ...east, namespace: 'acme-pos', tenant: 'acme' },
  acmePodSouth: { kind: 'namespaced', ...south, namespace: 'acme-pos', tenant: 'acme' },
  globexPodEast: { kind: 'namespaced', ...east, namespace: 'globex-cameras', tenant: 'globex' },
  systemPodSouth: { kind: 'namespaced', ...south, namespace: 'kube-system', tenant: null },
  acmeNodeEast: { kind: 'node', ...east, name: 'n1', tenantsOnNode: new Set(['acme', 'globex']) },
  bareNodeSouth: { kind: 'node', ...south, name: 'n2', tenantsOnNode: new Set<string>() },
  platform: { kind: 'platform' },
  acme: { kind: 'tenant', tenant: 'acme' },
  globex: { kind: 'tenant', tenant: 'globex' },
} satisfies Record<string, PolicyResource>;
type ResourceName = keyof typeof R;

/** Expected status per subject: 200 allowed, 403 visible but refused, 404 invisible. */
type Row = [PolicyAction, ResourceName, Record<SubjectName, 200 | 403 | 404>];
const TABLE: Row[] = [
  ['fleet.read', 'acmePodEast', { admin: 200, operator: 200, opsEast: 200, auditor: 200, acmeAdmin: 200, acmeViewer: 200, readToken: 200, nobody: 404 }],
  ['fleet.read', 'acmePodSouth', { admin: 200, operator: 200, opsEast: 404, auditor: 200, acmeAdmin: 200, acmeViewer: 200, readToken: 200, nobody: 404 }],
  ['fleet.read', 'globexPodEast', { admin: 200, operator: 200, opsEast: 200, auditor: 200, acmeAdmin: 404, acmeViewer: 404, readToken: 200, nobody: 404 }],
  ['fleet.read', 'systemPodSouth', { admin: 200, operator: 200, opsEast: 404, auditor: 200, acmeAdmin: 404, acmeViewer: 404, readToken: 200, nobody: 404 }],
  ['fleet.read', 'acmeNodeEast', { admin: 200, operator: 200, opsEast: 200, auditor: 200, acmeAdmin: 200, acmeViewer: 200, readToken: 200, nobody: 404 }],
  ['fleet.read', 'bareNodeSouth', { admin: 200, operator: 200, opsEast: 404, auditor: 200, acmeAdmin: 404, acmeViewer: 404, readToken: 200, nobody: 404 }],
  ['pod.restart', 'acmePodEast', { admin: 200, operator: 200, opsEast: 200, auditor: 403, acmeAdmin: 200, acmeViewer: 403, readToken: 403, nobody: 404 }],
  ['pod.restart', 'acmePodSouth', { admin: 200, operator: 200, opsEast: 404, auditor: 403, acmeAdmin: 200, acmeViewer: 403, readToken: 403, nobody: 404 }],
  ['pod.restart', 'globexPodEast', { admin: 200, operator: 200, opsEast: 200, auditor: 403, acmeAdmin: 404, acmeViewer: 404, readToken: 403, nobody: 404 }],
  ['deployment.scale', 'acmePodSouth', { admin: 200, operator: 200, opsEast: 404, auditor: 403, acmeAdmin: 200, acmeViewer: 403, readToken: 403, nobody: 404 }],
  ['deployment.restart', 'systemPodSouth', { admin: 200, operator: 200, opsEast: 404, auditor: 403, acmeAdmin: 404, acmeViewer: 404, readToken: 403, nobody: 404 }],
  ['node.cordon', 'acmeNodeEast', { admin: 200, operator: 200, opsEast: 200, auditor: 403, acmeAdmin: 403, acmeViewer: 403, readToken: 403, nobody: 404 }],
  ['node.uncordon', 'bareNodeSouth', { admin: 200, operator: 200, opsEast: 404, auditor: 403, acmeAdmin: 404, acmeViewer: 404, readToken: 403, nobody: 404 }],
  ['user.manage', 'platform', { admin: 200, operator: 403, opsEast: 403, auditor: 403, acmeAdmin: 403, acmeViewer: 403, readToken: 403, nobody: 403 }],
  ['tenant.manage', 'platform', { admin: 200, operator: 403, opsEast: 403, auditor: 403, acmeAdmin: 403, acmeViewer: 403, readToken: 403, nobody: 403 }],
  ['role-binding.manage', 'platform', { admin: 200, operator: 403, opsEast: 403, auditor: 403, acmeAdmin: 403, acmeViewer: 403, readToken: 403, nobody: 403 }],
  ['hub.manage', 'platform', { admin: 200, operator: 403, opsEast: 403, auditor: 403, acmeAdmin: 403, acmeViewer: 403, readToken: 403, nobody: 403 }],
  ['admin.read', 'platform', { admin: 200, operator: 403, opsEast: 403, auditor: 200, acmeAdmin: 403, acmeViewer: 403, readToken: 200, nobody: 403 }],
  ['tenant.read', 'acme', { admin: 200, operator: 200, opsEast: 200, auditor: 200, acmeAdmin: 200, acmeViewer: 200, readToken: 200, nobody: 404 }],
  ['tenant.read', 'globex', { admin: 200, operator: 200, opsEast: 200, auditor: 200, acmeAdmin: 404, acmeViewer: 404, readToken: 200, nobody: 404 }],
  ['tenant.members.manage', 'acme', { admin: 200, operator: 403, opsEast: 403, auditor: 403, acmeAdmin: 200, acmeViewer: 403, readToken: 403, nobody: 404 }],
  ['tenant.members.manage', 'globex', { admin: 200, operator: 403, opsEast: 403, auditor: 403, acmeAdmin: 404, acmeViewer: 404, readToken: 403, nobody: 404 }],
];

describe('can(subject, action, resource)', () => {
  for (const [action, resourceName, expected] of TABLE) {
    for (const subjectName of Object.keys(SUBJECTS) as SubjectName[]) {
      it(`${subjectName} ${action} ${resourceName} → ${expected[subjectName]}`, () => {
        const decision = can(SUBJECTS[subjectName], action, R[resourceName]);
        const status = decision.allowed ? 200 : decision.status;
        expect(status).toBe(expected[subjectName]);
        if (!decision.allowed && decision.status === 403) expect(decision.reason).toMatch(/^[A-Z].*[a-z0-9]$/);
      });
    }
  }

  it('bindings add up: operator on cn-east plus viewer of acme sees acme on cn-south too', () => {
    const subject = user({ role: 'operator', scope: { hubs: ['cn-east'] } }, { role: 'tenant-viewer', scope: { tenant: 'acme' } });
    expect(can(subject, 'fleet.read', R.acmePodSouth).allowed).toBe(true);
    expect(can(subject, 'fleet.read', R.systemPodSouth).allowed).toBe(false);
    expect(can(subject, 'pod.restart', R.acmePodSouth)).toMatchObject({ allowed: false, status: 403 });
  });

  it('region-scoped operators cover hubs of that region only', () => {
    const subject = user({ role: 'operator', scope: { regions: ['cn-south'] } });
    expect(can(subject, 'node.uncordon', R.bareNodeSouth).allowed).toBe(true);
    expect(can(subject, 'node.cordon', R.acmeNodeEast)).toMatchObject({ allowed: false, status: 404 });
  });
});

describe('visibility scope (list filters)', () => {
  it('tenant scopes see their namespaces and the nodes their pods run on', () => {
    const scope = visibilityFor(SUBJECTS.acmeViewer);
    expect(scope.everything).toBe(false);
    expect(scopeSeesNamespace(scope, 'cn-east', 'cn-east', 'acme')).toBe(true);
    expect(scopeSeesNamespace(scope, 'cn-east', 'cn-east', 'globex')).toBe(false);
    expect(scopeSeesNamespace(scope, 'cn-east', 'cn-east', null)).toBe(false);
    expect(scopeSeesNode(scope, 'cn-east', 'cn-east', new Set(['acme']))).toBe(true);
    expect(scopeSeesNode(scope, 'cn-east', 'cn-east', new Set(['globex']))).toBe(false);
  });

  it('narrowing to a tenant never widens, and narrowing to a foreign tenant shows nothing', () => {
    const two = user({ role: 'tenant-viewer', scope: { tenant: 'acme' } }, { role: 'tenant-viewer', scope: { tenant: 'globex' } });
    const narrowed = visibilityFor(two, 'globex');
    expect(scopeSeesNamespace(narrowed, 'cn-east', 'cn-east', 'globex')).toBe(true);
    expect(scopeSeesNamespace(narrowed, 'cn-east', 'cn-east', 'acme')).toBe(false);
    const foreign = visibilityFor(SUBJECTS.acmeViewer, 'globex');
    expect(scopeSeesNamespace(foreign, 'cn-east', 'cn-east', 'globex')).toBe(false);
    expect(scopeSeesNamespace(foreign, 'cn-east', 'cn-east', 'acme')).toBe(false);
  });

  it('ops roles see everything in scope', () => {
    expect(visibilityFor(SUBJECTS.operator).everything).toBe(true);
    const east = visibilityFor(SUBJECTS.opsEast);
    expect(east.everything).toBe(false);
    expect(scopeSeesNamespace(east, 'cn-east', 'cn-east', 'globex')).toBe(true);
    expect(scopeSeesNamespace(east, 'cn-south', 'cn-south', 'acme')).toBe(false);
  });

  it('audit: admins and auditors read all, tenant admins their tenants, others nothing', () => {
    expect(auditScopeFor(SUBJECTS.admin).kind).toBe('all');
    expect(auditScopeFor(SUBJECTS.auditor).kind).toBe('all');
    expect(auditScopeFor(SUBJECTS.acmeAdmin)).toEqual({ kind: 'tenants', tenants: new Set(['acme']) });
    expect(auditScopeFor(SUBJECTS.acmeViewer).kind).toBe('none');
    expect(auditScopeFor(SUBJECTS.opsEast).kind).toBe('none');
  });
});
