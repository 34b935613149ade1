import type { Hub } from '../world/hub';
import { hashString } from '../world/rng';
import { NodeCounters, nodeUsage, podUsagesOnNode } from '../world/usage';

/**
 * Prometheus text exposition for a whole hub: node_exporter, cAdvisor and kube-state-metrics style
 * series in one page. Every series carries a `node` label (not `instance`, which Prometheus would
 * rename to exported_instance when it scrapes one target for many nodes).
 */

const countersByHub = new WeakMap<Hub, NodeCounters>();

function esc(v: string): string {
  if (!/[\\"\n]/.test(v)) return v;
  return v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function labels(obj: Record<string, string>): string {
  return `{${Object.entries(obj).map(([k, v]) => `${k}="${esc(v)}"`).join(',')}}`;
}

const CPU_MODES: Array<[string, number]> = [['user', 0.7], ['system', 0.22], ['iowait', 0.05], ['softirq', 0.03]];

/**
 * Large expositions (a large-scale hub is ~27 MB and takes over a second of CPU to build) are reused for
 * 10 s, so several scrapers cannot saturate the CPU; small hubs are always built fresh.
 */
const CACHE_MIN_CHARS = 8 * 1024 * 1024;
const CACHE_TTL_MS = 10_000;
const cacheByHub = new WeakMap<Hub, { text: string; at: number }>();

function fmt(v: number): string {
  return Number.isFinite(v) ? String(Math.round(v * 1000) / 1000) : '0';
}

export function prometheusExposition(hub: Hub): string {
  const cached = cacheByHub.get(hub);
  if (cached && Date.now() - cached.at < CACHE_TTL_MS) return cached.text;
  const text = buildExposition(hub);
  if (text.length > CACHE_MIN_CHARS) cacheByHub.set(hub, { text, at: Date.now() });
  else cacheByHub.delete(hub);
  return text;
}

function buildExposition(hub: Hub): string {
  let counters = countersByHub.get(hub);
  if (!counters) {
    counters = new NodeCounters();
    countersByHub.set(hub, counters);
  }
  const now = Date.now();
  const out: string[] = [];
  const series = new Map<string, string[]>();
  const add = (name: string, l: Record<string, string>, value: number): void => {
    let arr = series.get(name);
    if (!arr) {
      arr = [];
      series.set(name, arr);
    }
    arr.push(`${name}${labels(l)} ${fmt(value)}`);
  };
  for (const e of hub.store.iterate('nodes')) {
    const node = e.obj;
    const name = node.metadata.name;
    const info = hub.model.nodes.get(name);
    if (!info) continue;
    const ready = (node.status.conditions ?? []).find((c) => c.type === 'Ready')?.status ?? 'Unknown';
    for (const c of node.status.conditions ?? []) {
      for (const s of ['true', 'false', 'unknown']) add('kube_node_status_condition', { node: name, condition: c.type, status: s }, c.status.toLowerCase() === s ? 1 : 0);
    }
    // The simulator gives every node its nodeInfo.
    const ni = node.status.nodeInfo!;
    add('kube_node_info', { node: name, kernel_version: ni.kernelVersion, os_image: ni.osImage, container_runtime_version: ni.containerRuntimeVersion, kubelet_version: ni.kubeletVersion, internal_ip: info.ip, system_uuid: ni.systemUUID }, 1);
    for (const k of Object.keys(node.metadata.labels ?? {})) if (k.startsWith('node-role.kubernetes.io/')) add('kube_node_role', { node: name, role: k.slice(24) }, 1);
    add('kube_node_spec_unschedulable', { node: name }, node.spec?.unschedulable ? 1 : 0);
    // An unreachable edge node cannot be scraped through the tunnel: its node/container series vanish.
    if (hub.offline.has(name) || ready !== 'True') continue;
    const pods = podUsagesOnNode(hub, name, now);
    const usage = nodeUsage(hub, name, now, pods)!;
    const cpu = counters.busySeconds(hub, name, now, usage)!;
    const perCpuBusy = cpu.busy / info.cores;
    let cpuLines = series.get('node_cpu_seconds_total');
    if (!cpuLines) {
      cpuLines = [];
      series.set('node_cpu_seconds_total', cpuLines);
    }
    const nodeLabel = `node_cpu_seconds_total{node="${esc(name)}",cpu="`;
    for (let c = 0; c < info.cores; c++) {
      // Per-CPU skew is fixed per node and CPU, so every counter stays monotonic.
      const skew = 0.85 + (((info.index * 31 + c * 17) % 300) / 1000);
      const busy = Math.min(perCpuBusy * skew, cpu.uptime * 0.97);
      cpuLines.push(`${nodeLabel}${c}",mode="idle"} ${fmt(cpu.uptime - busy)}`);
      for (const [mode, share] of CPU_MODES) cpuLines.push(`${nodeLabel}${c}",mode="${mode}"} ${fmt(busy * share)}`);
    }
    add('node_memory_MemTotal_bytes', { node: name }, usage.memoryTotalBytes);
    add('node_memory_MemAvailable_bytes', { node: name }, usage.memoryTotalBytes - usage.memoryBytes);
    add('node_load1', { node: name }, usage.cpuCores * 1.1);
    add('node_boot_time_seconds', { node: name }, Math.floor(info.bootMs / 1000));
    add('node_network_receive_bytes_total', { node: name, device: 'eth0' }, cpu.busy * 1.8e6);
    add('node_network_transmit_bytes_total', { node: name, device: 'eth0' }, cpu.busy * 0.9e6);
    const fsSize = Number(String(node.status.capacity?.['ephemeral-storage']).replace('Ki', '')) * 1024;
    const used = 0.25 + (hashString(`fs:${name}`) % 500) / 1000;
    add('node_filesystem_size_bytes', { node: name, device: '/dev/sda1', fstype: 'ext4', mountpoint: '/' }, fsSize);
    add('node_filesystem_avail_bytes', { node: name, device: '/dev/sda1', fstype: 'ext4', mountpoint: '/' }, Math.floor(fsSize * (1 - used - ((now / 1000) % 3600) / 3600 / 200)));
    for (const { pod, containers } of pods) {
      const base = { namespace: pod.metadata.namespace!, pod: pod.metadata.name, node: name };
      let podCpu = 0;
      for (const c of containers) {
        podCpu += c.cpuSecondsTotal;
        add('container_cpu_usage_seconds_total', { ...base, container: c.name }, c.cpuSecondsTotal);
        add('container_memory_working_set_bytes', { ...base, container: c.name }, c.memoryBytes);
        if (c.memoryLimitBytes > 0) add('container_spec_memory_limit_bytes', { ...base, container: c.name }, c.memoryLimitBytes);
      }
      if (podCpu > 0) {
        add('container_network_receive_bytes_total', { ...base, interface: 'eth0' }, podCpu * 2.2e6);
        add('container_network_transmit_bytes_total', { ...base, interface: 'eth0' }, podCpu * 1.1e6);
      }
    }
  }
  const help: Record<string, [string, string]> = {
    kube_node_status_condition: ['gauge', 'The condition of a cluster node.'],
    kube_node_info: ['gauge', 'Information about a cluster node.'],
    kube_node_role: ['gauge', 'The role of a cluster node.'],
    kube_node_spec_unschedulable: ['gauge', 'Whether a node can schedule new pods.'],
    node_cpu_seconds_total: ['counter', 'Seconds the CPUs spent in each mode.'],
    node_memory_MemTotal_bytes: ['gauge', 'Memory information field MemTotal_bytes.'],
    node_memory_MemAvailable_bytes: ['gauge', 'Memory information field MemAvailable_bytes.'],
    node_load1: ['gauge', '1m load average.'],
    node_boot_time_seconds: ['gauge', 'Node boot time, in unixtime.'],
    node_network_receive_bytes_total: ['counter', 'Network device statistic receive_bytes.'],
    node_network_transmit_bytes_total: ['counter', 'Network device statistic transmit_bytes.'],
    node_filesystem_size_bytes: ['gauge', 'Filesystem size in bytes.'],
    node_filesystem_avail_bytes: ['gauge', 'Filesystem space available to non-root users in bytes.'],
    container_cpu_usage_seconds_total: ['counter', 'Cumulative cpu time consumed in seconds.'],
    container_memory_working_set_bytes: ['gauge', 'Current working set in bytes.'],
    container_spec_memory_limit_bytes: ['gauge', 'Memory limit for the container.'],
    container_network_receive_bytes_total: ['counter', 'Cumulative count of bytes received'],
    container_network_transmit_bytes_total: ['counter', 'Cumulative count of bytes transmitted'],
  };
  for (const [name, lines] of series) {
    const [type, text] = help[name] ?? ['gauge', name];
    out.push(`# HELP ${name} ${text}`, `# TYPE ${name} ${type}`, ...lines);
  }
  return `${out.join('\n')}\n`;
}
