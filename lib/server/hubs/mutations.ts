import 'server-only';

import type { MutationResult } from '@/lib/contracts/fleet';
import type { Principal } from '@/lib/server/auth/principal';
import type { HubConnection } from '@/lib/server/hubs/hub-connection';
import { KubeRequestError } from '@/lib/server/hubs/kube-transport';
import { getEnv } from '@/lib/server/env';
import { tenantOfNamespace } from '@/lib/server/rbac/fleet-access';
import { HttpError, forbidden, serviceUnavailable } from '@/lib/server/http/errors';
import { childLogger } from '@/lib/server/logger';

const log = childLogger({ module: 'hubs', component: 'mutations' });

/**
 * Mutations are performed on the hub; the cache changes only when the watch brings the change back.
 * So a successful call answers 202 "accepted" with a MutationResult, never the new state.
 */

export type FleetAction = 'cordon' | 'uncordon' | 'restart-pod' | 'restart-deployment' | 'scale-deployment';

const ACTION_PHRASES: Record<FleetAction, string> = {
  cordon: 'cordon nodes',
  uncordon: 'uncordon nodes',
  'restart-pod': 'restart pods',
  'restart-deployment': 'restart deployments',
  'scale-deployment': 'scale deployments',
};

const MUTATION_TIMEOUT_MS = 10_000;

/**
 * For now only platform admins (anywhere) and operators (within the hubs/regions of their binding;
 * an empty list means all) may change the fleet. Tenancy will add tenant admins for their namespaces.
 */
export function authorizeFleetMutation(principal: Principal, hub: HubConnection, action: FleetAction): void {
  if (principal.bindings.some((binding) => binding.role === 'platform-admin')) return;
  const operatorBindings = principal.bindings.filter((binding) => binding.role === 'operator');
  if (operatorBindings.length === 0) {
    throw forbidden(`Only platform admins and operators can ${ACTION_PHRASES[action]}`);
  }
  const covers = operatorBindings.some(({ scope }) => {
    const hubs = scope.hubs ?? [];
    const regions = scope.regions ?? [];
    if (hubs.length > 0 && !hubs.includes(hub.name)) return false;
    if (regions.length > 0 && !regions.includes(hub.region)) return false;
    return true;
  });
  if (!covers) throw forbidden(`Your operator role does not cover hub ${hub.name}, so you cannot ${ACTION_PHRASES[action]} there`);
}

/**
 * Maps a hub failure to what the user may see: Kubernetes Status messages that help (not found,
 * conflict, invalid, forbidden) pass through; credentials problems and internals do not.
 */
export function hubErrorToHttp(hub: HubConnection, error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof KubeRequestError) {
    if (error.unreachable) return serviceUnavailable(`Hub ${hub.name} is not answering; try again when it is back`);
    const message = error.kubeStatus?.message ?? error.message;
    switch (error.status) {
      case 400:
      case 422:
        return new HttpError(422, 'invalid', message);
      case 401:
        return new HttpError(502, 'hub_error', `Hub ${hub.name} rejected the console's credentials; ask a platform admin to check them`);
      case 403:
        return forbidden(`Hub ${hub.name} refused: ${message}`);
      case 404:
        return new HttpError(404, 'not_found', message);
      case 409:
        return new HttpError(409, 'conflict', message);
      case 429:
        return new HttpError(503, 'unavailable', `Hub ${hub.name} is busy; try again in a moment`);
      default:
        return new HttpError(502, 'hub_error', `Hub ${hub.name} could not do this (HTTP ${error.status})`);
    }
  }
  return new HttpError(502, 'hub_error', `Hub ${hub.name} could not do this`);
}

/** Whether OVERLOOK_IMPERSONATE_HUBS turns impersonation on for this hub. */
export function impersonationEnabledFor(hubName: string, setting: '*' | readonly string[] = getEnv().impersonateHubs): boolean {
  return setting === '*' || setting.includes(hubName);
}

/**
 * Kubernetes impersonation headers for a mutation by `principal` (API tokens act as their owner,
 * whose email the principal carries). Groups: `overlook:<role>` for each of the caller's bindings
 * that covers the target — platform-admin and auditor always; operator when its hubs/regions cover
 * the hub; tenant-admin / tenant-viewer when the target namespace belongs to the binding's tenant,
 * plus `overlook:tenant:<slug>` for that tenant. Node targets have no tenant.
 */
export function impersonationHeaders(
  principal: Pick<Principal, 'email' | 'bindings'>,
  target: { hub: string; region: string; tenant: string | null },
): { 'Impersonate-User': string; 'Impersonate-Group': string[] } {
  const groups = new Set<string>();
  for (const { role, scope } of principal.bindings) {
    switch (role) {
      case 'platform-admin':
      case 'auditor':
        groups.add(`overlook:${role}`);
        break;
      case 'operator': {
        const hubs = scope.hubs ?? [];
        const regions = scope.regions ?? [];
        if ((hubs.length === 0 || hubs.includes(target.hub)) && (regions.length === 0 || regions.includes(target.region))) groups.add('overlook:operator');
        break;
      }
      case 'tenant-admin':
      case 'tenant-viewer':
        if (target.tenant !== null && scope.tenant === target.tenant) {
          groups.add(`overlook:${role}`);
          groups.add(`overlook:tenant:${target.tenant}`);
        }
        break;
    }
  }
  return { 'Impersonate-User': principal.email, 'Impersonate-Group': [...groups].sort() };
}

/** Who asks for a mutation; impersonated on hubs listed in OVERLOOK_IMPERSONATE_HUBS. */
export type MutationActor = Pick<Principal, 'email' | 'bindings'>;

async function perform(
  hub: HubConnection,
  request: { method: string; path: string; body?: unknown; contentType?: string; namespace?: string },
  result: Omit<MutationResult, 'accepted' | 'hub'>,
  actor: MutationActor | undefined,
): Promise<MutationResult> {
  const reason = hub.unavailableReason;
  if (reason !== null) throw serviceUnavailable(`Hub ${hub.name} is unreachable right now, so nothing was changed; try again when it is back`);
  try {
    await hub.transport.requestJson(request.path, undefined, {
      method: request.method,
      body: request.body,
      contentType: request.contentType,
      timeoutMs: MUTATION_TIMEOUT_MS,
      // Only mutations impersonate: reads fill the shared watch cache with the console's own identity.
      headers:
        actor && impersonationEnabledFor(hub.name)
          ? impersonationHeaders(actor, { hub: hub.name, region: hub.region, tenant: request.namespace ? tenantOfNamespace(hub, request.namespace) : null })
          : undefined,
    });
  } catch (error) {
    const mapped = hubErrorToHttp(hub, error);
    log.info({ hub: hub.name, path: request.path, status: mapped.status, reason: (error as Error).message }, 'hub refused a mutation');
    throw mapped;
  }
  return { accepted: true, hub: hub.name, ...result };
}

const MERGE_PATCH = 'application/merge-patch+json';
const seg = encodeURIComponent;

export function setNodeUnschedulable(hub: HubConnection, name: string, unschedulable: boolean, actor?: MutationActor): Promise<MutationResult> {
  return perform(
    hub,
    { method: 'PATCH', path: `/api/v1/nodes/${seg(name)}`, body: { spec: { unschedulable: unschedulable ? true : null } }, contentType: MERGE_PATCH },
    {
      target: { kind: 'Node', name },
      message: unschedulable ? `Node ${name} cordoned: no new pods will be scheduled on it` : `Node ${name} uncordoned`,
    },
    actor,
  );
}

/** Deleting a controller-owned pod is how a pod is restarted: its controller creates a new one. */
export function restartPod(hub: HubConnection, namespace: string, name: string, actor?: MutationActor): Promise<MutationResult> {
  return perform(
    hub,
    { method: 'DELETE', path: `/api/v1/namespaces/${seg(namespace)}/pods/${seg(name)}`, namespace },
    { target: { kind: 'Pod', namespace, name }, message: `Pod ${namespace}/${name} is being deleted; its controller will start a new one` },
    actor,
  );
}

/** What `kubectl rollout restart` does: a new template annotation triggers a rolling update. */
export function restartDeployment(hub: HubConnection, namespace: string, name: string, actor?: MutationActor, now = new Date()): Promise<MutationResult> {
  return perform(
    hub,
    {
      method: 'PATCH',
      path: `/apis/apps/v1/namespaces/${seg(namespace)}/deployments/${seg(name)}`,
      body: { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': now.toISOString() } } } } },
      contentType: MERGE_PATCH,
      namespace,
    },
    { target: { kind: 'Deployment', namespace, name }, message: `Deployment ${namespace}/${name} is restarting (rolling update)` },
    actor,
  );
}

export function scaleDeployment(hub: HubConnection, namespace: string, name: string, replicas: number, actor?: MutationActor): Promise<MutationResult> {
  return perform(
    hub,
    {
      method: 'PATCH',
      path: `/apis/apps/v1/namespaces/${seg(namespace)}/deployments/${seg(name)}/scale`,
      body: { spec: { replicas } },
      contentType: MERGE_PATCH,
      namespace,
    },
    { target: { kind: 'Deployment', namespace, name }, message: `Deployment ${namespace}/${name} scaled to ${replicas} replicas` },
    actor,
  );
}
