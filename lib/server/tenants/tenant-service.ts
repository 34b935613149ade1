import 'server-only';

import type {
  CreateTenantRequestSchema,
  NamespaceAssignmentInputSchema,
  TenantDto,
  TenantOverview,
  TenantPreviewQuerySchema,
  TenantPreviewResponse,
  UpdateTenantRequestSchema,
} from '@/lib/contracts/tenancy';
import type { z } from 'zod';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { addPod, emptyPodCounts } from '@/lib/server/hubs/aggregates';
import type { HubManager } from '@/lib/server/hubs/hub-manager';
import { isUniqueViolation } from '@/lib/server/db/errors';
import { bumpAuthGeneration } from '@/lib/server/auth/principal-cache';
import { conflict, notFound } from '@/lib/server/http/errors';
import { TENANT_ROLES_LIST } from '@/lib/server/tenants/roles';

import { getTenantOwnership, refreshTenantOwnership } from './ownership';
import { describeHub, hubMatches, hubsOverlap, isPattern, patternToRegExp, patternsOverlap } from './patterns';

type TenantRow = {
  id: string;
  slug: string;
  displayName: string;
  description: string;
  createdAt: Date;
  updatedAt: Date;
  namespaces: Array<{ id: string; hub: string; pattern: string; createdAt: Date }>;
};

const TENANT_INCLUDE = { namespaces: { orderBy: { createdAt: 'asc' as const } } };

async function memberCounts(db: PrismaClient, slugs: string[]): Promise<Map<string, number>> {
  const rows = await db.roleBinding.findMany({
    where: { tenant: { in: slugs }, role: { in: [...TENANT_ROLES_LIST] } },
    select: { tenant: true, userId: true },
  });
  const users = new Map<string, Set<string>>();
  for (const row of rows) {
    if (!row.tenant) continue;
    let set = users.get(row.tenant);
    if (!set) users.set(row.tenant, (set = new Set()));
    set.add(row.userId);
  }
  return new Map([...users].map(([slug, set]) => [slug, set.size]));
}

function toTenantDto(row: TenantRow, members: number): TenantDto {
  return {
    slug: row.slug,
    displayName: row.displayName,
    description: row.description,
    namespaces: row.namespaces.map((ns) => ({ id: ns.id, hub: ns.hub, pattern: ns.pattern, createdAt: ns.createdAt.toISOString() })),
    memberCount: members,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

// One in-process queue for assignment changes: the overlap check and the insert must not interleave.
let assignmentQueue: Promise<unknown> = Promise.resolve();
function serialized<T>(work: () => Promise<T>): Promise<T> {
  const next = assignmentQueue.then(work, work);
  assignmentQueue = next.catch(() => undefined);
  return next;
}

export async function listTenants(db: PrismaClient): Promise<TenantDto[]> {
  const rows = await db.tenant.findMany({ include: TENANT_INCLUDE, orderBy: { slug: 'asc' } });
  const counts = await memberCounts(db, rows.map((row) => row.slug));
  return rows.map((row) => toTenantDto(row, counts.get(row.slug) ?? 0));
}

export async function findTenant(db: PrismaClient, slug: string): Promise<TenantDto | null> {
  const row = await db.tenant.findUnique({ where: { slug }, include: TENANT_INCLUDE });
  if (!row) return null;
  return toTenantDto(row, (await memberCounts(db, [slug])).get(slug) ?? 0);
}

export async function getTenant(db: PrismaClient, slug: string): Promise<TenantDto> {
  const tenant = await findTenant(db, slug);
  if (!tenant) throw notFound(`Tenant "${slug}" not found`);
  return tenant;
}

/** Throws 409 naming the other tenant when the assignment overlaps one of another tenant's. */
async function assertNoOverlap(db: PrismaClient, tenantId: string | null, hub: string, pattern: string): Promise<void> {
  const rows = await db.tenantNamespace.findMany({ include: { tenant: { select: { slug: true, id: true } } } });
  for (const row of rows) {
    if (!hubsOverlap(row.hub, hub) || !patternsOverlap(row.pattern, pattern)) continue;
    if (row.tenant.id === tenantId) {
      if (row.hub === hub && row.pattern === pattern) throw conflict(`Namespace "${pattern}" on ${describeHub(hub)} is already assigned to this tenant`);
      continue; // overlapping its own assignments is harmless
    }
    const what = isPattern(pattern) || isPattern(row.pattern) ? `overlaps "${row.pattern}" on ${describeHub(row.hub)}` : `is already assigned on ${describeHub(row.hub)}`;
    throw conflict(`Namespace "${pattern}" on ${describeHub(hub)} ${what}, which belongs to tenant "${row.tenant.slug}". A namespace can belong to one tenant only.`);
  }
}

export async function createTenant(db: PrismaClient, input: z.output<typeof CreateTenantRequestSchema>): Promise<TenantDto> {
  return serialized(async () => {
    if (await db.tenant.findUnique({ where: { slug: input.slug } })) throw conflict(`A tenant with slug "${input.slug}" already exists`);
    const seen: Array<{ hub: string; pattern: string }> = [];
    for (const ns of input.namespaces) {
      await assertNoOverlap(db, null, ns.hub, ns.pattern);
      if (seen.some((other) => other.hub === ns.hub && other.pattern === ns.pattern)) throw conflict(`Namespace "${ns.pattern}" on ${describeHub(ns.hub)} is listed twice`);
      seen.push(ns);
    }
    try {
      await db.tenant.create({
        data: {
          slug: input.slug,
          displayName: input.displayName,
          description: input.description,
          namespaces: { create: input.namespaces.map((ns) => ({ hub: ns.hub, pattern: ns.pattern })) },
        },
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict(`A tenant with slug "${input.slug}" already exists`);
      throw error;
    }
    bumpAuthGeneration();
    await refreshTenantOwnership(db);
    return getTenant(db, input.slug);
  });
}

export async function updateTenant(db: PrismaClient, slug: string, patch: z.output<typeof UpdateTenantRequestSchema>): Promise<TenantDto> {
  const result = await db.tenant.updateMany({ where: { slug }, data: patch });
  if (result.count === 0) throw notFound(`Tenant "${slug}" not found`);
  bumpAuthGeneration();
  return getTenant(db, slug);
}

/** Deletes the tenant, its namespace assignments and every role binding naming it. */
export async function deleteTenant(db: PrismaClient, slug: string): Promise<void> {
  await serialized(async () => {
    const tenant = await db.tenant.findUnique({ where: { slug } });
    if (!tenant) throw notFound(`Tenant "${slug}" not found`);
    await db.$transaction([db.roleBinding.deleteMany({ where: { tenant: slug } }), db.tenant.delete({ where: { id: tenant.id } })]);
    bumpAuthGeneration();
    await refreshTenantOwnership(db);
  });
}

export async function assignNamespace(db: PrismaClient, slug: string, input: z.output<typeof NamespaceAssignmentInputSchema>): Promise<TenantDto> {
  return serialized(async () => {
    const tenant = await db.tenant.findUnique({ where: { slug } });
    if (!tenant) throw notFound(`Tenant "${slug}" not found`);
    await assertNoOverlap(db, tenant.id, input.hub, input.pattern);
    try {
      await db.tenantNamespace.create({ data: { tenantId: tenant.id, hub: input.hub, pattern: input.pattern } });
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict(`Namespace "${input.pattern}" on ${describeHub(input.hub)} is already assigned`);
      throw error;
    }
    bumpAuthGeneration();
    await refreshTenantOwnership(db);
    return getTenant(db, slug);
  });
}

export async function unassignNamespace(db: PrismaClient, slug: string, id: string): Promise<TenantDto> {
  return serialized(async () => {
    const result = await db.tenantNamespace.deleteMany({ where: { id, tenant: { slug } } });
    if (result.count === 0) throw notFound(`Tenant "${slug}" has no namespace assignment with id "${id}"`);
    bumpAuthGeneration();
    await refreshTenantOwnership(db);
    return getTenant(db, slug);
  });
}

/** Live preview: which namespaces in the watch caches a pattern matches, per hub, with their owner. */
export function previewAssignment(manager: HubManager, query: z.output<typeof TenantPreviewQuerySchema>): TenantPreviewResponse {
  const ownership = getTenantOwnership();
  const regex = isPattern(query.pattern) ? patternToRegExp(query.pattern) : null;
  let total = 0;
  let conflicts = 0;
  const hubs = manager
    .list()
    .filter((hub) => hubMatches(query.hub, hub.name))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((hub) => {
      const namespaces = [...hub.store.namespaces.values()]
        .filter((ns) => (regex ? regex.test(ns.name) : ns.name === query.pattern))
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((ns) => {
          const owner = ownership.tenantOf(hub.name, ns.name);
          const conflict = owner !== null && owner !== query.tenant;
          if (conflict) conflicts++;
          return { name: ns.name, owner, labelTenant: ns.tenant, conflict };
        });
      total += namespaces.length;
      return { hub: hub.name, status: hub.listStatus().status, namespaces };
    });
  return { hubs, total, conflicts };
}

/** GET /api/v1/tenants/{slug}: the tenant's namespaces and its own numbers (never anyone else's). */
export async function tenantOverview(
  db: PrismaClient,
  manager: HubManager,
  slug: string,
  myRole: TenantOverview['myRole'],
  hubVisible: (hub: { name: string; region: string }) => boolean,
): Promise<TenantOverview> {
  const tenant = await getTenant(db, slug);
  const ownership = getTenantOwnership();
  const pods = emptyPodCounts();
  const namespaces: TenantOverview['namespaces'] = [];
  const nodes = new Set<string>();
  const datacenters = new Set<string>();
  const hubsWithNamespaces = new Set<string>();
  let workloads = 0;
  const hubs = manager.list().filter(hubVisible).sort((a, b) => a.name.localeCompare(b.name));
  for (const hub of hubs) {
    const store = hub.store;
    const owned = new Set<string>();
    for (const name of store.namespaces.keys()) if (ownership.tenantOf(hub.name, name) === slug) owned.add(name);
    for (const name of [...owned].sort()) namespaces.push({ hub: hub.name, namespace: name });
    if (owned.size > 0) hubsWithNamespaces.add(hub.name);
    for (const name of owned) {
      for (const key of store.podsByNamespace.get(name) ?? []) {
        const pod = store.pods.get(key);
        if (!pod) continue;
        addPod(pods, pod, 1);
        if (pod.nodeName) {
          nodes.add(`${hub.name}/${pod.nodeName}`);
          const zone = store.nodes.get(pod.nodeName)?.zone;
          if (zone) datacenters.add(`${hub.name}:${zone}`);
        }
      }
    }
    for (const workload of store.workloads.values()) if (owned.has(workload.namespace)) workloads++;
  }
  return {
    tenant: { slug: tenant.slug, displayName: tenant.displayName, description: tenant.description },
    myRole,
    assignments: tenant.namespaces,
    namespaces,
    counts: {
      namespaces: namespaces.length,
      pods,
      workloads,
      nodes: nodes.size,
      datacenters: datacenters.size,
      hubs: hubsWithNamespaces.size,
      members: tenant.memberCount,
    },
    hubs: hubs.filter((hub) => hubsWithNamespaces.has(hub.name)).map((hub) => hub.listStatus()),
  };
}
