/** Static facts the generator draws from: hubs, cities, tenants and their workloads. */

export const HUB_NAMES = [
  'cn-east',
  'cn-south',
  'cn-north',
  'cn-west',
  'cn-central',
  'cn-northeast',
  'cn-southwest',
  'cn-northwest',
  'cn-hk',
  'cn-sea',
] as const;

export interface City {
  name: string;
  lat: number;
  lon: number;
}

export const HUB_CITIES: Record<string, City[]> = {
  'cn-east': [
    { name: 'Hangzhou', lat: 30.27, lon: 120.16 },
    { name: 'Shanghai', lat: 31.23, lon: 121.47 },
    { name: 'Nanjing', lat: 32.06, lon: 118.8 },
    { name: 'Suzhou', lat: 31.3, lon: 120.62 },
    { name: 'Ningbo', lat: 29.87, lon: 121.55 },
    { name: 'Hefei', lat: 31.82, lon: 117.23 },
    { name: 'Wuxi', lat: 31.49, lon: 120.31 },
    { name: 'Jinan', lat: 36.65, lon: 117.12 },
  ],
  'cn-south': [
    { name: 'Guangzhou', lat: 23.13, lon: 113.26 },
    { name: 'Shenzhen', lat: 22.54, lon: 114.06 },
    { name: 'Dongguan', lat: 23.02, lon: 113.75 },
    { name: 'Foshan', lat: 23.02, lon: 113.12 },
    { name: 'Xiamen', lat: 24.48, lon: 118.09 },
    { name: 'Fuzhou', lat: 26.07, lon: 119.3 },
    { name: 'Zhuhai', lat: 22.27, lon: 113.58 },
    { name: 'Haikou', lat: 20.04, lon: 110.34 },
  ],
  'cn-north': [
    { name: 'Beijing', lat: 39.9, lon: 116.41 },
    { name: 'Tianjin', lat: 39.34, lon: 117.36 },
    { name: 'Shijiazhuang', lat: 38.04, lon: 114.51 },
    { name: 'Taiyuan', lat: 37.87, lon: 112.55 },
    { name: 'Hohhot', lat: 40.84, lon: 111.75 },
    { name: 'Baoding', lat: 38.87, lon: 115.46 },
    { name: 'Tangshan', lat: 39.63, lon: 118.18 },
    { name: 'Qingdao', lat: 36.07, lon: 120.38 },
  ],
  'cn-west': [
    { name: 'Chengdu', lat: 30.57, lon: 104.07 },
    { name: 'Chongqing', lat: 29.56, lon: 106.55 },
    { name: 'Mianyang', lat: 31.47, lon: 104.68 },
    { name: 'Leshan', lat: 29.55, lon: 103.77 },
    { name: 'Lhasa', lat: 29.65, lon: 91.13 },
  ],
  'cn-central': [
    { name: 'Wuhan', lat: 30.59, lon: 114.31 },
    { name: 'Changsha', lat: 28.23, lon: 112.94 },
    { name: 'Zhengzhou', lat: 34.75, lon: 113.63 },
    { name: 'Nanchang', lat: 28.68, lon: 115.86 },
    { name: 'Yichang', lat: 30.69, lon: 111.29 },
  ],
  'cn-northeast': [
    { name: 'Shenyang', lat: 41.8, lon: 123.43 },
    { name: 'Harbin', lat: 45.8, lon: 126.53 },
    { name: 'Changchun', lat: 43.82, lon: 125.32 },
    { name: 'Dalian', lat: 38.91, lon: 121.61 },
  ],
  'cn-southwest': [
    { name: 'Kunming', lat: 25.04, lon: 102.71 },
    { name: 'Guiyang', lat: 26.65, lon: 106.63 },
    { name: 'Nanning', lat: 22.82, lon: 108.37 },
    { name: 'Dali', lat: 25.61, lon: 100.27 },
  ],
  'cn-northwest': [
    { name: "Xi'an", lat: 34.34, lon: 108.94 },
    { name: 'Lanzhou', lat: 36.06, lon: 103.83 },
    { name: 'Urumqi', lat: 43.83, lon: 87.62 },
    { name: 'Xining', lat: 36.62, lon: 101.78 },
    { name: 'Yinchuan', lat: 38.49, lon: 106.23 },
  ],
  'cn-hk': [
    { name: 'Hong Kong', lat: 22.32, lon: 114.17 },
    { name: 'Kowloon', lat: 22.32, lon: 114.18 },
    { name: 'Macau', lat: 22.2, lon: 113.54 },
  ],
  'cn-sea': [
    { name: 'Singapore', lat: 1.35, lon: 103.82 },
    { name: 'Kuala Lumpur', lat: 3.14, lon: 101.69 },
    { name: 'Bangkok', lat: 13.76, lon: 100.5 },
    { name: 'Jakarta', lat: -6.2, lon: 106.85 },
    { name: 'Ho Chi Minh City', lat: 10.82, lon: 106.63 },
    { name: 'Manila', lat: 14.6, lon: 120.98 },
  ],
};

/** The registry host a hub's tenants pull from (cloud vendor registries are regional). */
export const HUB_REGISTRY: Record<string, string> = {
  'cn-east': 'registry.cn-hangzhou.example.com',
  'cn-south': 'registry.cn-shenzhen.example.com',
  'cn-north': 'registry.cn-beijing.example.com',
  'cn-west': 'registry.cn-chengdu.example.com',
  'cn-central': 'registry.cn-wuhan.example.com',
  'cn-northeast': 'registry.cn-shenyang.example.com',
  'cn-southwest': 'registry.cn-kunming.example.com',
  'cn-northwest': 'registry.cn-xian.example.com',
  'cn-hk': 'registry.cn-hongkong.example.com',
  'cn-sea': 'registry.ap-southeast-1.example.com',
};

export type LogStyle = 'nginx' | 'json' | 'java' | 'ansi' | 'plain' | 'mqtt';

export interface ContainerTemplate {
  name: string;
  /** Image path after the registry host, or a full image reference when `fullImage` is set. */
  image: string;
  fullImage?: boolean;
  cpuMillis: number;
  memoryMi: number;
  port?: number;
  logStyle: LogStyle;
}

export interface WorkloadTemplate {
  name: string;
  kind: 'Deployment' | 'DaemonSet';
  containers: ContainerTemplate[];
  /** Needs a node with this extended resource. */
  accelerator?: 'nvidia.com/gpu' | 'xilinx.com/fpga' | 'huawei.com/ascend-310';
  /** Relative share of a datacenter's pod budget. */
  weight: number;
  autonomy?: boolean;
}

export interface NamespaceTemplate {
  name: string;
  workloads: WorkloadTemplate[];
}

export interface TenantTemplate {
  name: string;
  displayName: string;
  /** Hubs this tenant runs on when present (first hubs are the canonical ones). */
  hubs: string[];
  namespaces: NamespaceTemplate[];
}

const sidecarLogShipper: ContainerTemplate = {
  name: 'log-shipper',
  image: 'fluent/fluent-bit:3.1.9',
  fullImage: true,
  cpuMillis: 20,
  memoryMi: 48,
  logStyle: 'plain',
};

export const TENANTS: TenantTemplate[] = [
  {
    name: 'acme',
    displayName: 'ACME Retail',
    hubs: ['cn-east', 'cn-south', 'cn-central', 'cn-hk', 'cn-sea'],
    namespaces: [
      {
        name: 'acme-retail',
        workloads: [
          { name: 'storefront-web', kind: 'Deployment', weight: 3, containers: [{ name: 'nginx', image: 'acme/storefront-web:3.4.1', cpuMillis: 100, memoryMi: 128, port: 8080, logStyle: 'nginx' }] },
          { name: 'catalog-api', kind: 'Deployment', weight: 2, autonomy: true, containers: [{ name: 'catalog-api', image: 'acme/catalog-api:2.11.0', cpuMillis: 250, memoryMi: 512, port: 8080, logStyle: 'java' }, sidecarLogShipper] },
          { name: 'cart-service', kind: 'Deployment', weight: 2, containers: [{ name: 'cart', image: 'acme/cart-service:1.6.3', cpuMillis: 150, memoryMi: 256, port: 9000, logStyle: 'json' }] },
          { name: 'redis-cache', kind: 'Deployment', weight: 1, autonomy: true, containers: [{ name: 'redis', image: 'acme/redis:7.2.5', cpuMillis: 100, memoryMi: 256, port: 6379, logStyle: 'plain' }] },
        ],
      },
      {
        name: 'acme-pos',
        workloads: [
          { name: 'pos-api', kind: 'Deployment', weight: 3, autonomy: true, containers: [{ name: 'pos-api', image: 'acme/pos-api:1.8.2', cpuMillis: 200, memoryMi: 256, port: 8443, logStyle: 'json' }] },
          { name: 'pos-sync', kind: 'Deployment', weight: 2, autonomy: true, containers: [{ name: 'pos-sync', image: 'acme/pos-sync:1.8.2', cpuMillis: 100, memoryMi: 192, logStyle: 'json' }, sidecarLogShipper] },
          { name: 'receipt-printer-bridge', kind: 'Deployment', weight: 1, containers: [{ name: 'bridge', image: 'acme/receipt-printer-bridge:0.4.7', cpuMillis: 50, memoryMi: 64, logStyle: 'ansi' }] },
        ],
      },
    ],
  },
  {
    name: 'globex',
    displayName: 'Globex Traffic',
    hubs: ['cn-east', 'cn-north', 'cn-northeast', 'cn-northwest', 'cn-west'],
    namespaces: [
      {
        name: 'globex-cameras',
        workloads: [
          { name: 'camera-ingest', kind: 'Deployment', weight: 3, autonomy: true, containers: [{ name: 'ingest', image: 'globex/camera-ingest:2.3.0', cpuMillis: 300, memoryMi: 384, port: 554, logStyle: 'json' }] },
          { name: 'video-transcoder', kind: 'Deployment', weight: 2, accelerator: 'nvidia.com/gpu', containers: [{ name: 'transcoder', image: 'globex/video-transcoder:5.0.1', cpuMillis: 1000, memoryMi: 2048, logStyle: 'plain' }] },
          { name: 'plate-recognizer', kind: 'Deployment', weight: 2, accelerator: 'huawei.com/ascend-310', containers: [{ name: 'recognizer', image: 'globex/plate-recognizer:1.12.4', cpuMillis: 500, memoryMi: 1024, logStyle: 'ansi' }, { name: 'model-sync', image: 'globex/model-sync:0.9.0', cpuMillis: 20, memoryMi: 64, logStyle: 'json' }] },
          { name: 'camera-agent', kind: 'DaemonSet', weight: 0, containers: [{ name: 'agent', image: 'globex/camera-agent:1.0.5', cpuMillis: 30, memoryMi: 48, logStyle: 'mqtt' }] },
        ],
      },
      {
        name: 'globex-analytics',
        workloads: [
          { name: 'traffic-aggregator', kind: 'Deployment', weight: 2, containers: [{ name: 'aggregator', image: 'globex/traffic-aggregator:3.2.0', cpuMillis: 200, memoryMi: 512, port: 8080, logStyle: 'java' }] },
          { name: 'stream-analytics', kind: 'Deployment', weight: 2, accelerator: 'xilinx.com/fpga', containers: [{ name: 'analytics', image: 'globex/stream-analytics:0.18.2', cpuMillis: 400, memoryMi: 768, logStyle: 'json' }, sidecarLogShipper] },
          { name: 'tsdb-writer', kind: 'Deployment', weight: 1, containers: [{ name: 'writer', image: 'globex/tsdb-writer:1.4.4', cpuMillis: 100, memoryMi: 256, logStyle: 'plain' }] },
        ],
      },
    ],
  },
  {
    name: 'initech',
    displayName: 'Initech IoT',
    hubs: ['cn-south', 'cn-north', 'cn-central', 'cn-southwest', 'cn-sea', 'cn-hk'],
    namespaces: [
      {
        name: 'initech-iot',
        workloads: [
          { name: 'sensor-gateway', kind: 'Deployment', weight: 3, autonomy: true, containers: [{ name: 'gateway', image: 'initech/sensor-gateway:0.9.4', cpuMillis: 100, memoryMi: 128, port: 1883, logStyle: 'mqtt' }] },
          { name: 'telemetry-forwarder', kind: 'Deployment', weight: 2, containers: [{ name: 'forwarder', image: 'initech/telemetry-forwarder:2.0.0', cpuMillis: 80, memoryMi: 96, logStyle: 'json' }] },
          { name: 'tps-report-generator', kind: 'Deployment', weight: 1, containers: [{ name: 'tps', image: 'initech/tps-report-generator:1.0.0', cpuMillis: 50, memoryMi: 128, logStyle: 'java' }] },
        ],
      },
    ],
  },
];

/** KubeEdge versions in the fleet with their Kubernetes bases (from the facts file). */
export const KUBEEDGE_VERSIONS: Array<readonly [string, number]> = [
  ['v1.28.6-kubeedge-v1.17.0', 1],
  ['v1.29.5-kubeedge-v1.19.0', 2],
  ['v1.30.7-kubeedge-v1.21.0', 4],
  ['v1.31.12-kubeedge-v1.22.0', 3],
  ['v1.32.10-kubeedge-v1.23.0', 2],
];

export const CLOUDCORE_IMAGE = 'kubeedge/cloudcore:v1.23.0';
