import type { KubeObject } from '../world/types';
import { badRequest } from './status';
import type { ResourceDef } from './resources';

/** Label selector requirement, as apimachinery's labels.Requirement. */
export interface LabelRequirement {
  key: string;
  op: '=' | '!=' | 'in' | 'notin' | 'exists' | '!';
  values: string[];
}

const KEY = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** Split on commas that are not inside parentheses. */
function splitTerms(input: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of input) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

export function parseLabelSelector(input: string | null): LabelRequirement[] {
  if (!input || input.trim() === '') return [];
  const reqs: LabelRequirement[] = [];
  for (const raw of splitTerms(input)) {
    const term = raw.trim();
    if (term === '') throw badRequest(`unable to parse requirement: found '', expected: identifier`);
    let m: RegExpExecArray | null;
    if ((m = /^(\S+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(term))) {
      const values = m[3].split(',').map((v) => v.trim()).filter((v) => v !== '');
      checkKey(m[1]);
      values.forEach(checkValue);
      if (values.length === 0) throw badRequest(`unable to parse requirement: for 'in', 'notin' operators, values set can't be empty`);
      reqs.push({ key: m[1], op: m[2] as 'in' | 'notin', values });
    } else if ((m = /^!\s*(\S+)$/.exec(term))) {
      checkKey(m[1]);
      reqs.push({ key: m[1], op: '!', values: [] });
    } else if ((m = /^([^=!\s]+)\s*(==|=|!=)\s*(\S*)$/.exec(term))) {
      checkKey(m[1]);
      checkValue(m[3]);
      reqs.push({ key: m[1], op: m[2] === '!=' ? '!=' : '=', values: [m[3]] });
    } else if (/^[^=!\s()]+$/.test(term)) {
      checkKey(term);
      reqs.push({ key: term, op: 'exists', values: [] });
    } else {
      throw badRequest(`unable to parse requirement: found '${term}', expected: in, notin, =, ==, !=, gt, lt`);
    }
  }
  return reqs;
}

function checkKey(key: string): void {
  if (!KEY.test(key) || key.length > 316) {
    throw badRequest(`unable to parse requirement: <nil>: Invalid value: "${key}": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`);
  }
}

function checkValue(value: string): void {
  if (!VALUE.test(value) || value.length > 63) {
    throw badRequest(`unable to parse requirement: values[0][${value}]: Invalid value: "${value}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`);
  }
}

export function matchLabels(reqs: LabelRequirement[], labels: Record<string, string> | undefined): boolean {
  for (const r of reqs) {
    const has = labels !== undefined && Object.prototype.hasOwnProperty.call(labels, r.key);
    const v = has ? labels![r.key] : undefined;
    switch (r.op) {
      case '=':
        if (v !== r.values[0]) return false;
        break;
      case '!=':
        if (v === r.values[0]) return false;
        break;
      case 'in':
        if (v === undefined || !r.values.includes(v)) return false;
        break;
      case 'notin':
        if (v !== undefined && r.values.includes(v)) return false;
        break;
      case 'exists':
        if (!has) return false;
        break;
      case '!':
        if (has) return false;
        break;
    }
  }
  return true;
}

export interface FieldRequirement {
  field: string;
  op: '=' | '!=';
  value: string;
}

export function parseFieldSelector(input: string | null, resource: ResourceDef): FieldRequirement[] {
  if (!input || input.trim() === '') return [];
  const allowed = new Set(['metadata.name', 'metadata.namespace', ...(resource.fields ?? [])]);
  const out: FieldRequirement[] = [];
  for (const raw of input.split(',')) {
    const term = raw.trim();
    const m = /^([^=!]+?)\s*(==|=|!=)\s*(.*)$/.exec(term);
    if (!m) throw badRequest(`invalid selector: '${input}'; can't understand '${term}'`);
    const field = m[1].trim();
    if (!allowed.has(field)) throw badRequest(`"${field}" is not a known field selector: only "${[...allowed].join('", "')}"`.replace(/: only.*$/, ''));
    out.push({ field, op: m[2] === '!=' ? '!=' : '=', value: m[3].trim() });
  }
  return out;
}

/** One top-level field of an object's spec, whatever its kind. */
function specField(obj: KubeObject, key: string): unknown {
  const spec = obj.spec;
  return typeof spec === 'object' && spec !== null ? (spec as Record<string, unknown>)[key] : undefined;
}

export function fieldValue(obj: KubeObject, field: string): string {
  if (field === 'spec.unschedulable') return String(specField(obj, 'unschedulable') === true);
  if (field === 'spec.hostNetwork') return String(specField(obj, 'hostNetwork') === true);
  if (field === 'source') return String((obj.source as { component?: string } | undefined)?.component ?? '');
  let cur: unknown = obj;
  for (const part of field.split('.')) {
    if (cur === null || typeof cur !== 'object') return '';
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur === undefined || cur === null ? '' : String(cur);
}

export function matchFields(reqs: FieldRequirement[], obj: KubeObject): boolean {
  for (const r of reqs) {
    const v = fieldValue(obj, r.field);
    if (r.op === '=' ? v !== r.value : v === r.value) return false;
  }
  return true;
}
