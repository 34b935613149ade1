/** URLs of the drill-down pages (region → datacenter → node → pod), in one place so links never drift. */
const seg = encodeURIComponent;

export const fleetHref = {
  overview: () => '/',
  datacenters: (filters?: { hub?: string; region?: string }) => {
    const params = new URLSearchParams();
    if (filters?.hub) params.set('hub', filters.hub);
    if (filters?.region) params.set('region', filters.region);
    const query = params.toString();
    return query ? `/datacenters?${query}` : '/datacenters';
  },
  datacenter: (id: string) => `/datacenters/${seg(id)}`,
  nodes: (filters?: Record<string, string>) => {
    const query = new URLSearchParams(filters).toString();
    return query ? `/nodes?${query}` : '/nodes';
  },
  node: (hub: string, name: string) => `/nodes/${seg(hub)}/${seg(name)}`,
  pods: (filters?: Record<string, string>) => {
    const query = new URLSearchParams(filters).toString();
    return query ? `/pods?${query}` : '/pods';
  },
  pod: (hub: string, namespace: string, name: string) => `/pods/${seg(hub)}/${seg(namespace)}/${seg(name)}`,
  workloads: (filters?: Record<string, string>) => {
    const query = new URLSearchParams(filters).toString();
    return query ? `/workloads?${query}` : '/workloads';
  },
};
