import 'server-only';

import type { PagedResponse } from '@/lib/contracts/fleet';
import type { HubConnection } from '@/lib/server/hubs/hub-connection';
import { hubStatuses } from '@/lib/server/query/hub-service';
import { encodeCursor, pageOf, type PageRequest, type SortOrder } from '@/lib/server/query/paging';
import { scopeAllowsNamespace, type FleetScope } from '@/lib/server/query/scope';

/**
 * One page of a fleet list (nodes, pods, workloads): `pageOf` over the rows of the selected hubs, the
 * page's rows turned into items, the next cursor for the query's sort and order, and every selected
 * hub's status (the partial-failure banner).
 */
export function fleetPage<Row, Item>(
  hubs: HubConnection[],
  query: { sort: string; order: SortOrder },
  request: PageRequest<Row>,
  toItem: (row: Row) => Item,
): PagedResponse<Item> {
  const result = pageOf(request);
  return {
    items: result.page.map(toItem),
    nextCursor: result.next ? encodeCursor(query.sort, query.order, result.next) : null,
    total: result.total,
    hubs: hubStatuses(hubs),
  };
}

/**
 * The namespace filters every namespaced list shares: the caller's scope, then `?namespace=` and
 * `?tenant=` (a namespace's tenant as the hub's store resolves it).
 */
export function namespaceFilter(scope: FleetScope, query: { namespace?: string[]; tenant?: string[] }): (hub: HubConnection, namespace: string) => boolean {
  const namespaces = query.namespace ? new Set(query.namespace) : null;
  const tenants = query.tenant ? new Set(query.tenant) : null;
  return (hub, namespace) => {
    if (!scopeAllowsNamespace(scope, hub, namespace)) return false;
    if (namespaces && !namespaces.has(namespace)) return false;
    if (tenants) {
      const tenant = hub.store.tenantOf(namespace);
      if (tenant === null || !tenants.has(tenant)) return false;
    }
    return true;
  };
}
