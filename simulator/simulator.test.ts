import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { AppsV1Api, CoreV1Api, makeInformer, Watch, type V1Node, type V1Pod } from '@kubernetes/client-node';
import { Node, Pod, Namespace, Event, ConfigMap, Service } from 'kubernetes-models/v1';
import { Deployment, ReplicaSet, DaemonSet } from 'kubernetes-models/apps/v1';
import { Lease } from 'kubernetes-models/coordination.k8s.io/v1';
import { startSimulator, type GroundTruth, type RunningSimulator } from './index';
import { Hub } from './world/hub';
import { control, hubRequest, kubeConfigFor, waitFor } from './test-helpers';

let sim: RunningSimulator;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'overlook-sim-'));
  sim = await startSimulator({ hubs: 3, scale: 'small', seed: 42, churn: 0, basePort: 0, dir });
});

afterAll(async () => {
  await sim?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('startup files', () => {
  it('writes a kubeconfig with one context per hub and control.json', async () => {
    const kc = parse(await readFile(sim.kubeconfigPath, 'utf8'));
    expect(kc.contexts.map((c: { name: string }) => c.name)).toEqual(['cn-east', 'cn-south', 'cn-north']);
    expect(kc['current-context']).toBe('cn-east');
    expect(kc.clusters[0].cluster['certificate-authority-data']).toBeTruthy();
    expect(kc.users[0].user.token).toBe(sim.hubs[0].token);
    const controlFile = JSON.parse(await readFile(path.join(dir, 'control.json'), 'utf8'));
    expect(controlFile.url).toBe(sim.controlUrl);
    expect(controlFile.pid).toBe(process.pid);
    expect(controlFile.hubs).toHaveLength(3);
  });

  it('generates the same fleet for the same seed', () => {
    const a = new Hub({ name: 'cn-north', index: 2, scale: 'small', seed: 7, churn: 0, nowMs: 1_700_000_000_000 });
    const b = new Hub({ name: 'cn-north', index: 2, scale: 'small', seed: 7, churn: 0, nowMs: 1_700_000_000_000 });
    const c = new Hub({ name: 'cn-north', index: 2, scale: 'small', seed: 8, churn: 0, nowMs: 1_700_000_000_000 });
    const names = (h: Hub) => [...h.store.iterate('pods')].map((e) => `${e.obj.metadata.name}/${e.obj.metadata.uid}/${e.obj.spec.nodeName}`);
    expect(names(a)).toEqual(names(b));
    expect(names(a)).not.toEqual(names(c));
  });
});

describe('ground truth matches the API', () => {
  it('counts nodes and pods per hub like a client would', async () => {
    const truth = (await control(sim, '/truth')).json as GroundTruth;
    expect(truth.hubs.map((h) => h.name)).toEqual(['cn-east', 'cn-south', 'cn-north']);
    expect(truth.totals.datacenters).toBe(24);
    expect(truth.totals.nodes.edge).toBeGreaterThan(150);
    expect(truth.totals.pods.total).toBeGreaterThan(1500);
    for (const h of truth.hubs) {
      const kc = kubeConfigFor(sim, h.name);
      const core = kc.makeApiClient(CoreV1Api);
      const nodes = await core.listNode();
      const pods = await core.listPodForAllNamespaces({ limit: 500 });
      expect(nodes.items.length).toBe(h.nodes.total);
      expect(nodes.items.filter((n) => n.metadata?.labels?.['node-role.kubernetes.io/edge'] === '').length).toBe(h.nodes.edge);
      let total = pods.items.length;
      let cont = pods.metadata?._continue;
      const rv = pods.metadata?.resourceVersion;
      while (cont) {
        const page = await core.listPodForAllNamespaces({ limit: 500, _continue: cont });
        expect(page.metadata?.resourceVersion).toBe(rv);
        total += page.items.length;
        cont = page.metadata?._continue;
      }
      expect(total).toBe(h.pods.total);
      const deploys = await kc.makeApiClient(AppsV1Api).listDeploymentForAllNamespaces();
      expect(deploys.items.length).toBe(h.deployments);
    }
    const acme = truth.hubs.filter((h) => h.namespaces.includes('acme-retail')).map((h) => h.name);
    expect(acme).toEqual(['cn-east', 'cn-south']);
    const globex = truth.hubs.filter((h) => h.namespaces.includes('globex-cameras')).map((h) => h.name);
    expect(globex).toEqual(['cn-east', 'cn-north']);
  });
});

describe('objects validate against Kubernetes schemas', () => {
  it('validates a sample of every kind', async () => {
    const kc = kubeConfigFor(sim, 'cn-east');
    const core = kc.makeApiClient(CoreV1Api);
    const apps = kc.makeApiClient(AppsV1Api);
    const strip = <T>(o: T): Record<string, unknown> => JSON.parse(JSON.stringify(o));
    const nodes = await core.listNode();
    for (const n of nodes.items.slice(0, 20)) new Node(strip(n) as never).validate();
    const pods = await core.listPodForAllNamespaces({ limit: 300 });
    for (const p of pods.items) new Pod(strip(p) as never).validate();
    for (const ns of (await core.listNamespace()).items) new Namespace(strip(ns) as never).validate();
    for (const e of (await core.listEventForAllNamespaces({ limit: 50 })).items) new Event(strip(e) as never).validate();
    for (const c of (await core.listConfigMapForAllNamespaces()).items) new ConfigMap(strip(c) as never).validate();
    for (const s of (await core.listServiceForAllNamespaces()).items) new Service(strip(s) as never).validate();
    for (const d of (await apps.listDeploymentForAllNamespaces({ limit: 50 })).items) new Deployment(strip(d) as never).validate();
    for (const r of (await apps.listReplicaSetForAllNamespaces({ limit: 50 })).items) new ReplicaSet(strip(r) as never).validate();
    for (const d of (await apps.listDaemonSetForAllNamespaces()).items) new DaemonSet(strip(d) as never).validate();
    const leases = (await hubRequest(sim, 'cn-east', '/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases?limit=20')).json() as { items: unknown[] };
    for (const l of leases.items) new Lease(l as never).validate();
  });

  it('models edge nodes the way KubeEdge reports them', async () => {
    const core = kubeConfigFor(sim, 'cn-east').makeApiClient(CoreV1Api);
    const edge = await core.listNode({ labelSelector: 'node-role.kubernetes.io/edge' });
    const n = edge.items[0];
    expect(n.metadata?.labels?.['node-role.kubernetes.io/agent']).toBe('');
    expect(n.metadata?.labels?.['topology.kubernetes.io/zone']).toMatch(/^cn-east-[a-z]+-\d+$/);
    expect(n.metadata?.annotations?.cloudcore).toMatch(/^10\.0\.0\.\d+$/);
    expect(n.metadata?.annotations?.['overlook.io/gateway']).toMatch(/^(203\.0\.113|198\.51\.100|192\.0\.2)\.\d+$/);
    expect(n.status?.nodeInfo?.kubeletVersion).toMatch(/^v1\.\d+\.\d+-kubeedge-v1\.\d+\.0$/);
    expect(n.status?.daemonEndpoints?.kubeletEndpoint?.Port).toBeGreaterThanOrEqual(10350);
    const ready = n.status?.conditions?.find((c) => c.type === 'Ready');
    expect(ready).toMatchObject({ status: 'True', reason: 'EdgeReady', message: 'edge is posting ready status' });
    const archs = new Set(edge.items.map((x) => x.status?.nodeInfo?.architecture));
    expect(archs).toEqual(new Set(['amd64', 'arm64']));
    expect(edge.items.some((x) => x.status?.capacity?.['nvidia.com/gpu'])).toBe(true);
    const cloud = await core.listNode({ labelSelector: 'node-role.kubernetes.io/control-plane' });
    expect(cloud.items).toHaveLength(3);
    const ng = (await hubRequest(sim, 'cn-east', '/apis/apps.kubeedge.io/v1alpha1/nodegroups')).json() as { items: Array<{ metadata: { name: string; annotations: Record<string, string> } }> };
    expect(ng.items.length).toBe(8);
    expect(ng.items[0].metadata.annotations['overlook.io/location']).toMatch(/^-?\d+\.\d+,-?\d+\.\d+$/);
  });
});

describe('informers', () => {
  it('list and watch nodes and pods on every hub and see changes within a second', async () => {
    for (const hub of sim.hubs) {
      const kc = kubeConfigFor(sim, hub.name);
      const core = kc.makeApiClient(CoreV1Api);
      const nodeInformer = makeInformer<V1Node>(kc, '/api/v1/nodes', () => core.listNode());
      const podInformer = makeInformer<V1Pod>(kc, '/api/v1/pods', () => core.listPodForAllNamespaces());
      const updates: string[] = [];
      nodeInformer.on("update", (n) => updates.push(n.metadata!.name!));
      const added: string[] = [];
      podInformer.on('add', (p) => added.push(p.metadata!.name!));
      await nodeInformer.start();
      await podInformer.start();
      try {
        const nodes = nodeInformer.list();
        expect(nodes.length).toBeGreaterThan(40);
        const victim = nodes.find((n) => n.metadata?.labels?.['node-role.kubernetes.io/edge'] === '')!.metadata!.name!;
        const t0 = Date.now();
        await control(sim, `/hubs/${hub.name}/nodes/${victim}/offline`);
        await waitFor('node offline update', () => nodeInformer.get(victim)?.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'Unknown', 1000);
        expect(Date.now() - t0).toBeLessThan(1000);
        const offline = nodeInformer.get(victim)!;
        expect(offline.spec?.taints?.map((t) => `${t.key}:${t.effect}`)).toEqual(['node.kubernetes.io/unreachable:NoSchedule', 'node.kubernetes.io/unreachable:NoExecute']);
        expect(offline.status?.conditions?.every((c) => c.reason === 'NodeStatusUnknown' && c.message === 'Kubelet stopped posting node status.')).toBe(true);
        await control(sim, `/hubs/${hub.name}/nodes/${victim}/online`);
        await waitFor('node back online', () => nodeInformer.get(victim)?.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True', 1000);
        expect(nodeInformer.get(victim)?.spec?.taints).toBeUndefined();

        const pod = podInformer.list().find((p) => p.metadata?.ownerReferences?.[0]?.kind === 'ReplicaSet' && p.status?.phase === 'Running')!;
        await core.deleteNamespacedPod({ name: pod.metadata!.name!, namespace: pod.metadata!.namespace! });
        await waitFor('pod deleted', () => !podInformer.get(pod.metadata!.name!, pod.metadata!.namespace!), 2000);
        const prefix = pod.metadata!.generateName!;
        await waitFor('replacement pod', () => added.find((n) => n.startsWith(prefix) && n !== pod.metadata!.name), 3000);
      } finally {
        await nodeInformer.stop();
        await podInformer.stop();
      }
    }
  });

  it('recover from a hub outage and from a 410', async () => {
    const hub = 'cn-south';
    const kc = kubeConfigFor(sim, hub);
    const core = kc.makeApiClient(CoreV1Api);
    const informer = makeInformer<V1Node>(kc, '/api/v1/nodes', () => core.listNode());
    let errors = 0;
    let retry: NodeJS.Timeout | undefined;
    informer.on('error', () => {
      errors++;
      // client-node informers stop on errors other than 410 (a failed relist inside start() also only
      // emits 'error'), so every error schedules another start.
      clearTimeout(retry);
      retry = setTimeout(() => void informer.start(), 150);
    });
    await informer.start();
    const edge = informer.list().filter((n) => n.metadata?.labels?.['node-role.kubernetes.io/edge'] === '');
    try {
      await control(sim, `/hubs/${hub}/down`, { mode: 'refuse' });
      await waitFor('informer error', () => errors > 0, 8000);
      // While down, a node goes offline: the informer must catch up after the hub returns.
      await control(sim, `/hubs/${hub}/nodes/${edge[1].metadata!.name}/offline`);
      await control(sim, `/hubs/${hub}/up`);
      await waitFor('catch-up after outage', () => informer.get(edge[1].metadata!.name!)?.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'Unknown', 10_000);
      // 410: compact history, make a change, and expect a relist to still converge.
      await control(sim, `/hubs/${hub}/down`, { mode: 'refuse' });
      await waitFor('informer error 2', () => errors > 1, 8000);
      await control(sim, `/hubs/${hub}/compact`, {});
      await control(sim, `/hubs/${hub}/nodes/${edge[2].metadata!.name}/offline`);
      await control(sim, `/hubs/${hub}/compact`, {});
      await control(sim, `/hubs/${hub}/up`);
      await waitFor('converged after 410', () => informer.get(edge[2].metadata!.name!)?.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'Unknown', 10_000);
    } finally {
      clearTimeout(retry);
      await informer.stop();
      // Leave the fleet as we found it for the suites below.
      for (const n of edge.slice(1, 3)) await control(sim, `/hubs/${hub}/nodes/${n.metadata!.name}/online`);
    }
  });

  it('relist after an in-stream 410 when resuming a compacted watch', async () => {
    const hub = 'cn-north';
    const kc = kubeConfigFor(sim, hub);
    const core = kc.makeApiClient(CoreV1Api);
    let lists = 0;
    const informer = makeInformer<V1Node>(kc, '/api/v1/nodes', () => {
      lists++;
      return core.listNode();
    });
    await informer.start();
    const edge = informer.list().filter((n) => n.metadata?.labels?.['node-role.kubernetes.io/edge'] === '');
    try {
      await control(sim, `/hubs/${hub}/nodes/${edge[3].metadata!.name}/offline`);
      await waitFor('first change', () => informer.get(edge[3].metadata!.name!)?.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'Unknown', 5000);
      await control(sim, `/hubs/${hub}/compact`);
      // A clean end makes the informer resume from its last resourceVersion, which is now too old.
      const ended = (await control(sim, `/hubs/${hub}/end-watches`)).json as { ended: number };
      expect(ended.ended).toBeGreaterThan(0);
      await waitFor('relist after 410', () => lists >= 2, 5000);
      await control(sim, `/hubs/${hub}/nodes/${edge[4].metadata!.name}/offline`);
      await waitFor('change after relist', () => informer.get(edge[4].metadata!.name!)?.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'Unknown', 5000);
    } finally {
      await informer.stop();
      for (const n of edge.slice(3, 5)) await control(sim, `/hubs/${hub}/nodes/${n.metadata!.name}/online`);
    }
  });

  it('watch from a compacted resourceVersion ends with a 410 Expired ERROR event', async () => {
    const kc = kubeConfigFor(sim, 'cn-north');
    await control(sim, '/hubs/cn-north/compact', {});
    const events: Array<{ type: string; obj: { code?: number; reason?: string; message?: string } }> = [];
    await new Promise<void>((resolve, reject) => {
      void new Watch(kc).watch('/api/v1/pods', { resourceVersion: '2' }, (type, obj) => events.push({ type, obj }), (err) => (err ? reject(err) : resolve()));
    });
    expect(events).toHaveLength(1);
    expect(events[0].type).toBe('ERROR');
    expect(events[0].obj).toMatchObject({ code: 410, reason: 'Expired' });
    expect(events[0].obj.message).toMatch(/^too old resource version: 2 \(\d+\)$/);
  });
});

describe('pod logs and metrics', () => {
  type PodList = { items: Array<{ metadata: { name: string; namespace: string; creationTimestamp: string }; spec: { containers: Array<{ name: string }> }; status: { phase: string; containerStatuses?: Array<{ restartCount: number; state: { waiting?: { reason: string } }; lastState: { terminated?: unknown } }> } }> };

  it('serves kubelet-style logs and the kubelet error messages', async () => {
    const pods = (await hubRequest(sim, 'cn-south', '/api/v1/pods?limit=2000')).json() as PodList;
    const multi = pods.items.find((p) => p.spec.containers.length > 1 && p.status.phase === 'Running')!;
    const base = `/api/v1/namespaces/${multi.metadata.namespace}/pods/${multi.metadata.name}/log`;
    const noContainer = await hubRequest(sim, 'cn-south', base);
    expect(noContainer.status).toBe(400);
    expect((noContainer.json() as { message: string }).message).toBe(`a container name must be specified for pod ${multi.metadata.name}, choose one of: [${multi.spec.containers.map((c) => c.name).join(' ')}]`);
    const c = multi.spec.containers[0].name;
    const tail = await hubRequest(sim, 'cn-south', `${base}?container=${c}&tailLines=7&timestamps=true`);
    expect(tail.status).toBe(200);
    const lines = tail.text.trimEnd().split('\n');
    expect(lines).toHaveLength(7);
    expect(lines[0]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{9}Z /);
    expect((await hubRequest(sim, 'cn-south', `${base}?container=${c}&tailLines=7&timestamps=true`)).text).toBe(tail.text);
    const limited = await hubRequest(sim, 'cn-south', `${base}?container=${c}&limitBytes=100`);
    expect(Buffer.byteLength(limited.text)).toBe(100);
    const recent = await hubRequest(sim, 'cn-south', `${base}?container=${c}&sinceSeconds=30`);
    expect(recent.text.trimEnd().split('\n').length).toBeLessThan(40);
    expect((await hubRequest(sim, 'cn-south', `${base}?container=${c}&sinceSeconds=0`)).status).toBe(400);
    expect((await hubRequest(sim, 'cn-south', `${base}?container=${c}&sinceTime=yesterday`)).status).toBe(400);
    const fresh = pods.items.find((p) => p.status.phase === 'Running' && p.spec.containers.length === 1 && p.status.containerStatuses?.[0].restartCount === 0)!;
    const prev = await hubRequest(sim, 'cn-south', `/api/v1/namespaces/${fresh.metadata.namespace}/pods/${fresh.metadata.name}/log?previous=true`);
    expect((prev.json() as { message: string }).message).toBe(`previous terminated container "${fresh.spec.containers[0].name}" in pod "${fresh.metadata.name}" not found`);
    const restarted = pods.items.find((p) => p.status.containerStatuses?.[0].lastState.terminated && p.spec.containers.length === 1)!;
    const prevOk = await hubRequest(sim, 'cn-south', `/api/v1/namespaces/${restarted.metadata.namespace}/pods/${restarted.metadata.name}/log?previous=true`);
    expect(prevOk.status).toBe(200);
    expect(prevOk.text.trimEnd().split('\n').pop()).toMatch(/panic|out of memory/);
    // Pods recreated by earlier tests are ContainerCreating only for a few seconds (their image
    // "pulls", then they run); a long-pending pod of the generated fleet stays waiting.
    const creating = pods.items.find(
      (p) =>
        p.status.containerStatuses?.[0].state.waiting?.reason === 'ContainerCreating' &&
        p.spec.containers.length === 1 &&
        Date.now() - Date.parse(p.metadata.creationTimestamp) > 60_000,
    );
    if (creating) {
      const waiting = await hubRequest(sim, 'cn-south', `/api/v1/namespaces/${creating.metadata.namespace}/pods/${creating.metadata.name}/log`);
      expect((waiting.json() as { message: string }).message).toBe(`container "${creating.spec.containers[0].name}" in pod "${creating.metadata.name}" is waiting to start: ContainerCreating`);
    }
  });

  it('reports smooth, load-following metrics.k8s.io usage', async () => {
    type NodeMetrics = { items: Array<{ metadata: { name: string }; usage: { cpu: string; memory: string } }> };
    const nodes = (await hubRequest(sim, 'cn-south', '/apis/metrics.k8s.io/v1beta1/nodes')).json() as NodeMetrics;
    const cpu = (q: string) => Number(q.slice(0, -1)) / 1e9;
    const node = nodes.items.find((n) => n.metadata.name.includes('-edge-'))!;
    const podsOnNode = (await hubRequest(sim, 'cn-south', `/api/v1/pods?fieldSelector=spec.nodeName%3D${node.metadata.name}`)).json() as PodList;
    let podCpu = 0;
    for (const p of podsOnNode.items) {
      const m = await hubRequest(sim, 'cn-south', `/apis/metrics.k8s.io/v1beta1/namespaces/${p.metadata.namespace}/pods/${p.metadata.name}`);
      if (m.status === 200) podCpu += (m.json() as { containers: Array<{ usage: { cpu: string } }> }).containers.reduce((n, c) => n + cpu(c.usage.cpu), 0);
    }
    expect(podCpu).toBeGreaterThan(0);
    // A node's usage is its pods plus system overhead.
    expect(cpu(node.usage.cpu)).toBeGreaterThan(podCpu * 0.9);
    expect(node.usage.memory).toMatch(/^\d+Ki$/);
    await new Promise((r) => setTimeout(r, 1100));
    const again = ((await hubRequest(sim, 'cn-south', `/apis/metrics.k8s.io/v1beta1/nodes/${node.metadata.name}`)).json() as { usage: { cpu: string } }).usage.cpu;
    const change = Math.abs(cpu(again) - cpu(node.usage.cpu)) / cpu(node.usage.cpu);
    expect(change).toBeLessThan(0.2);
  });
});

describe('Kubernetes error answers', () => {
  it('answers bad input with Status objects, never a crash', async () => {
    const notFound = await hubRequest(sim, 'cn-east', '/api/v1/bogus');
    expect(notFound.status).toBe(404);
    expect(notFound.json()).toMatchObject({ kind: 'Status', status: 'Failure', code: 404, reason: 'NotFound' });
    expect((await hubRequest(sim, 'cn-east', '/nope/at/all')).status).toBe(404);
    const badSel = await hubRequest(sim, 'cn-east', '/api/v1/pods?labelSelector=' + encodeURIComponent('app in (a'));
    expect(badSel.status).toBe(400);
    expect(badSel.json()).toMatchObject({ kind: 'Status', code: 400, reason: 'BadRequest' });
    const badField = await hubRequest(sim, 'cn-east', '/api/v1/pods?fieldSelector=foo.bar%3Dx');
    expect(badField.status).toBe(400);
    expect((badField.json() as { message: string }).message).toBe('"foo.bar" is not a known field selector');
    const unauth = await hubRequest(sim, 'cn-east', '/api/v1/nodes', { token: null });
    expect(unauth.status).toBe(401);
    expect(unauth.json()).toMatchObject({ reason: 'Unauthorized', code: 401 });
    const wrongToken = await hubRequest(sim, 'cn-east', '/api/v1/nodes', { token: sim.hubs[1].token });
    expect(wrongToken.status).toBe(401);
    const node = 'cn-east-hangzhou-1-edge-003';
    const ro = sim.hubs[0].readOnlyToken;
    expect((await hubRequest(sim, 'cn-east', '/api/v1/nodes', { token: ro })).status).toBe(200);
    const forbidden = await hubRequest(sim, 'cn-east', `/api/v1/nodes/${node}`, { method: 'PATCH', token: ro, contentType: 'application/merge-patch+json', body: '{"spec":{"unschedulable":true}}' });
    expect(forbidden.status).toBe(403);
    expect((forbidden.json() as { message: string }).message).toBe(`nodes "${node}" is forbidden: User "overlook-viewer" cannot patch resource "nodes" in API group "" at the cluster scope`);
    const badPatch = await hubRequest(sim, 'cn-east', `/api/v1/nodes/${node}`, { method: 'PATCH', contentType: 'application/merge-patch+json', body: '{"spec":{"unschedulable":"yes"}}' });
    expect(badPatch.status).toBe(422);
    expect(badPatch.json()).toMatchObject({ reason: 'Invalid', code: 422 });
    const badJsonPatch = await hubRequest(sim, 'cn-east', `/api/v1/nodes/${node}`, { method: 'PATCH', contentType: 'application/json-patch+json', body: '[{"op":"replace","path":"/spec/nothing/here","value":1}]' });
    expect(badJsonPatch.status).toBe(422);
    const missingPod = await hubRequest(sim, 'cn-east', '/api/v1/namespaces/acme-pos/pods/nope');
    expect(missingPod.status).toBe(404);
    expect((missingPod.json() as { message: string }).message).toBe('pods "nope" not found');
    const cm = JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'tunnelport' } });
    const conflict = await hubRequest(sim, 'cn-east', '/api/v1/namespaces/kubeedge/configmaps', { method: 'POST', contentType: 'application/json', body: cm });
    expect(conflict.status).toBe(409);
    expect(conflict.json()).toMatchObject({ reason: 'AlreadyExists' });
    const ssar = await hubRequest(sim, 'cn-east', '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', { method: 'POST', token: ro, contentType: 'application/json', body: JSON.stringify({ apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', spec: { resourceAttributes: { verb: 'patch', resource: 'nodes' } } }) });
    expect(ssar.status).toBe(201);
    expect((ssar.json() as { status: { allowed: boolean } }).status.allowed).toBe(false);
  });

  it('hangs, fails and slows down on request', async () => {
    const hub = 'cn-north';
    await control(sim, `/hubs/${hub}/down`, { mode: 'hang' });
    const kc = kubeConfigFor(sim, hub);
    const core = kc.makeApiClient(CoreV1Api);
    const hung = await Promise.race([core.listNamespace().then(() => 'answered', () => 'failed'), new Promise((r) => setTimeout(() => r('hung'), 700))]);
    expect(hung).toBe('hung');
    expect(((await control(sim, '/truth')).json as GroundTruth).hubs[2]).toMatchObject({ up: false, mode: 'hang' });
    await control(sim, `/hubs/${hub}/up`);
    expect((await core.listNamespace()).items.length).toBeGreaterThan(4);
    await control(sim, `/hubs/${hub}/faults`, { errorRate: 1 });
    const failing = await hubRequest(sim, hub, '/api/v1/namespaces');
    expect([500, 503]).toContain(failing.status);
    expect(failing.json()).toMatchObject({ kind: 'Status', status: 'Failure' });
    await control(sim, `/hubs/${hub}/faults`, { latencyMs: 300 });
    const t0 = Date.now();
    expect((await hubRequest(sim, hub, '/api/v1/namespaces')).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
    await control(sim, `/hubs/${hub}/faults`, {});
  });

  it('validates control API input', async () => {
    const bad = await control(sim, '/hubs/cn-east/down', { mode: 'sideways' });
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ parameter: 'mode' });
    expect((await control(sim, '/hubs/cn-nowhere/up', {})).status).toBe(404);
    expect((await control(sim, '/hubs/cn-east/nodes/nope/offline', {})).status).toBe(404);
    expect((await control(sim, '/hubs/cn-east/faults', { errorRate: 2 })).json).toMatchObject({ parameter: 'errorRate' });
  });
});
