import { ApiError, badRequest } from './status';

/**
 * Patches work on parsed JSON of any shape: `unknown`, narrowed by these guards at each step.
 */
type JsonObject = Record<string, unknown>;

function isJsonObject(v: unknown): v is JsonObject {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** An object or an array: something a JSON pointer can step into. */
function isContainer(v: unknown): v is JsonObject | unknown[] {
  return v !== null && typeof v === 'object';
}

/** JSON merge patch (RFC 7386). */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isJsonObject(patch)) return patch;
  const out: JsonObject = isJsonObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

/** Merge keys the apiserver uses for the lists kubectl patches (a practical subset of the Go struct tags). */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  env: 'name',
  ports: 'containerPort',
  volumes: 'name',
  volumeMounts: 'mountPath',
  conditions: 'type',
  taints: 'key',
  tolerations: 'key',
  ownerReferences: 'uid',
  imagePullSecrets: 'name',
};

/** Strategic merge patch: merge patch semantics plus keyed list merging and `$patch` directives. */
export function strategicMergePatch(target: unknown, patch: unknown, field = ''): unknown {
  if (patch === null || typeof patch !== 'object') return patch;
  if (Array.isArray(patch)) {
    const key = MERGE_KEYS[field];
    if (!key || !Array.isArray(target)) return patch.filter((p) => !(isContainer(p) && '$patch' in p));
    const out: unknown[] = [...target];
    for (const item of patch) {
      if (!isJsonObject(item)) continue;
      const idx = out.findIndex((t) => isJsonObject(t) && t[key] === item[key]);
      if (item.$patch === 'delete') {
        if (idx >= 0) out.splice(idx, 1);
        continue;
      }
      if (idx >= 0) out[idx] = strategicMergePatch(out[idx], item);
      else out.push(item);
    }
    return out;
  }
  if (!isJsonObject(patch)) return patch;
  if (patch.$patch === 'replace') {
    const rest = { ...patch };
    delete rest.$patch;
    return rest;
  }
  const out: JsonObject = isJsonObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith('$')) continue;
    if (v === null) delete out[k];
    else out[k] = strategicMergePatch(out[k], v, k);
  }
  return out;
}

/** `cur[seg]` for an object or an array (where `seg` is an index). */
function childOf(cur: JsonObject | unknown[], seg: string): unknown {
  return Array.isArray(cur) ? cur[Number(seg)] : cur[seg];
}

function unescapePointer(p: string): string {
  return p.replace(/~1/g, '/').replace(/~0/g, '~');
}

function parsePointer(path: string): string[] {
  if (path === '') return [];
  if (!path.startsWith('/')) throw new ApiError(422, 'Invalid', `the server rejected our request due to an error in our request: invalid JSON pointer "${path}"`);
  return path.slice(1).split('/').map(unescapePointer);
}

function clone(v: unknown): unknown {
  return v === undefined ? undefined : JSON.parse(JSON.stringify(v));
}

/** JSON patch (RFC 6902). Failures are 422 like the apiserver's "the server rejected our request". */
export function jsonPatch(target: unknown, ops: unknown): unknown {
  if (!Array.isArray(ops)) throw badRequest('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  let doc = clone(target);
  const fail = (msg: string): never => {
    throw new ApiError(422, 'Invalid', msg);
  };
  const resolve = (path: string[], create: boolean): { parent: unknown; key: string } => {
    let cur = doc;
    for (let i = 0; i < path.length - 1; i++) {
      const seg = path[i];
      if (!isContainer(cur) || !(seg in cur)) {
        if (!create) fail(`doc is missing path: "/${path.join('/')}": missing value`);
        return fail(`add operation does not apply: doc is missing path: "/${path.join('/')}": missing value`);
      }
      cur = childOf(cur, seg);
    }
    return { parent: cur, key: path[path.length - 1] };
  };
  const get = (path: string[]): unknown => {
    let cur = doc;
    for (const seg of path) {
      if (!isContainer(cur) || !(seg in cur)) return fail(`doc is missing path: "/${path.join('/')}": missing value`);
      cur = childOf(cur, seg);
    }
    return cur;
  };
  const remove = (path: string[]): unknown => {
    const { parent, key } = resolve(path, false);
    if (Array.isArray(parent)) {
      const i = Number(key);
      if (!Number.isInteger(i) || i < 0 || i >= parent.length) fail(`unable to remove nonexistent key: ${key}: missing value`);
      return parent.splice(i, 1)[0];
    }
    if (!isJsonObject(parent) || !(key in parent)) return fail(`unable to remove nonexistent key: ${key}: missing value`);
    const v = parent[key];
    delete parent[key];
    return v;
  };
  const add = (path: string[], value: unknown): void => {
    if (path.length === 0) {
      doc = value;
      return;
    }
    const { parent, key } = resolve(path, true);
    if (Array.isArray(parent)) {
      const i = key === '-' ? parent.length : Number(key);
      if (!Number.isInteger(i) || i < 0 || i > parent.length) fail(`add operation does not apply: index out of bounds: ${key}`);
      parent.splice(i, 0, value);
    } else if (isJsonObject(parent)) parent[key] = value;
    else fail(`add operation does not apply: doc is missing path: "/${path.join('/')}": missing value`);
  };
  for (const op of ops) {
    if (!isJsonObject(op) || typeof op.op !== 'string' || typeof op.path !== 'string') return fail('the server rejected our request due to an error in our request');
    const path = parsePointer(op.path);
    switch (op.op) {
      case 'add':
        add(path, clone(op.value));
        break;
      case 'remove':
        remove(path);
        break;
      case 'replace':
        get(path);
        if (path.length === 0) doc = clone(op.value);
        else {
          const { parent, key } = resolve(path, false);
          if (Array.isArray(parent)) parent[Number(key)] = clone(op.value);
          else if (isJsonObject(parent)) parent[key] = clone(op.value);
        }
        break;
      case 'move': {
        const v = remove(parsePointer(String(op.from)));
        add(path, v);
        break;
      }
      case 'copy':
        add(path, clone(get(parsePointer(String(op.from)))));
        break;
      case 'test':
        if (JSON.stringify(get(path)) !== JSON.stringify(op.value)) fail(`testing value /${path.join('/')} failed: test failed`);
        break;
      default:
        fail(`Unexpected kind: ${op.op}`);
    }
  }
  return doc;
}

export type PatchType = 'merge' | 'strategic' | 'json' | 'apply';

export function patchTypeOf(contentType: string | undefined): PatchType | undefined {
  const ct = (contentType ?? '').split(';')[0].trim();
  if (ct === 'application/merge-patch+json') return 'merge';
  if (ct === 'application/strategic-merge-patch+json') return 'strategic';
  if (ct === 'application/json-patch+json') return 'json';
  if (ct === 'application/apply-patch+yaml') return 'apply';
  return undefined;
}

export function applyPatch(type: PatchType, target: unknown, body: string): unknown {
  let patch: unknown;
  try {
    patch = JSON.parse(body);
  } catch (e) {
    throw badRequest(`error decoding patch: ${(e as Error).message}`);
  }
  if (type === 'json') return jsonPatch(target, patch);
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) {
    throw new ApiError(422, 'Invalid', 'the server rejected our request due to an error in our request: patch must be a JSON object');
  }
  return type === 'merge' ? mergePatch(target, patch) : strategicMergePatch(target, patch);
}
