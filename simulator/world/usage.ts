import type { Hub } from './hub';
import type { PodObject } from './types';
import { hashString } from './rng';
import { parseCpu, parseMemory } from './builders';

/**
 * Resource usage model shared by metrics.k8s.io and the Prometheus exposition so both agree.
 * Container CPU follows base * (1 + 0.5 * s(t)) with s a sum of sines in [-1, 1]; its integral has a
 * closed form, which gives monotonic cAdvisor-style counters without keeping state per container.
 */

function phases(key: string): [number, number, number] {
  const h = hashString(key);
  return [((h & 0x3ff) / 0x3ff) * 6.283, (((h >>> 10) & 0x3ff) / 0x3ff) * 6.283, (((h >>> 20) & 0x3ff) / 0x3ff) * 6.283];
}

function wave(key: string, t: number): number {
  const [a, b, c] = phases(key);
  return 0.6 * Math.sin(t / 97 + a) + 0.3 * Math.sin(t / 31 + b) + 0.1 * Math.sin(t / 7.3 + c);
}

function waveIntegral(key: string, t: number): number {
  const [a, b, c] = phases(key);
  return -0.6 * 97 * Math.cos(t / 97 + a) - 0.3 * 31 * Math.cos(t / 31 + b) - 0.1 * 7.3 * Math.cos(t / 7.3 + c);
}

function factor(key: string, lo: number, hi: number): number {
  return lo + ((hashString(`f:${key}`) % 1000) / 1000) * (hi - lo);
}

export interface ContainerUsage {
  name: string;
  cpuCores: number;
  memoryBytes: number;
  cpuSecondsTotal: number;
  memoryLimitBytes: number;
}

function containerRunning(pod: PodObject, name: string): { running: boolean; startedMs: number } {
  const s = (pod.status?.containerStatuses ?? []).find((c) => c.name === name);
  const started = s?.state?.running?.startedAt;
  return { running: !!started, startedMs: started ? Date.parse(started) : 0 };
}

export function podUsage(pod: PodObject, nowMs: number): ContainerUsage[] {
  if (pod.status?.phase !== 'Running') return [];
  const t = nowMs / 1000;
  const out: ContainerUsage[] = [];
  for (const c of pod.spec.containers) {
    const { running, startedMs } = containerRunning(pod, c.name);
    if (!running) continue;
    const key = `${pod.metadata.uid}/${c.name}`;
    const base = parseCpu(String(c.resources?.requests?.cpu ?? '100m')) * factor(key, 0.2, 0.9);
    const memBase = parseMemory(String(c.resources?.requests?.memory ?? '64Mi')) * factor(`m:${key}`, 0.45, 1.1);
    const startT = Math.min(startedMs / 1000, t);
    const cpuSecondsTotal = Math.max(0, base * (t - startT + 0.5 * (waveIntegral(key, t) - waveIntegral(key, startT))));
    out.push({
      name: c.name,
      cpuCores: base * (1 + 0.5 * wave(key, t)),
      memoryBytes: memBase * (1 + 0.1 * wave(`m:${key}`, t)),
      cpuSecondsTotal,
      memoryLimitBytes: parseMemory(String(c.resources?.limits?.memory ?? '0')),
    });
  }
  return out;
}

export interface NodeUsage {
  cpuCores: number;
  memoryBytes: number;
  memoryTotalBytes: number;
  cores: number;
}

/** Usage of every running container on a node, by pod. */
export function podUsagesOnNode(hub: Hub, nodeName: string, nowMs: number): Array<{ pod: PodObject; containers: ContainerUsage[] }> {
  const out: Array<{ pod: PodObject; containers: ContainerUsage[] }> = [];
  for (const key of hub.store.podsByNode.get(nodeName) ?? []) {
    const pod = hub.store.getObject('pods', key);
    if (pod) out.push({ pod, containers: podUsage(pod, nowMs) });
  }
  return out;
}

export function nodeUsage(hub: Hub, nodeName: string, nowMs: number, pods = podUsagesOnNode(hub, nodeName, nowMs)): NodeUsage | undefined {
  const info = hub.model.nodes.get(nodeName);
  if (!info) return undefined;
  const t = nowMs / 1000;
  let cpu = info.cores * 0.04 * (1 + 0.5 * wave(`node:${nodeName}`, t));
  let mem = 0.6 * 1024 ** 3 + info.memoryBytes * 0.04;
  for (const p of pods) {
    for (const c of p.containers) {
      cpu += c.cpuCores;
      mem += c.memoryBytes;
    }
  }
  return { cpuCores: Math.min(cpu, info.cores * 0.95), memoryBytes: Math.min(mem, info.memoryBytes * 0.97), memoryTotalBytes: info.memoryBytes, cores: info.cores };
}

/** Monotonic node CPU counters integrated from the usage model each time they are read. */
export class NodeCounters {
  private readonly state = new Map<string, { busy: number; lastMs: number }>();

  busySeconds(hub: Hub, nodeName: string, nowMs: number, usage?: NodeUsage): { busy: number; uptime: number } | undefined {
    const info = hub.model.nodes.get(nodeName);
    const u = usage ?? nodeUsage(hub, nodeName, nowMs);
    if (!info || !u) return undefined;
    const uptime = (nowMs - info.bootMs) / 1000;
    let s = this.state.get(nodeName);
    if (!s) {
      s = { busy: u.cpuCores * uptime * 0.9, lastMs: nowMs };
      this.state.set(nodeName, s);
    } else {
      s.busy += (u.cpuCores * Math.max(0, nowMs - s.lastMs)) / 1000;
      s.lastMs = nowMs;
    }
    return { busy: s.busy, uptime };
  }
}
