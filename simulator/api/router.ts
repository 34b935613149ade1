import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Hub } from '../world/hub';
import type { DeploymentObject, KubeObject, ObjectMeta, ReplicaSetObject } from '../world/types';
import { entryJson, objectKey } from '../world/store';
import { uidFrom, isoTime } from '../world/builders';
import { Rng } from '../world/rng';
import { apiGroup, apiGroupList, apiResourceList, apiVersions, VERSION_INFO } from './discovery';
import { findResource, apiVersionOf, RESOURCES, type ResourceDef } from './resources';
import { handleList, handleWatch, type RequestContext } from './list-watch';
import { applyPatch, patchTypeOf } from './patch';
import { metricsResponse } from './metrics';
import { handleLogs } from './logs';
import { prometheusExposition } from './prometheus';
import { tableVersion, toTable, wantsTable, type IncludeObject } from './table';
import { ApiError, badRequest, invalid, notFound, pathNotFound, sendJson, sendStatus } from './status';

export interface Caller {
  user: string;
  readOnly: boolean;
}

export interface RouterDeps {
  hub: Hub;
  serverAddress: string;
  authenticate(req: IncomingMessage): Caller | undefined;
  track(res: ServerResponse): void;
  /** Called for every request that carries Impersonate-User (the control API lists them). */
  recordImpersonation?(record: ImpersonationRecord): void;
}

export interface ImpersonationRecord {
  at: string;
  method: string;
  path: string;
  /** The credential's own user (who impersonates). */
  by: string;
  user: string;
  groups: string[];
}

/**
 * Minimal Kubernetes impersonation: the admin credential may impersonate anyone (the read-only one
 * may not). The simulator has no RBAC objects, so one convention stands in for the hub's own RBAC:
 * the group `overlook:tenant-viewer` is read-only, so its writes get the apiserver's 403.
 */
function impersonated(deps: RouterDeps, caller: Caller, req: IncomingMessage, method: string, path: string): Caller {
  const user = req.headers['impersonate-user'];
  if (typeof user !== 'string' || user === '') return caller;
  if (caller.readOnly) {
    throw new ApiError(403, 'Forbidden', `users "${user}" is forbidden: User "${caller.user}" cannot impersonate resource "users" in API group "" at the cluster scope`, { name: user, kind: 'users' });
  }
  // Node joins repeated custom headers with ", ".
  const raw = req.headers['impersonate-group'];
  const groups = (Array.isArray(raw) ? raw.join(', ') : (raw ?? '')).split(',').map((g) => g.trim()).filter(Boolean);
  deps.recordImpersonation?.({ at: new Date().toISOString(), method, path, by: caller.user, user, groups });
  return { user, readOnly: groups.includes('overlook:tenant-viewer') };
}

const WRITE_VERBS = new Set(['create', 'update', 'patch', 'delete', 'deletecollection']);
const MAX_BODY = 3 * 1024 * 1024;
const uidRng = new Rng('api-uids');

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new ApiError(413, 'RequestEntityTooLarge', 'Request entity too large: limit is 3145728'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function forbidden(caller: Caller, verb: string, r: { plural: string; group: string }, sub: string | undefined, namespace: string | undefined, name: string | undefined): ApiError {
  const resource = sub ? `${r.plural}/${sub}` : r.plural;
  const scope = namespace ? `in the namespace "${namespace}"` : 'at the cluster scope';
  const subject = name ? `${r.plural}${r.group ? `.${r.group}` : ''} "${name}" is forbidden` : `${r.plural}${r.group ? `.${r.group}` : ''} is forbidden`;
  return new ApiError(403, 'Forbidden', `${subject}: User "${caller.user}" cannot ${verb} resource "${resource}" in API group "${r.group}" ${scope}`, { ...(name ? { name } : {}), ...(r.group ? { group: r.group } : {}), kind: r.plural });
}

interface Target {
  resource: ResourceDef;
  namespace?: string;
  name?: string;
  sub?: string;
}

/** Map path segments after /api/v1 or /apis/g/v to a resource target. */
function resolveTarget(group: string, version: string, segs: string[]): Target | undefined {
  if (segs.length === 0) return undefined;
  if (segs[0] === 'namespaces' && segs.length >= 3) {
    const r = findResource(group, version, segs[2]);
    if (r && r.namespaced) return { resource: r, namespace: segs[1], name: segs[3], sub: segs[4], ...(segs.length > 5 ? { sub: '\u0000' } : {}) };
    if (group === '' && segs.length === 3) {
      const ns = findResource('', 'v1', 'namespaces')!;
      return { resource: ns, name: segs[1], sub: segs[2] };
    }
    return undefined;
  }
  const r = findResource(group, version, segs[0]);
  if (!r) return undefined;
  if (segs.length > 3) return undefined;
  return { resource: r, name: segs[1], sub: segs[2] };
}

export async function handleRequest(deps: RouterDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    await route(deps, req, res);
  } catch (err) {
    if (err instanceof ApiError) sendStatus(res, err);
    else {
      // Never leak a stack: log it and answer like an apiserver's internal error.
      console.error(`[simulator ${deps.hub.name}]`, err);
      sendStatus(res, new ApiError(500, 'InternalError', 'Internal error occurred: unexpected simulator failure'));
    }
  }
}

async function route(deps: RouterDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'https://hub.local');
  const path = url.pathname.replace(/\/+$/, '') || '/';
  const method = req.method ?? 'GET';
  const params = url.searchParams;
  const hub = deps.hub;

  if (path === '/healthz' || path === '/livez' || path === '/readyz') {
    res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('ok');
    return;
  }
  if (path === '/metrics/prometheus' && method === 'GET') {
    const body = prometheusExposition(hub);
    res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
    return;
  }

  const authenticated = deps.authenticate(req);
  if (!authenticated) throw new ApiError(401, 'Unauthorized', 'Unauthorized');
  const caller = impersonated(deps, authenticated, req, method, path);

  if (path === '/version') return sendJson(res, 200, VERSION_INFO);
  if (path === '/api') return sendJson(res, 200, apiVersions(deps.serverAddress));
  if (path === '/apis') return sendJson(res, 200, apiGroupList());

  let group: string;
  let version: string;
  let segs: string[];
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'api') {
    if (parts.length < 2 || parts[1] !== 'v1') throw pathNotFound();
    group = '';
    version = 'v1';
    segs = parts.slice(2);
  } else if (parts[0] === 'apis') {
    if (parts.length === 2) {
      const g = apiGroup(parts[1]);
      if (!g) throw pathNotFound();
      return sendJson(res, 200, g);
    }
    group = parts[1];
    version = parts[2];
    segs = parts.slice(3);
  } else throw pathNotFound();

  if (segs.length === 0) {
    const list = apiResourceList(group, version);
    if (!list) throw pathNotFound();
    return sendJson(res, 200, list);
  }
  // Legacy /watch/ prefix paths.
  let watchPath = false;
  if (segs[0] === 'watch') {
    watchPath = true;
    segs = segs.slice(1);
  }
  const target = resolveTarget(group, version, segs);
  if (!target || target.sub === '\u0000') throw pathNotFound();
  const { resource, namespace, name, sub } = target;
  if (namespace !== undefined && resource.id !== 'namespaces' && !hub.store.get('namespaces', namespace) && method !== 'GET') {
    throw notFound('namespaces', namespace);
  }

  const isWatch = watchPath || params.get('watch') === 'true' || params.get('watch') === '1';
  const verb = method === 'GET' ? (name ? (isWatch ? 'watch' : 'get') : isWatch ? 'watch' : 'list') : method === 'POST' ? 'create' : method === 'PUT' ? 'update' : method === 'PATCH' ? 'patch' : method === 'DELETE' ? (name ? 'delete' : 'deletecollection') : method.toLowerCase();
  if (!resource.verbs.includes(verb) && !(sub && verb !== 'list')) {
    throw new ApiError(405, 'MethodNotAllowed', `the server does not allow this method on the requested resource`);
  }
  if (caller.readOnly && WRITE_VERBS.has(verb) && resource.id !== 'authorization.k8s.io/selfsubjectaccessreviews') {
    throw forbidden(caller, verb, resource, sub, namespace, name);
  }

  const ctx: RequestContext = { hub, resource, namespace, params, req, res, track: deps.track };

  // --- computed resources ---
  if (resource.group === 'metrics.k8s.io') {
    if (method !== 'GET') throw new ApiError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
    return sendJson(res, 200, metricsResponse(hub, resource, namespace, name, params));
  }
  if (resource.id === 'authorization.k8s.io/selfsubjectaccessreviews') {
    if (method !== 'POST') throw new ApiError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
    return selfSubjectAccessReview(caller, await readBody(req), res);
  }

  if (sub === 'log' && resource.id === 'pods' && method === 'GET') return handleLogs(ctx, name!);

  if (method === 'GET') {
    if (!name) return isWatch ? handleWatch(ctx) : handleList(ctx);
    if (isWatch) return handleWatch(ctx, name);
    const obj = getOrThrow(hub, resource, namespace, name);
    if (sub === 'scale' && resource.id === 'apps/deployments') return sendJson(res, 200, scaleOf(obj as DeploymentObject));
    if (sub && sub !== 'status') throw pathNotFound();
    const accept = req.headers.accept;
    if (!sub && wantsTable(accept)) {
      return sendJson(res, 200, toTable(resource, [obj], { resourceVersion: obj.metadata.resourceVersion }, tableInclude(params), tableVersion(accept)));
    }
    return sendJson(res, 200, entryJson(hub.store.get(resource.id, keyOf(resource.namespaced ? namespace : undefined, name))!));
  }
  if (method === 'PATCH' || method === 'PUT') {
    if (!name) throw new ApiError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
    const body = await readBody(req);
    const current = getOrThrow(hub, resource, namespace, name);
    if (sub === 'scale') {
      if (resource.id !== 'apps/deployments' && resource.id !== 'apps/replicasets') throw pathNotFound();
      return writeScale(hub, resource, current as ScalableObject, method, req, body, res);
    }
    if (sub && sub !== 'status') throw pathNotFound();
    let next: unknown;
    if (method === 'PATCH') {
      const type = patchTypeOf(req.headers['content-type']);
      if (!type || type === 'apply') throw new ApiError(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json`);
      next = applyPatch(type, current, body);
    } else {
      const parsed = parseJsonBody(body);
      next = parsed;
      const rv = parsed.metadata?.resourceVersion;
      if (rv && rv !== current.metadata.resourceVersion) {
        throw new ApiError(409, 'Conflict', `Operation cannot be fulfilled on ${resource.plural}${resource.group ? `.${resource.group}` : ''} "${name}": the object has been modified; please apply your changes to the latest version and try again`, { name, ...(resource.group ? { group: resource.group } : {}), kind: resource.plural });
      }
    }
    const stored = writeObject(hub, resource, current, next, sub === 'status');
    return sendJson(res, 200, entryJson(stored));
  }
  if (method === 'DELETE') {
    if (!name) throw new ApiError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
    const current = getOrThrow(hub, resource, namespace, name);
    if (resource.id === 'pods') {
      const marked = hub.deletePod(namespace!, name) ?? current;
      return sendJson(res, 200, marked);
    }
    if (resource.id === 'nodes' || resource.id === 'namespaces') throw new ApiError(405, 'MethodNotAllowed', `the simulator does not delete ${resource.plural}`);
    const deleted = hub.store.delete(resource.id, keyOf(namespace, name))!;
    return sendJson(res, 200, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details: { name, ...(resource.group ? { group: resource.group } : {}), kind: resource.plural, uid: deleted.obj.metadata.uid } });
  }
  if (method === 'POST') {
    const body = await readBody(req);
    if (resource.id === 'pods' && sub === 'eviction' && name) {
      getOrThrow(hub, resource, namespace, name);
      hub.deletePod(namespace!, name);
      return sendJson(res, 201, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 });
    }
    if (name || sub) throw new ApiError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
    return createObject(hub, resource, namespace, parseJsonBody(body), res);
  }
  throw new ApiError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
}

function tableInclude(params: URLSearchParams): IncludeObject {
  const v = params.get('includeObject');
  return v === 'None' || v === 'Object' ? v : 'Metadata';
}

function keyOf(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

function getOrThrow(hub: Hub, resource: ResourceDef, namespace: string | undefined, name: string): KubeObject {
  const obj = hub.store.getObject(resource.id, keyOf(resource.namespaced ? namespace : undefined, name));
  if (!obj) throw notFound(resource.plural, name, resource.group);
  return obj;
}

/**
 * An object as a client sent it: any JSON object. Nothing in it is trusted until the write path has
 * checked it (`writeObject`, `createObject`).
 */
interface ProposedObject {
  apiVersion?: unknown;
  kind?: unknown;
  metadata?: Partial<ObjectMeta>;
  spec?: unknown;
  status?: unknown;
  [key: string]: unknown;
}

function isProposedObject(v: unknown): v is ProposedObject {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** `v.a.b.c` when each step is an object, else undefined (for validating unchecked input). */
function dig(v: unknown, ...path: string[]): unknown {
  let cur = v;
  for (const key of path) {
    if (!cur || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

function parseJsonBody(body: string): ProposedObject {
  try {
    const v: unknown = JSON.parse(body);
    if (!isProposedObject(v)) throw new Error('not an object');
    return v;
  } catch (e) {
    throw badRequest(`the body of the request was in an unknown format - accepted media types include: application/json, application/yaml (${(e as Error).message})`);
  }
}

/** Objects with a /scale subresource. */
type ScalableObject = DeploymentObject | ReplicaSetObject;

function scaleOf(obj: ScalableObject): Record<string, unknown> {
  const selector = Object.entries(obj.spec?.selector?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`).join(',');
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: { name: obj.metadata.name, namespace: obj.metadata.namespace, uid: obj.metadata.uid, resourceVersion: obj.metadata.resourceVersion, creationTimestamp: obj.metadata.creationTimestamp },
    spec: { replicas: obj.spec?.replicas ?? 0 },
    status: { replicas: obj.status?.replicas ?? 0, selector },
  };
}

function writeScale(hub: Hub, resource: ResourceDef, current: ScalableObject, method: string, req: IncomingMessage, body: string, res: ServerResponse): void {
  const scale = scaleOf(current);
  let next: unknown;
  if (method === 'PATCH') {
    const type = patchTypeOf(req.headers['content-type']);
    if (!type || type === 'apply') throw new ApiError(415, 'UnsupportedMediaType', 'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json');
    next = applyPatch(type, scale, body);
  } else next = parseJsonBody(body);
  const replicas = dig(next, 'spec', 'replicas');
  if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0) {
    throw invalid('Scale', current.metadata.name, 'autoscaling', [{ field: 'spec.replicas', message: `Invalid value: ${JSON.stringify(replicas ?? null)}: must be greater than or equal to 0` }]);
  }
  const updated: KubeObject = { ...current, metadata: { ...current.metadata }, spec: { ...current.spec, replicas } };
  if (replicas !== current.spec.replicas) {
    updated.metadata.generation = (current.metadata.generation ?? 1) + 1;
    hub.store.update(resource.id, updated);
    afterWrite(hub, resource, current);
  }
  sendJson(res, 200, scaleOf(hub.store.getObject(resource.id, objectKey(current)) as ScalableObject));
}

const POD_MUTABLE_NOTE = 'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

/** Validate a proposed new version (as the apiserver's strategy would) and store it. */
function writeObject(hub: Hub, resource: ResourceDef, current: KubeObject, proposed: unknown, statusOnly: boolean) {
  if (!isProposedObject(proposed)) throw invalid(resource.kind, current.metadata.name, resource.group, [{ field: '<root>', message: 'Invalid value: must be an object' }]);
  const name = current.metadata.name;
  const causes: Array<{ field: string; message: string; reason?: string }> = [];
  if (proposed.metadata?.name !== undefined && proposed.metadata.name !== name) causes.push({ field: 'metadata.name', message: `Invalid value: ${JSON.stringify(proposed.metadata.name)}: field is immutable` });
  if (proposed.metadata?.namespace !== undefined && proposed.metadata.namespace !== current.metadata.namespace) causes.push({ field: 'metadata.namespace', message: `Invalid value: ${JSON.stringify(proposed.metadata.namespace)}: field is immutable` });
  if (proposed.kind !== undefined && proposed.kind !== current.kind) throw badRequest(`the kind of the object (${String(proposed.kind)}) does not match the resource (${current.kind})`);
  const labels = proposed.metadata?.labels;
  if (labels !== undefined && labels !== null && (typeof labels !== 'object' || Object.values(labels).some((v) => typeof v !== 'string'))) causes.push({ field: 'metadata.labels', message: 'Invalid value: label values must be strings' });
  const annotations = proposed.metadata?.annotations;
  if (annotations !== undefined && annotations !== null && (typeof annotations !== 'object' || Object.values(annotations).some((v) => typeof v !== 'string'))) causes.push({ field: 'metadata.annotations', message: 'Invalid value: annotation values must be strings' });
  const spec = proposed.spec;
  if (!statusOnly) {
    const unschedulable = dig(spec, 'unschedulable');
    if (resource.id === 'nodes' && unschedulable !== undefined && typeof unschedulable !== 'boolean') causes.push({ field: 'spec.unschedulable', message: `Invalid value: ${JSON.stringify(unschedulable)}: must be a boolean` });
    if (resource.id === 'apps/deployments' || resource.id === 'apps/replicasets') {
      const replicas = dig(spec, 'replicas');
      if (replicas !== undefined && (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0)) causes.push({ field: 'spec.replicas', message: `Invalid value: ${JSON.stringify(replicas)}: must be greater than or equal to 0` });
      const selector = dig(spec, 'selector');
      if (JSON.stringify(selector) !== JSON.stringify(dig(current.spec, 'selector'))) causes.push({ field: 'spec.selector', message: `Invalid value: ${JSON.stringify(selector ?? null)}: field is immutable` });
      const containers = dig(spec, 'template', 'spec', 'containers');
      if (!Array.isArray(containers) || containers.length === 0) causes.push({ field: 'spec.template.spec.containers', message: 'Required value' });
    }
    if (resource.id === 'pods') {
      const strip = (s: unknown) => {
        const containers = dig(s, 'containers');
        return JSON.stringify({ ...(s as object | undefined), containers: (Array.isArray(containers) ? containers : []).map((c: unknown) => ({ ...(c as object), image: '' })), tolerations: undefined, activeDeadlineSeconds: undefined });
      };
      if (strip(spec) !== strip(current.spec)) causes.push({ field: 'spec', message: `Forbidden: ${POD_MUTABLE_NOTE}`, reason: 'FieldValueForbidden' });
    }
  }
  if (causes.length > 0) throw invalid(resource.kind, name, resource.group, causes);
  // System fields are owned by the server; status writes only go through /status.
  const next: KubeObject = {
    ...proposed,
    apiVersion: current.apiVersion,
    kind: current.kind,
    metadata: { ...proposed.metadata, name, namespace: current.metadata.namespace, uid: current.metadata.uid, creationTimestamp: current.metadata.creationTimestamp, generation: current.metadata.generation },
  };
  if (!next.metadata.namespace) delete next.metadata.namespace;
  if (next.metadata.generation === undefined) delete next.metadata.generation;
  if (statusOnly) next.spec = current.spec;
  else if (current.status !== undefined) next.status = current.status;
  if (!statusOnly && JSON.stringify(next.spec) !== JSON.stringify(current.spec) && current.metadata.generation !== undefined) next.metadata.generation = current.metadata.generation + 1;
  if (JSON.stringify(next) === JSON.stringify({ ...current, metadata: { ...current.metadata, resourceVersion: undefined } }) ) {
    return hub.store.get(resource.id, objectKey(current))!;
  }
  const entry = hub.store.update(resource.id, next);
  afterWrite(hub, resource, current);
  return hub.store.get(resource.id, objectKey(current)) ?? entry;
}

/** Let the hub's controllers react to an API write, as kube-controller-manager would. */
function afterWrite(hub: Hub, resource: ResourceDef, prev: KubeObject): void {
  if (resource.id === 'nodes') hub.afterNodeWrite(prev.metadata.name, dig(prev.spec, 'unschedulable') === true);
  else if (resource.id === 'apps/deployments') hub.reconcileDeployment(prev.metadata.namespace!, prev.metadata.name);
  else if (resource.id === 'apps/replicasets') {
    const rs = hub.store.getObject('apps/replicasets', objectKey(prev));
    if (rs) hub.reconcileReplicaSet(rs);
  }
}

function createObject(hub: Hub, resource: ResourceDef, namespace: string | undefined, obj: ProposedObject, res: ServerResponse): void {
  if (resource.id === 'pods' || resource.id === 'nodes' || resource.group === 'apps') {
    // Workloads are owned by the generated world; creating them is outside what Overlook does.
    throw new ApiError(405, 'MethodNotAllowed', `the simulator does not support creating ${resource.plural}`);
  }
  let name = obj.metadata?.name;
  if (!name && obj.metadata?.generateName) name = `${obj.metadata.generateName}${uidRng.suffix(5)}`;
  if (!name || typeof name !== 'string') throw invalid(resource.kind, '', resource.group, [{ field: 'metadata.name', message: 'Required value: name or generateName is required', reason: 'FieldValueRequired' }]);
  if (!/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(name) || name.length > 253) {
    throw invalid(resource.kind, name, resource.group, [{ field: 'metadata.name', message: `Invalid value: "${name}": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')` }]);
  }
  if (obj.metadata?.namespace && namespace && obj.metadata.namespace !== namespace) throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
  if (hub.store.get(resource.id, keyOf(resource.namespaced ? namespace : undefined, name))) {
    throw new ApiError(409, 'AlreadyExists', `${resource.plural}${resource.group ? `.${resource.group}` : ''} "${name}" already exists`, { name, ...(resource.group ? { group: resource.group } : {}), kind: resource.plural });
  }
  const created: KubeObject = {
    ...obj,
    apiVersion: apiVersionOf(resource),
    kind: resource.kind,
    metadata: { ...obj.metadata, name, ...(resource.namespaced ? { namespace } : {}), uid: uidFrom(uidRng), creationTimestamp: isoTime(Date.now()) },
  };
  if (resource.id === 'namespaces') created.status = { phase: 'Active' };
  const entry = hub.store.create(resource.id, created);
  sendJson(res, 201, entryJson(entry));
}

function selfSubjectAccessReview(caller: Caller, body: string, res: ServerResponse): void {
  const review = parseJsonBody(body);
  const attrs = dig(review.spec, 'resourceAttributes') as { verb?: string } | undefined;
  const nonResource = dig(review.spec, 'nonResourceAttributes') as { verb?: string } | undefined;
  if (!attrs && !nonResource) {
    throw invalid('SelfSubjectAccessReview', '', 'authorization.k8s.io', [{ field: 'spec.resourceAttributes', message: 'Required value: exactly one of nonResourceAttributes or resourceAttributes must be specified', reason: 'FieldValueRequired' }]);
  }
  const verb = attrs?.verb ?? nonResource?.verb ?? '';
  const allowed = !caller.readOnly || !WRITE_VERBS.has(verb) && verb !== 'impersonate' && verb !== 'escalate' && verb !== 'bind';
  sendJson(res, 201, {
    kind: 'SelfSubjectAccessReview',
    apiVersion: 'authorization.k8s.io/v1',
    metadata: { creationTimestamp: null },
    spec: review.spec,
    status: allowed ? { allowed: true, reason: caller.readOnly ? 'RBAC: allowed by ClusterRoleBinding "overlook-view" of ClusterRole "view" to User "' + caller.user + '"' : 'RBAC: allowed by ClusterRoleBinding "overlook-admin" of ClusterRole "cluster-admin" to User "' + caller.user + '"' } : { allowed: false },
  });
}

export { RESOURCES };
