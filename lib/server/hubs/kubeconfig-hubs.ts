import 'server-only';

import { KubeConfig } from '@kubernetes/client-node';

import type { HubDefinition } from '@/lib/server/hubs/hub-connection';

/** Hub names are DNS labels (they appear in URLs): `Kind-Prod@East` → `kind-prod-east`. */
export function hubNameFromContext(context: string): string {
  const name = context
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/g, '');
  return name || 'hub';
}

export interface KubeconfigHubs {
  hubs: HubDefinition[];
  /** Plain problems (unreadable file, duplicate context), logged at start. */
  problems: string[];
}

/**
 * One hub per context across the given kubeconfig files (like KUBECONFIG, the first file that defines
 * a context wins). Each hub gets its own KubeConfig with that context current.
 */
export function hubsFromKubeconfigFiles(paths: string[], datacenterLabel: string): KubeconfigHubs {
  const hubs: HubDefinition[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const file of paths) {
    let probe: KubeConfig;
    try {
      probe = new KubeConfig();
      probe.loadFromFile(file);
    } catch (error) {
      problems.push(`cannot read kubeconfig ${file}: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    for (const context of probe.getContexts()) {
      const name = hubNameFromContext(context.name);
      if (seen.has(name)) {
        problems.push(`context ${context.name} in ${file} skipped: hub ${name} is already defined`);
        continue;
      }
      if (!probe.getCluster(context.cluster)) {
        problems.push(`context ${context.name} in ${file} skipped: cluster ${context.cluster} is not defined`);
        continue;
      }
      const kubeConfig = new KubeConfig();
      kubeConfig.loadFromFile(file);
      kubeConfig.setCurrentContext(context.name);
      seen.add(name);
      hubs.push({ name, displayName: context.name, source: 'kubeconfig', kubeconfigFile: file, kubeConfig, datacenterLabel });
    }
  }
  return { hubs, problems };
}
