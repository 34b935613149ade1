import 'server-only';

import type { PagedResponse, WorkloadListItem, WorkloadListQuery } from '@/lib/contracts/fleet';
import type { HubConnection } from '@/lib/server/hubs/hub-connection';
import type { HubManager } from '@/lib/server/hubs/hub-manager';
import type { WorkloadRecord } from '@/lib/server/hubs/records';
import { workloadListItem } from '@/lib/server/query/dto';
import { fleetPage, namespaceFilter } from '@/lib/server/query/fleet-page';
import { selectHubs } from '@/lib/server/query/hub-service';
import { decodeCursor, type SortValue } from '@/lib/server/query/paging';
import { cachedResult, scopeKey, versionOf } from '@/lib/server/query/result-cache';
import type { FleetScope } from '@/lib/server/query/scope';

interface WorkloadRow {
  hub: HubConnection;
  key: string;
  workload: WorkloadRecord;
}

function sortValueOf(sort: WorkloadListQuery['sort'], row: WorkloadRow): SortValue {
  const { hub, workload } = row;
  switch (sort) {
    case 'name':
      return workload.name;
    case 'namespace':
      return workload.namespace;
    case 'hub':
      return hub.name;
    case 'kind':
      return workload.kind;
    case 'desired':
      return workload.desired;
    case 'ready':
      return workload.ready;
    case 'createdAt':
      return workload.createdMs;
  }
}

/** GET /api/v1/workloads: Deployments and DaemonSets. */
export function listWorkloads(manager: HubManager, scope: FleetScope, query: WorkloadListQuery): PagedResponse<WorkloadListItem> {
  const hubs = selectHubs(manager, scope, query);
  const after = decodeCursor(query.cursor, query.sort, query.order);
  const version = versionOf(manager, hubs, (hub) => hub.store.workloadsVersion);
  return cachedResult(manager, `workloads|${scopeKey(scope)}|${JSON.stringify(query)}`, version, () =>
    computeWorkloadPage(hubs, scope, query, after),
  );
}

function computeWorkloadPage(
  hubs: HubConnection[],
  scope: FleetScope,
  query: WorkloadListQuery,
  after: ReturnType<typeof decodeCursor>,
): PagedResponse<WorkloadListItem> {
  const inNamespaces = namespaceFilter(scope, query);
  const needle = query.q ? query.q.toLowerCase() : null;
  function* rows(): Iterable<WorkloadRow> {
    for (const hub of hubs) for (const [key, workload] of hub.store.workloads) yield { hub, key, workload };
  }
  return fleetPage(hubs, query, {
    items: rows(),
    filter: ({ hub, workload }) => {
      if (query.kind && workload.kind !== query.kind) return false;
      if (!inNamespaces(hub, workload.namespace)) return false;
      if (needle && !workload.name.toLowerCase().includes(needle) && !workload.namespace.includes(needle) && !workload.images.some((i) => i.toLowerCase().includes(needle))) {
        return false;
      }
      return true;
    },
    sortValue: (row) => sortValueOf(query.sort, row),
    id: (row) => `${row.hub.name}/${row.key}`,
    order: query.order,
    limit: query.limit,
    after,
  }, (row) => workloadListItem(row.hub, row.workload));
}
