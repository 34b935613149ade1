import { z } from 'zod';

import { hubStatusSchema } from '@/lib/contracts/fleet';

/**
 * Hub registration by platform admins: `/api/v1/admin/hubs/**`.
 *
 * Hubs come from two places: kubeconfig contexts (`OVERLOOK_KUBECONFIG`, read-only here: edit the
 * file) and hubs registered through this API, stored in the database with their credentials
 * encrypted (AES-256-GCM, key `OVERLOOK_SECRET_KEY`). Credentials are write-only: no response ever
 * contains a token, a client key or a client certificate — only what kind of credential is stored.
 * The CA certificate is not a secret and is shown by its SHA-256 fingerprint and subject.
 */

/** Reserved because they collide with static route segments under /api/v1/admin/hubs. */
const RESERVED_HUB_NAMES = new Set(['test', 'new']);

/** A hub name appears in URLs: a DNS label, like `cn-east`. */
export const HubNameSchema = z
  .string()
  .trim()
  .min(2, 'name must be at least 2 characters')
  .max(63, 'name must be at most 63 characters')
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'name may contain only lowercase letters, digits and dashes, and must start and end with a letter or digit')
  .refine((name) => !RESERVED_HUB_NAMES.has(name), 'name is reserved; choose another');

/** Path segment of /api/v1/admin/hubs/{name}: any name is looked up (an unknown one answers 404). */
export const HubParamsSchema = z.object({ name: z.string().trim().min(1, 'name is required').max(63, 'name must be at most 63 characters') });

/** The Kubernetes API server: an https URL (hubs serve TLS; plain http is refused). */
export const HubServerUrlSchema = z
  .string()
  .trim()
  .min(1, 'server is required')
  .max(2048, 'server must be at most 2048 characters')
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' && url.hostname !== '' && url.username === '' && url.password === '' && url.search === '' && url.hash === '';
    } catch {
      return false;
    }
  }, 'server must be an https:// URL such as https://10.0.0.1:6443, without credentials, query or fragment');

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/;
const PEM_PRIVATE_KEY = /-----BEGIN (RSA |EC |ENCRYPTED )?PRIVATE KEY-----[\s\S]+?-----END (RSA |EC |ENCRYPTED )?PRIVATE KEY-----/;

/** One or more PEM certificates (a CA bundle). Validated again server-side by parsing. */
export const PemCertificateSchema = z
  .string()
  .trim()
  .max(65_536, 'certificate must be at most 64 KiB')
  .regex(PEM_CERTIFICATE, 'must be a PEM certificate (-----BEGIN CERTIFICATE----- …)');

export const PemPrivateKeySchema = z
  .string()
  .trim()
  .max(65_536, 'key must be at most 64 KiB')
  .regex(PEM_PRIVATE_KEY, 'must be a PEM private key (-----BEGIN PRIVATE KEY----- …)')
  .refine((pem) => !pem.includes('ENCRYPTED'), 'encrypted private keys are not supported; provide the key without a passphrase');

/** How Overlook authenticates to the hub. Write-only: never returned. */
export const HubCredentialsInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('token'), token: z.string().trim().min(1, 'token is required').max(16_384, 'token must be at most 16 KiB') }).strict(),
  z.object({ kind: z.literal('client-certificate'), certificate: PemCertificateSchema, key: PemPrivateKeySchema }).strict(),
]);
export type HubCredentialsInput = z.infer<typeof HubCredentialsInputSchema>;
export const HUB_CREDENTIAL_KINDS = ['token', 'client-certificate'] as const;
export type HubCredentialKind = (typeof HUB_CREDENTIAL_KINDS)[number];

const DisplayNameSchema = z.string().trim().min(1, 'displayName must not be empty').max(120, 'displayName must be at most 120 characters');
const RegionSchema = z
  .string()
  .trim()
  .min(1, 'region must not be empty')
  .max(63, 'region must be at most 63 characters')
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'region may contain only lowercase letters, digits and dashes');

/**
 * The connection part of a hub: what "Test connection" needs. `ca` omitted → the system trust store.
 * `tlsServerName` overrides the name checked in the server certificate (e.g. an IP URL with a DNS cert).
 */
export const HubConnectionInputSchema = z
  .object({
    server: HubServerUrlSchema,
    ca: PemCertificateSchema.optional(),
    tlsServerName: z.string().trim().min(1).max(253).optional(),
    credentials: HubCredentialsInputSchema,
  })
  .strict();
export type HubConnectionInput = z.input<typeof HubConnectionInputSchema>;

/**
 * POST /api/v1/admin/hubs — register a hub. The connection is tested first unless skipConnectionTest;
 * a failed test answers 422 `connection_failed` with the test's message (nothing is stored).
 * 409 `conflict` when the name is taken (by a registered or a kubeconfig hub); 409
 * `registration_disabled` when OVERLOOK_SECRET_KEY is not configured.
 */
export const CreateHubRequestSchema = HubConnectionInputSchema.extend({
  name: HubNameSchema,
  displayName: DisplayNameSchema.optional(),
  /** Region label; omitted → the nodes' topology.kubernetes.io/region, then the hub name. */
  region: RegionSchema.optional(),
  /** Register even when the connection test fails (e.g. the hub is down for maintenance). */
  skipConnectionTest: z.boolean().default(false),
}).strict();
export type CreateHubRequest = z.input<typeof CreateHubRequestSchema>;

/**
 * PATCH /api/v1/admin/hubs/{name} — change a registered hub. Omitted fields stay; `credentials`
 * replaces the stored credential; `ca: null` / `region: null` / `tlsServerName: null` clear them.
 * A changed connection (server, ca, tlsServerName, credentials) is tested unless skipConnectionTest.
 */
export const UpdateHubRequestSchema = z
  .object({
    displayName: DisplayNameSchema.optional(),
    region: RegionSchema.nullable().optional(),
    server: HubServerUrlSchema.optional(),
    ca: PemCertificateSchema.nullable().optional(),
    tlsServerName: z.string().trim().min(1).max(253).nullable().optional(),
    credentials: HubCredentialsInputSchema.optional(),
    skipConnectionTest: z.boolean().default(false),
  })
  .strict()
  .refine((body) => Object.keys(body).some((key) => key !== 'skipConnectionTest'), 'nothing to change: give at least one field');
export type UpdateHubRequest = z.input<typeof UpdateHubRequestSchema>;

/**
 * POST /api/v1/admin/hubs/test — test a connection before saving (nothing is stored).
 * POST /api/v1/admin/hubs/{name}/test — test a registered hub's stored connection, optionally with
 * some fields replaced (the same fields as PATCH, e.g. a new token) — what the edit form uses.
 */
export const TestHubRequestSchema = HubConnectionInputSchema;
export const TestStoredHubRequestSchema = z
  .object({
    server: HubServerUrlSchema.optional(),
    ca: PemCertificateSchema.nullable().optional(),
    tlsServerName: z.string().trim().min(1).max(253).nullable().optional(),
    credentials: HubCredentialsInputSchema.optional(),
  })
  .strict();

/** Why a connection test failed, for the UI to explain and suggest a fix. */
export const HUB_TEST_FAILURES = [
  /** DNS, refused, timeout, no route. */
  'unreachable',
  /** Certificate not trusted / wrong CA / name mismatch / not TLS. */
  'tls',
  /** 401: the token or client certificate was rejected. */
  'unauthorized',
  /** Authenticated but cannot list nodes/pods (RBAC). */
  'forbidden',
  /** It answered, but is not a Kubernetes API server. */
  'not-kubernetes',
] as const;
export const HubTestFailureSchema = z.enum(HUB_TEST_FAILURES);

/** The answer of a connection test: 200 either way (a failed test is a result, not an error). */
export const HubTestResultSchema = z.object({
  ok: z.boolean(),
  /** Set when ok is false. */
  failure: HubTestFailureSchema.nullable(),
  /** Plain sentence: what happened and what to check; never credentials. */
  message: z.string(),
  /** Round trip of the version request, ms. */
  latencyMs: z.number().nullable(),
  /** `/version` gitVersion, e.g. `v1.29.3`. */
  kubernetesVersion: z.string().nullable(),
  /** What the credential may read — each a list request with limit=1 (true/false, null = not checked). */
  access: z.object({ nodes: z.boolean().nullable(), pods: z.boolean().nullable() }),
  /** Nodes the hub reports (from the list metadata), when readable. */
  nodeCount: z.number().int().nullable(),
  /** Whether the KubeEdge NodeGroup CRD is served (a KubeEdge hub). */
  kubeedge: z.boolean().nullable(),
});
export type HubTestResult = z.infer<typeof HubTestResultSchema>;

/** A hub as the admin API shows it: configuration and live status, never credentials. */
export const AdminHubSchema = z.object({
  name: z.string(),
  displayName: z.string(),
  /** Configured region, or null when it is derived from node labels. */
  region: z.string().nullable(),
  /** The region in effect (configured, else from nodes, else the name). */
  effectiveRegion: z.string(),
  source: z.enum(['kubeconfig', 'registered']),
  /** Kubeconfig hubs: the file that defines it (editable only there). Null for registered hubs. */
  kubeconfigFile: z.string().nullable(),
  server: z.string(),
  tlsServerName: z.string().nullable(),
  /** The CA bundle in use, by fingerprint; null = system trust store. */
  ca: z.object({ subject: z.string(), sha256: z.string(), notAfter: z.string() }).nullable(),
  /** What kind of credential is stored; the credential itself is never returned. */
  credentialKind: z.enum(['token', 'client-certificate', 'exec', 'other']),
  /**
   * Registered hubs only: a problem that keeps the hub from connecting, e.g. credentials that the
   * configured OVERLOOK_SECRET_KEY cannot decrypt. Null when none.
   */
  problem: z.string().nullable(),
  status: hubStatusSchema.nullable(),
  statusSince: z.string().nullable(),
  lastSyncAt: z.string().nullable(),
  error: z.string().nullable(),
  kubernetesVersion: z.string().nullable(),
  createdAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  /** Email of the admin who registered it (null for kubeconfig hubs or a deleted user). */
  createdBy: z.string().nullable(),
});
export type AdminHubDto = z.infer<typeof AdminHubSchema>;

export const AdminHubListResponseSchema = z.object({
  items: z.array(AdminHubSchema),
  /** False when OVERLOOK_SECRET_KEY is not set: hubs cannot be registered (the UI says why). */
  registrationEnabled: z.boolean(),
  /** The reason when registration is disabled. */
  registrationDisabledReason: z.string().nullable(),
});
export type AdminHubListResponse = z.infer<typeof AdminHubListResponseSchema>;

/** 201/200 answers of POST/PATCH carry the hub and the connection test that ran (null when skipped). */
export const AdminHubResponseSchema = z.object({ item: AdminHubSchema, test: HubTestResultSchema.nullable() });
export type AdminHubResponse = z.infer<typeof AdminHubResponseSchema>;
