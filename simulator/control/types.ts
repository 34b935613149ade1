import { z } from 'zod';

/** Control API contracts (the simulator's own HTTP API on 127.0.0.1, plain HTTP, JSON). */

export interface NodeCounts {
  total: number;
  ready: number;
  notReady: number;
  unknown: number;
}

export interface DatacenterTruth {
  id: string;
  displayName: string;
  city: string;
  nodes: NodeCounts;
}

export interface HubNodeTruth extends NodeCounts {
  edge: number;
  cloud: number;
  cordoned: number;
}

export interface PodTruth {
  total: number;
  running: number;
  pending: number;
  failed: number;
  succeeded: number;
  /** Pods with any container waiting with reason CrashLoopBackOff. */
  crashLooping: number;
}

export interface HubTruth {
  name: string;
  region: string;
  /** False while the hub is taken down through the control API. */
  up: boolean;
  /** 'up', or the outage mode. */
  mode: 'up' | 'refuse' | 'hang';
  datacenters: DatacenterTruth[];
  nodes: HubNodeTruth;
  pods: PodTruth;
  namespaces: string[];
  deployments: number;
  daemonSets: number;
}

export interface TruthTotals {
  hubs: number;
  hubsUp: number;
  datacenters: number;
  nodes: HubNodeTruth;
  pods: PodTruth;
  namespaces: number;
  deployments: number;
  daemonSets: number;
}

export interface GroundTruth {
  /** Server time the snapshot was taken (RFC 3339). */
  at: string;
  hubs: HubTruth[];
  totals: TruthTotals;
}

export interface SimulatorHubInfo {
  name: string;
  region: string;
  server: string;
  token: string;
  readOnlyToken: string;
}

export interface ControlFile {
  url: string;
  hubs: SimulatorHubInfo[];
  pid: number;
  kubeconfigPath: string;
}

export const downBodySchema = z.object({ mode: z.enum(['refuse', 'hang']).default('refuse') }).strict();
export const faultsBodySchema = z
  .object({
    latencyMs: z.number().int().min(0).max(120_000).default(0),
    jitterMs: z.number().int().min(0).max(120_000).default(0),
    errorRate: z.number().min(0).max(1).default(0),
  })
  .strict();
export const churnBodySchema = z.object({ rate: z.number().min(0).max(1000) }).strict();

export type DownBody = z.infer<typeof downBodySchema>;
export type FaultsBody = z.infer<typeof faultsBodySchema>;
export type ChurnBody = z.infer<typeof churnBodySchema>;
