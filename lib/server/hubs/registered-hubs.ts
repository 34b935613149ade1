import 'server-only';

import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';

import { KubeConfig } from '@kubernetes/client-node';
import type { z } from 'zod';

import type {
  AdminHubDto,
  AdminHubListResponse,
  AdminHubResponse,
  CreateHubRequestSchema,
  HubTestFailureSchema,
  HubTestResult,
  TestHubRequestSchema,
  TestStoredHubRequestSchema,
  UpdateHubRequestSchema,
} from '@/lib/contracts/hub-admin';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { isUniqueViolation } from '@/lib/server/db/errors';
import { hubsRepository, type HubRow, type HubRowPatch } from '@/lib/server/db/hubs';
import type { Env } from '@/lib/server/env';
import { CredentialDecryptError, decryptCredentials, encryptCredentials } from '@/lib/server/hubs/credential-crypto';
import type { HubConnection, HubDefinition } from '@/lib/server/hubs/hub-connection';
import type { HubManager } from '@/lib/server/hubs/hub-manager';
import { KubeRequestError, KubeTransport } from '@/lib/server/hubs/kube-transport';
import { badRequest, conflict, HttpError, notFound } from '@/lib/server/http/errors';
import { childLogger } from '@/lib/server/logger';

const log = childLogger({ module: 'hubs' });

/**
 * Hubs registered by platform admins (`/api/v1/admin/hubs/**`): stored in `hubs` with their
 * credentials encrypted (credential-crypto.ts), connected through the same HubManager as kubeconfig
 * hubs. Decrypted secrets exist only inside the hubs' KubeConfig objects in memory; nothing this
 * module returns (DTOs, test results, errors, audit reasons) contains them.
 */

export type StoredCredentials = { kind: 'token'; token: string } | { kind: 'client-certificate'; certificate: string; key: string };

/** The connection of a hub: enough to build a KubeConfig. */
export type HubConnectionSpec = {
  name: string;
  server: string;
  caPem?: string | null;
  tlsServerName?: string | null;
  credentials: StoredCredentials;
};

export type CreateHubInput = z.output<typeof CreateHubRequestSchema>;
export type UpdateHubInput = z.output<typeof UpdateHubRequestSchema>;
export type TestHubInput = z.output<typeof TestHubRequestSchema>;
export type TestStoredHubInput = z.output<typeof TestStoredHubRequestSchema>;
export type HubActor = { userId: string; email: string };

export type RegisteredHubsContext = { db: PrismaClient; manager: HubManager; env: Pick<Env, 'secretKey' | 'datacenterLabel'> };

const CONNECTION_TEST_TIMEOUT_MS = 5_000;
const TEST_HUB_NAME = 'connection-test';

// -----------------------------------------------------------------------------------------------
// Problems of registered hubs that could not be connected (per manager: tests build several)
// -----------------------------------------------------------------------------------------------

type ManagerState = {
  /** Why a stored hub is not connected, by name. */
  problems: Map<string, string>;
  /** The row version (updatedAt, ms) each connected registered hub was built from. */
  loaded: Map<string, number>;
  /** When this process last connected or removed each hub itself (a reconcile that read older rows leaves it alone). */
  touched: Map<string, number>;
};

const stateByManager = new WeakMap<HubManager, ManagerState>();

function stateOf(manager: HubManager): ManagerState {
  let state = stateByManager.get(manager);
  if (!state) {
    state = { problems: new Map(), loaded: new Map(), touched: new Map() };
    stateByManager.set(manager, state);
  }
  return state;
}

function problemsOf(manager: HubManager): Map<string, string> {
  return stateOf(manager).problems;
}

/** Connects (or reconnects) a registered hub from its row; clears its problem. */
function connectRow(ctx: RegisteredHubsContext, row: HubRow, credentials: StoredCredentials): void {
  ctx.manager.addHub(definitionOf(row, credentials, ctx.env.datacenterLabel));
  const state = stateOf(ctx.manager);
  state.problems.delete(row.name);
  state.loaded.set(row.name, row.updatedAt.getTime());
  state.touched.set(row.name, performance.now());
}

// -----------------------------------------------------------------------------------------------
// PEM validation (parsed for real, not only pattern-matched)
// -----------------------------------------------------------------------------------------------

const CERT_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

function parseCertificates(pem: string, param: string): X509Certificate[] {
  const blocks = pem.match(CERT_BLOCK) ?? [];
  if (blocks.length === 0) throw badRequest(param, `${param} must be a PEM certificate (-----BEGIN CERTIFICATE----- …)`);
  return blocks.map((block, index) => {
    try {
      return new X509Certificate(block);
    } catch {
      throw badRequest(param, `${param} is not a valid certificate${blocks.length > 1 ? ` (certificate ${index + 1} of ${blocks.length})` : ''}: the PEM does not parse as X.509`);
    }
  });
}

function validateCredentials(credentials: StoredCredentials): void {
  if (credentials.kind !== 'client-certificate') return;
  const [certificate] = parseCertificates(credentials.certificate, 'credentials.certificate');
  let key;
  try {
    key = createPrivateKey(credentials.key);
  } catch {
    throw badRequest('credentials.key', 'credentials.key is not a valid PEM private key');
  }
  if (!certificate.checkPrivateKey(key)) {
    throw badRequest('credentials.key', 'credentials.key does not belong to credentials.certificate');
  }
}

function caSummary(pem: string | null | undefined): AdminHubDto['ca'] {
  if (!pem) return null;
  try {
    const [first] = parseCertificates(pem, 'ca');
    return { subject: first.subject.replace(/\n/g, ', '), sha256: first.fingerprint256, notAfter: new Date(first.validTo).toISOString() };
  } catch {
    return null;
  }
}

// -----------------------------------------------------------------------------------------------
// KubeConfig
// -----------------------------------------------------------------------------------------------

/** A one-context KubeConfig for a registered hub (the only place decrypted secrets live). */
export function buildKubeConfig(spec: HubConnectionSpec): KubeConfig {
  const kc = new KubeConfig();
  const user = `${spec.name}-overlook`;
  const credentials = spec.credentials;
  kc.loadFromOptions({
    clusters: [
      {
        name: spec.name,
        server: spec.server,
        skipTLSVerify: false,
        ...(spec.caPem ? { caData: Buffer.from(spec.caPem, 'utf8').toString('base64') } : {}),
        ...(spec.tlsServerName ? { tlsServerName: spec.tlsServerName } : {}),
      },
    ],
    users: [
      credentials.kind === 'token'
        ? { name: user, token: credentials.token }
        : {
            name: user,
            certData: Buffer.from(credentials.certificate, 'utf8').toString('base64'),
            keyData: Buffer.from(credentials.key, 'utf8').toString('base64'),
          },
    ],
    contexts: [{ name: spec.name, cluster: spec.name, user }],
    currentContext: spec.name,
  });
  return kc;
}

function credentialsFromInput(input: { kind: 'token'; token: string } | { kind: 'client-certificate'; certificate: string; key: string }): StoredCredentials {
  return input.kind === 'token' ? { kind: 'token', token: input.token } : { kind: 'client-certificate', certificate: input.certificate, key: input.key };
}

function decryptRow(row: HubRow, key: Buffer): StoredCredentials {
  const parsed = JSON.parse(decryptCredentials(row.encryptedCredentials, key, row.name)) as StoredCredentials;
  if (parsed.kind !== 'token' && parsed.kind !== 'client-certificate') throw new CredentialDecryptError('stored credentials have an unknown kind', 'malformed');
  return parsed;
}

function definitionOf(row: HubRow, credentials: StoredCredentials, datacenterLabel: string): HubDefinition {
  return {
    name: row.name,
    displayName: row.displayName,
    ...(row.region ? { region: row.region } : {}),
    source: 'registered',
    kubeConfig: buildKubeConfig({ name: row.name, server: row.server, caPem: row.caPem, tlsServerName: row.tlsServerName, credentials }),
    datacenterLabel,
  };
}

// -----------------------------------------------------------------------------------------------
// Connection test
// -----------------------------------------------------------------------------------------------

type HubTestFailure = z.infer<typeof HubTestFailureSchema>;

const TLS_CODE = /CERT|TLS|SSL|EPROTO|SIGNATURE|ISSUER|HANDSHAKE/i;

function secretsOf(credentials: StoredCredentials | null): string[] {
  if (!credentials) return [];
  return credentials.kind === 'token' ? [credentials.token] : [credentials.certificate, credentials.key];
}

/** Removes any credential material from a message (belt and braces: hub messages should not echo them). */
function scrub(message: string, secrets: string[]): string {
  let result = message.replace(/Bearer\s+\S+/gi, 'Bearer [redacted]');
  for (const secret of secrets) if (secret.length >= 4) result = result.split(secret).join('[redacted]');
  return result;
}

function networkFailure(error: KubeRequestError, host: string): { failure: HubTestFailure; message: string } {
  const code = error.code ?? '';
  if (TLS_CODE.test(code) || TLS_CODE.test(error.message)) {
    return {
      failure: 'tls',
      message: `The TLS connection to ${host} failed (${error.message}). Check the CA certificate (it must have signed the API server's certificate), tlsServerName, and that the URL is the API server's https port.`,
    };
  }
  return {
    failure: 'unreachable',
    message: `Cannot reach ${host} (${error.message}). Check the URL and port, DNS, and that a firewall lets this server connect.`,
  };
}

/**
 * Tests a hub connection: GET /version (reachable, TLS, Kubernetes), then list nodes and pods with
 * limit=1 (authentication and read access, node count), then KubeEdge discovery. Never throws;
 * never puts credentials in the result.
 */
export async function testConnectionWith(kubeConfig: KubeConfig, secrets: string[] = [], timeoutMs = CONNECTION_TEST_TIMEOUT_MS): Promise<HubTestResult> {
  const result: HubTestResult = {
    ok: false,
    failure: null,
    message: '',
    latencyMs: null,
    kubernetesVersion: null,
    access: { nodes: null, pods: null },
    nodeCount: null,
    kubeedge: null,
  };
  let transport: KubeTransport;
  try {
    transport = new KubeTransport(kubeConfig);
  } catch (error) {
    return { ...result, failure: 'unreachable', message: scrub(error instanceof Error ? error.message : String(error), secrets) };
  }
  const host = transport.host;
  const fail = (failure: HubTestFailure, message: string): HubTestResult => ({ ...result, ok: false, failure, message: scrub(message, secrets) });
  const unauthorized = () =>
    fail('unauthorized', `${host} rejected the credentials (401 Unauthorized). Check that the token or client certificate is valid, not expired, and issued by this cluster.`);
  try {
    const started = performance.now();
    let version: { gitVersion?: unknown } | undefined;
    let versionAnswered = false;
    try {
      version = await transport.requestJson<{ gitVersion?: unknown }>('/version', undefined, { timeoutMs });
      versionAnswered = true;
    } catch (error) {
      if (!(error instanceof KubeRequestError)) return fail('unreachable', `Cannot reach ${host}.`);
      if (error.unreachable) {
        const { failure, message } = networkFailure(error, host);
        return fail(failure, message);
      }
      if (error.status === 401) return unauthorized();
      if (error.status !== 403) {
        return fail('not-kubernetes', `${host} answered GET /version with ${error.status}, not like a Kubernetes API server. Check the URL (e.g. https://10.0.0.1:6443, without a path).`);
      }
      // 403 on /version: some clusters hide it from unprivileged users; the lists below decide.
    } finally {
      result.latencyMs = Math.round(performance.now() - started);
    }
    if (versionAnswered) {
      if (typeof version?.gitVersion !== 'string') {
        return fail('not-kubernetes', `${host} answered GET /version, but not with a Kubernetes version. Check the URL (it must be the API server, e.g. https://10.0.0.1:6443).`);
      }
      result.kubernetesVersion = version.gitVersion;
    }

    const canList = async (path: string): Promise<{ allowed: boolean | null; count: number | null; status?: number; error?: KubeRequestError }> => {
      try {
        const list = await transport.requestJson<{ items?: unknown[]; metadata?: { remainingItemCount?: number; continue?: string } }>(path, { limit: 1 }, { timeoutMs });
        // Not a Kubernetes list (e.g. an HTML page): nothing is known about access.
        if (!Array.isArray(list?.items)) return { allowed: null, count: null, status: 200 };
        const items = list.items.length;
        const remaining = list?.metadata?.remainingItemCount;
        const count = typeof remaining === 'number' ? items + remaining : list?.metadata?.continue ? null : items;
        return { allowed: true, count };
      } catch (error) {
        if (error instanceof KubeRequestError && error.status === 403) return { allowed: false, count: null, status: 403 };
        return { allowed: null, count: null, status: error instanceof KubeRequestError ? error.status : undefined, error: error instanceof KubeRequestError ? error : undefined };
      }
    };
    const nodes = await canList('/api/v1/nodes');
    if (nodes.status === 401) return unauthorized();
    if (nodes.error?.unreachable) {
      const { failure, message } = networkFailure(nodes.error, host);
      return fail(failure, message);
    }
    result.access.nodes = nodes.allowed;
    result.nodeCount = nodes.count;
    const pods = await canList('/api/v1/pods');
    if (pods.status === 401) return unauthorized();
    result.access.pods = pods.allowed;
    if (result.kubernetesVersion === null && nodes.allowed === null && pods.allowed === null) {
      return fail('not-kubernetes', `${host} does not answer like a Kubernetes API server. Check the URL.`);
    }

    try {
      const group = await transport.requestJson<{ resources?: Array<{ name?: string }> }>('/apis/apps.kubeedge.io/v1alpha1', undefined, { timeoutMs });
      result.kubeedge = Boolean(group?.resources?.some((resource) => resource.name === 'nodegroups'));
    } catch (error) {
      result.kubeedge = error instanceof KubeRequestError && error.status === 404 ? false : null;
    }

    const denied = [nodes.allowed === false ? 'nodes' : null, pods.allowed === false ? 'pods' : null].filter(Boolean);
    if (denied.length > 0) {
      return fail(
        'forbidden',
        `Signed in to ${host}, but the credentials may not list ${denied.join(' and ')} (403 Forbidden). Grant get/list/watch on nodes, pods, namespaces, events, deployments, daemonsets, replicasets and leases.`,
      );
    }
    if (nodes.allowed === null || pods.allowed === null) {
      const status = nodes.status ?? pods.status;
      return fail('not-kubernetes', `${host} answered listing nodes/pods with ${status ?? 'an error'}. Check the URL (it must be the API server).`);
    }
    result.ok = true;
    result.failure = null;
    const parts = [
      `Connected to ${host}`,
      result.kubernetesVersion ? `Kubernetes ${result.kubernetesVersion}` : null,
      `${result.latencyMs} ms`,
      result.nodeCount !== null ? `${result.nodeCount} node${result.nodeCount === 1 ? '' : 's'}` : null,
      result.kubeedge ? 'KubeEdge NodeGroups served' : result.kubeedge === false ? 'no KubeEdge NodeGroups' : null,
    ].filter(Boolean);
    result.message = scrub(`${parts.join(', ')}.`, secrets);
    return result;
  } finally {
    transport.close();
  }
}

/** Tests a connection given in full (nothing stored). */
export async function testConnection(input: TestHubInput): Promise<HubTestResult> {
  const credentials = credentialsFromInput(input.credentials);
  if (input.ca) parseCertificates(input.ca, 'ca');
  validateCredentials(credentials);
  const spec: HubConnectionSpec = { name: TEST_HUB_NAME, server: input.server, caPem: input.ca ?? null, tlsServerName: input.tlsServerName ?? null, credentials };
  return testConnectionWith(buildKubeConfig(spec), secretsOf(credentials));
}

// -----------------------------------------------------------------------------------------------
// DTOs
// -----------------------------------------------------------------------------------------------

function credentialKindOfKubeConfig(kc: KubeConfig): AdminHubDto['credentialKind'] {
  const user = kc.getCurrentUser();
  if (!user) return 'other';
  if (user.exec) return 'exec';
  if (user.token || (user as { tokenFile?: string }).tokenFile) return 'token';
  if (user.certData || user.certFile) return 'client-certificate';
  return 'other';
}

function caPemOfKubeConfig(kc: KubeConfig): string | null {
  const cluster = kc.getCurrentCluster();
  if (!cluster || cluster.skipTLSVerify) return null;
  try {
    if (cluster.caData) return Buffer.from(cluster.caData, 'base64').toString('utf8');
    if (cluster.caFile) return readFileSync(cluster.caFile, 'utf8');
  } catch {
    return null;
  }
  return null;
}

function liveFields(connection: HubConnection | undefined): Pick<AdminHubDto, 'status' | 'statusSince' | 'lastSyncAt' | 'error' | 'kubernetesVersion'> {
  if (!connection) return { status: null, statusSince: null, lastSyncAt: null, error: null, kubernetesVersion: null };
  const status = connection.listStatus();
  return { status: status.status, statusSince: status.since, lastSyncAt: status.lastSyncAt, error: status.error, kubernetesVersion: connection.kubernetesVersion };
}

function kubeconfigHubDto(connection: HubConnection): AdminHubDto {
  const kc = connection.definition.kubeConfig;
  const cluster = kc.getCurrentCluster();
  return {
    name: connection.name,
    displayName: connection.displayName,
    region: connection.definition.region ?? null,
    effectiveRegion: connection.region,
    source: 'kubeconfig',
    kubeconfigFile: connection.definition.kubeconfigFile ?? null,
    server: cluster?.server ?? '',
    tlsServerName: cluster?.tlsServerName ?? null,
    ca: caSummary(caPemOfKubeConfig(kc)),
    credentialKind: credentialKindOfKubeConfig(kc),
    problem: null,
    ...liveFields(connection),
    createdAt: null,
    updatedAt: null,
    createdBy: null,
  };
}

function registeredHubDto(row: HubRow, ctx: RegisteredHubsContext, existingUsers: Set<string>): AdminHubDto {
  const candidate = ctx.manager.get(row.name);
  const connection = candidate?.source === 'registered' ? candidate : undefined;
  const problem = problemsOf(ctx.manager).get(row.name) ?? (connection ? null : 'not connected yet: this server loads hubs registered elsewhere within 30 s');
  return {
    name: row.name,
    displayName: row.displayName,
    region: row.region,
    effectiveRegion: connection?.region ?? row.region ?? row.name,
    source: 'registered',
    kubeconfigFile: null,
    server: row.server,
    tlsServerName: row.tlsServerName,
    ca: caSummary(row.caPem),
    credentialKind: row.credentialKind === 'client-certificate' ? 'client-certificate' : 'token',
    problem,
    ...liveFields(connection),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    createdBy: row.createdById && existingUsers.has(row.createdById) ? row.createdByEmail : null,
  };
}

function registration(ctx: RegisteredHubsContext): Pick<AdminHubListResponse, 'registrationEnabled' | 'registrationDisabledReason'> {
  return ctx.env.secretKey
    ? { registrationEnabled: true, registrationDisabledReason: null }
    : {
        registrationEnabled: false,
        registrationDisabledReason: 'OVERLOOK_SECRET_KEY is not set: hub credentials cannot be stored encrypted. Set a 32-byte key (openssl rand -base64 32) and restart.',
      };
}

function requireKey(ctx: RegisteredHubsContext): Buffer {
  if (!ctx.env.secretKey) {
    throw new HttpError(409, 'registration_disabled', registration(ctx).registrationDisabledReason ?? 'hub registration is disabled');
  }
  return ctx.env.secretKey;
}

function kubeconfigFileOf(connection: HubConnection): string {
  const file = connection.definition.kubeconfigFile;
  return file ? `kubeconfig file ${file}` : 'a kubeconfig file';
}

function kubeconfigClash(connection: HubConnection): string {
  return `it is defined in ${kubeconfigFileOf(connection)}; edit that file to change it`;
}

async function dtoForRow(ctx: RegisteredHubsContext, row: HubRow): Promise<AdminHubDto> {
  const users = await hubsRepository(ctx.db).existingUserIds(row.createdById ? [row.createdById] : []);
  return registeredHubDto(row, ctx, users);
}

// -----------------------------------------------------------------------------------------------
// Service
// -----------------------------------------------------------------------------------------------

/** Every hub: kubeconfig hubs of the manager, then registered ones (a clashing row appears with its problem). */
export async function listHubs(ctx: RegisteredHubsContext): Promise<AdminHubListResponse> {
  const repo = hubsRepository(ctx.db);
  const rows = await repo.list();
  const users = await repo.existingUserIds([...new Set(rows.map((row) => row.createdById).filter((id): id is string => id !== null))]);
  const kubeconfigHubs = ctx.manager
    .list()
    .filter((connection) => connection.source === 'kubeconfig')
    .map(kubeconfigHubDto);
  const items = [...kubeconfigHubs, ...rows.map((row) => registeredHubDto(row, ctx, users))].sort(
    (a, b) => a.name.localeCompare(b.name) || a.source.localeCompare(b.source),
  );
  return { items, ...registration(ctx) };
}

export async function getHub(ctx: RegisteredHubsContext, name: string): Promise<AdminHubDto> {
  const row = await hubsRepository(ctx.db).findByName(name);
  if (row) return dtoForRow(ctx, row);
  const connection = ctx.manager.get(name);
  if (connection?.source === 'kubeconfig') return kubeconfigHubDto(connection);
  throw notFound(`No hub named ${name}`);
}

export async function createHub(ctx: RegisteredHubsContext, input: CreateHubInput, actor: HubActor): Promise<AdminHubResponse> {
  const key = requireKey(ctx);
  const repo = hubsRepository(ctx.db);
  const existing = ctx.manager.get(input.name);
  if (existing?.source === 'kubeconfig') throw conflict(`A hub named ${input.name} already exists: ${kubeconfigClash(existing)}`);
  if (existing || (await repo.findByName(input.name))) throw conflict(`A hub named ${input.name} is already registered`);
  if (input.ca) parseCertificates(input.ca, 'ca');
  const credentials = credentialsFromInput(input.credentials);
  validateCredentials(credentials);
  const spec: HubConnectionSpec = { name: input.name, server: input.server, caPem: input.ca ?? null, tlsServerName: input.tlsServerName ?? null, credentials };
  let test: HubTestResult | null = null;
  if (!input.skipConnectionTest) {
    test = await testConnectionWith(buildKubeConfig(spec), secretsOf(credentials));
    if (!test.ok) throw new HttpError(422, 'connection_failed', `Connection test failed (${test.failure}): ${test.message}`);
  }
  let row: HubRow;
  try {
    row = await repo.create({
      name: input.name,
      displayName: input.displayName ?? input.name,
      region: input.region ?? null,
      server: input.server,
      caPem: input.ca ?? null,
      tlsServerName: input.tlsServerName ?? null,
      credentialKind: credentials.kind,
      encryptedCredentials: encryptCredentials(JSON.stringify(credentials), key, input.name),
      createdById: actor.userId,
      createdByEmail: actor.email,
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`A hub named ${input.name} is already registered`);
    throw error;
  }
  // A kubeconfig hub of the same name may have appeared meanwhile: never replace it.
  if (ctx.manager.get(row.name)?.source !== 'kubeconfig') connectRow(ctx, row, credentials);
  return { item: await dtoForRow(ctx, row), test };
}

/** What a PATCH changed, for the audit reason (never values of secrets). */
export function describeHubChanges(body: UpdateHubInput): string {
  const changed: string[] = [];
  if (body.displayName !== undefined) changed.push('displayName');
  if (body.region !== undefined) changed.push(body.region === null ? 'region cleared' : 'region');
  if (body.server !== undefined) changed.push('server');
  if (body.ca !== undefined) changed.push(body.ca === null ? 'CA cleared (system trust store)' : 'CA replaced');
  if (body.tlsServerName !== undefined) changed.push(body.tlsServerName === null ? 'tlsServerName cleared' : 'tlsServerName');
  if (body.credentials) changed.push(`credentials replaced (${body.credentials.kind})`);
  return changed.join(', ');
}

async function registeredRowOrThrow(ctx: RegisteredHubsContext, name: string): Promise<HubRow> {
  const row = await hubsRepository(ctx.db).findByName(name);
  if (row) return row;
  const connection = ctx.manager.get(name);
  if (connection?.source === 'kubeconfig') throw conflict(`Cannot change hub ${name} here: ${kubeconfigClash(connection)}`);
  throw notFound(`No hub named ${name}`);
}

function storedCredentialsOrThrow(row: HubRow, key: Buffer): StoredCredentials {
  try {
    return decryptRow(row, key);
  } catch (error) {
    const reason = error instanceof CredentialDecryptError ? error.message : 'stored credentials cannot be read';
    throw new HttpError(409, 'credentials_unreadable', `The stored credentials of hub ${row.name} cannot be used: ${reason}. Send new credentials.`);
  }
}

/**
 * A stored hub's connection with the changed fields of an edit applied (PATCH and the edit form's
 * test): new PEM and credentials are validated; unchanged credentials are decrypted from the row.
 */
function connectionWithChanges(
  row: HubRow,
  body: Pick<UpdateHubInput, 'server' | 'ca' | 'tlsServerName' | 'credentials'>,
  key: Buffer,
): { spec: HubConnectionSpec; credentials: StoredCredentials; newCredentials: StoredCredentials | null } {
  if (body.ca) parseCertificates(body.ca, 'ca');
  const newCredentials = body.credentials ? credentialsFromInput(body.credentials) : null;
  if (newCredentials) validateCredentials(newCredentials);
  const credentials = newCredentials ?? storedCredentialsOrThrow(row, key);
  const spec: HubConnectionSpec = {
    name: row.name,
    server: body.server ?? row.server,
    caPem: body.ca === undefined ? row.caPem : body.ca,
    tlsServerName: body.tlsServerName === undefined ? row.tlsServerName : body.tlsServerName,
    credentials,
  };
  return { spec, credentials, newCredentials };
}

export async function updateHub(ctx: RegisteredHubsContext, name: string, body: UpdateHubInput): Promise<AdminHubResponse> {
  const row = await registeredRowOrThrow(ctx, name);
  const key = requireKey(ctx);
  const { spec, credentials, newCredentials } = connectionWithChanges(row, body, key);
  const connectionChanged = body.server !== undefined || body.ca !== undefined || body.tlsServerName !== undefined || newCredentials !== null;
  let test: HubTestResult | null = null;
  if (connectionChanged && !body.skipConnectionTest) {
    test = await testConnectionWith(buildKubeConfig(spec), secretsOf(credentials));
    if (!test.ok) throw new HttpError(422, 'connection_failed', `Connection test failed (${test.failure}): ${test.message}`);
  }
  const patch: HubRowPatch = {};
  if (body.displayName !== undefined) patch.displayName = body.displayName;
  if (body.region !== undefined) patch.region = body.region;
  if (body.server !== undefined) patch.server = body.server;
  if (body.ca !== undefined) patch.caPem = body.ca;
  if (body.tlsServerName !== undefined) patch.tlsServerName = body.tlsServerName;
  if (newCredentials) {
    patch.credentialKind = newCredentials.kind;
    patch.encryptedCredentials = encryptCredentials(JSON.stringify(newCredentials), key, name);
  }
  const updated = await hubsRepository(ctx.db).update(name, patch);
  if (ctx.manager.get(name)?.source !== 'kubeconfig') connectRow(ctx, updated, credentials);
  return { item: await dtoForRow(ctx, updated), test };
}

export async function deleteHub(ctx: RegisteredHubsContext, name: string): Promise<void> {
  await registeredRowOrThrow(ctx, name);
  await hubsRepository(ctx.db).delete(name);
  const state = stateOf(ctx.manager);
  state.problems.delete(name);
  state.loaded.delete(name);
  state.touched.set(name, performance.now());
  if (ctx.manager.get(name)?.source === 'registered') await ctx.manager.removeHub(name);
}

/**
 * Tests a stored hub's connection, optionally with fields replaced (the edit form). A kubeconfig
 * hub can be tested as configured (no replacements: those are edited in its file).
 */
export async function testStoredHub(ctx: RegisteredHubsContext, name: string, body: TestStoredHubInput): Promise<HubTestResult> {
  const row = await hubsRepository(ctx.db).findByName(name);
  if (!row) {
    const connection = ctx.manager.get(name);
    if (connection?.source !== 'kubeconfig') throw notFound(`No hub named ${name}`);
    if (Object.keys(body).length > 0) throw conflict(`Cannot test changed settings of hub ${name}: ${kubeconfigClash(connection)}`);
    return testConnectionWith(connection.definition.kubeConfig);
  }
  const { spec, credentials } = connectionWithChanges(row, body, requireKey(ctx));
  return testConnectionWith(buildKubeConfig(spec), secretsOf(credentials));
}

/**
 * Start-up (after the kubeconfig hubs): connects every registered hub. A hub whose name clashes
 * with a kubeconfig hub, or whose credentials cannot be decrypted, is skipped with a logged problem
 * that the admin list shows. Never throws for one bad row.
 */
export async function loadRegisteredHubs(ctx: RegisteredHubsContext): Promise<{ added: string[]; problems: Array<{ name: string; problem: string }> }> {
  const { added, problems } = await reconcileRegisteredHubs(ctx);
  return { added, problems };
}

/**
 * Brings this process's registered hubs in line with the database: connects rows it has not loaded
 * (or whose row changed since: updatedAt), disconnects registered hubs whose row is gone. Run at
 * start-up and then periodically, so hubs registered, changed or deleted on another replica follow.
 * A row that is unchanged and already has a problem is not retried (its problem stays).
 */
export async function reconcileRegisteredHubs(
  ctx: RegisteredHubsContext,
): Promise<{ added: string[]; removed: string[]; problems: Array<{ name: string; problem: string }> }> {
  const startedAt = performance.now();
  const rows = await hubsRepository(ctx.db).list();
  const state = stateOf(ctx.manager);
  // Changed by this process while the rows were read: the rows may be older than what runs.
  const fresh = (name: string) => (state.touched.get(name) ?? -Infinity) >= startedAt;
  const added: string[] = [];
  const removed: string[] = [];
  const found: Array<{ name: string; problem: string }> = [];
  const names = new Set(rows.map((row) => row.name));
  for (const row of rows) {
    const version = row.updatedAt.getTime();
    const existing = ctx.manager.get(row.name);
    if (fresh(row.name) || (existing?.source === 'registered' && state.loaded.get(row.name) === version)) continue;
    let problem: string | null = null;
    if (existing?.source === 'kubeconfig') {
      problem = `not connected: a context in ${kubeconfigFileOf(existing)} already defines hub ${row.name}; delete this registration or rename that context`;
    } else if (!ctx.env.secretKey) {
      problem = 'not connected: OVERLOOK_SECRET_KEY is not set, so the stored credentials cannot be decrypted';
    } else {
      try {
        connectRow(ctx, row, decryptRow(row, ctx.env.secretKey));
        added.push(row.name);
      } catch (error) {
        problem = `not connected: ${error instanceof CredentialDecryptError ? error.message : 'the stored credentials cannot be read'}`;
      }
    }
    if (problem) {
      const known = state.problems.get(row.name) === problem;
      state.problems.set(row.name, problem);
      found.push({ name: row.name, problem });
      if (!known) log.warn({ hub: row.name }, `registered hub ${row.name} ${problem}`);
      // A registered connection built from an older row version must not keep running.
      if (existing?.source === 'registered') {
        await ctx.manager.removeHub(row.name);
        state.loaded.delete(row.name);
      }
    }
  }
  for (const connection of ctx.manager.list()) {
    if (connection.source === 'registered' && !names.has(connection.name) && !fresh(connection.name)) {
      await ctx.manager.removeHub(connection.name);
      state.loaded.delete(connection.name);
      removed.push(connection.name);
    }
  }
  for (const name of [...state.problems.keys()]) if (!names.has(name)) state.problems.delete(name);
  if (added.length > 0 || removed.length > 0) log.info({ added, removed }, 'registered hubs loaded');
  return { added, removed, problems: found };
}

const RECONCILE_INTERVAL_MS = 30_000;

/** Re-reads the registered hubs every 30 s (other replicas' changes); returns a stop function. */
export function startRegisteredHubsSync(ctx: RegisteredHubsContext, intervalMs = RECONCILE_INTERVAL_MS): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    reconcileRegisteredHubs(ctx)
      .catch((error: unknown) => log.warn({ err: error }, 'could not re-read the registered hubs'))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref?.();
  return () => clearInterval(timer);
}
