import { stringify } from 'yaml';

export interface KubeconfigHub {
  name: string;
  server: string;
  token: string;
}

/** One context per hub (named after it), bearer-token users, the CA inline; first hub is current. */
export function buildKubeconfig(hubs: KubeconfigHub[], caPem: string | undefined): string {
  const caData = caPem ? Buffer.from(caPem).toString('base64') : undefined;
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    preferences: {},
    clusters: hubs.map((h) => ({
      name: h.name,
      cluster: caData ? { server: h.server, 'certificate-authority-data': caData } : { server: h.server, 'insecure-skip-tls-verify': true },
    })),
    users: hubs.map((h) => ({ name: `${h.name}-admin`, user: { token: h.token } })),
    contexts: hubs.map((h) => ({ name: h.name, context: { cluster: h.name, user: `${h.name}-admin` } })),
    'current-context': hubs[0]?.name ?? '',
  });
}
