import { z } from 'zod';

/**
 * The audit trail: who did (or tried to do) what to which object, with what outcome.
 * `GET /api/v1/audit` (platform admins and auditors: everything; tenant admins: their tenants' events)
 * and `GET /api/v1/audit/export.csv` (same filters, CSV).
 */

/** Actions recorded today. New actions may appear later: clients must tolerate unknown strings. */
export const AUDIT_ACTIONS = [
  'sign-in',
  'node.cordon',
  'node.uncordon',
  'pod.restart',
  'deployment.restart',
  'deployment.scale',
  'hub.create',
  'hub.update',
  'hub.delete',
  /** A refused hub connection test (successful tests change nothing and are not recorded). */
  'hub.test',
  'user.create',
  'user.update',
  'user.disable',
  'user.enable',
  'user.password-reset',
  'tenant.create',
  'tenant.update',
  'tenant.delete',
  'tenant.namespace.assign',
  'tenant.namespace.unassign',
  'member.add',
  'member.update',
  'member.remove',
  'role-binding.create',
  'role-binding.delete',
  'token.create',
  'token.revoke',
  /** An invitation link was created (the token itself is never recorded). */
  'invitation.create',
  /** An invitation link was used to set the password. */
  'invitation.accept',
  /** A denied request that maps to no specific action (e.g. a forbidden admin read). */
  'request',
] as const;
export type KnownAuditAction = (typeof AUDIT_ACTIONS)[number];

export const AuditActionSchema = z.string().min(1).max(64).regex(/^[a-z0-9.-]+$/, 'action must be an audit action such as "pod.restart"');

export const AUDIT_OUTCOMES = ['allowed', 'denied', 'failed'] as const;
export const AuditOutcomeSchema = z.enum(AUDIT_OUTCOMES);
export type AuditOutcome = z.infer<typeof AuditOutcomeSchema>;

export const AuditActorSchema = z.object({
  /** `user` (session), `token` (API token), `anonymous` (e.g. a failed sign-in for an unknown email). */
  kind: z.enum(['user', 'token', 'anonymous']),
  userId: z.string().nullable(),
  /** The user's email, or the email typed at a failed sign-in. */
  email: z.string().nullable(),
  tokenId: z.string().nullable(),
  /** Public token prefix (`olk_<prefix>_…`). */
  tokenPrefix: z.string().nullable(),
});
export type AuditActor = z.infer<typeof AuditActorSchema>;

export const AuditTargetSchema = z.object({
  hub: z.string().nullable(),
  namespace: z.string().nullable(),
  /** Node, Pod, Deployment, User, Tenant, RoleBinding, ApiToken, Hub, Session, Route… */
  kind: z.string().nullable(),
  name: z.string().nullable(),
});
export type AuditTarget = z.infer<typeof AuditTargetSchema>;

export const AuditEventSchema = z.object({
  id: z.string(),
  /** ISO time. */
  time: z.string(),
  actor: AuditActorSchema,
  action: z.string(),
  target: AuditTargetSchema,
  outcome: AuditOutcomeSchema,
  /** Why it was denied/failed, or a short description of what was done. */
  reason: z.string().nullable(),
  /** Tenant the target belongs to, when it belongs to one (drives tenant admins' view). */
  tenant: z.string().nullable(),
  requestId: z.string().nullable(),
  /** First hop of X-Forwarded-For, else the peer address. */
  clientIp: z.string().nullable(),
  userAgent: z.string().nullable(),
  /** HTTP status the caller got (when it came from an API request). */
  status: z.number().int().nullable(),
});
export type AuditEventDto = z.infer<typeof AuditEventSchema>;

const listOf = <T extends z.ZodType>(schema: T) =>
  z.union([schema, z.array(schema)]).transform((value) => (Array.isArray(value) ? value : [value]) as z.output<T>[]);

const isoTime = (param: string) =>
  z
    .string()
    .refine((value) => !Number.isNaN(Date.parse(value)), `${param} must be an ISO date-time such as 2026-12-01T09:00:00Z`)
    .transform((value) => new Date(value));

const auditFilterFields = {
  /** Substring of the actor's email, user id, token id or token prefix. */
  actor: z.string().trim().min(1).max(320).optional(),
  /** Exact action(s); repeat the key for several. */
  action: listOf(AuditActionSchema).optional(),
  outcome: listOf(AuditOutcomeSchema).optional(),
  /** Inclusive lower bound (ISO). */
  from: isoTime('from').optional(),
  /** Exclusive upper bound (ISO). */
  to: isoTime('to').optional(),
  /** Substring matched against the target's hub, namespace and name. */
  target: z.string().trim().min(1).max(253).optional(),
  /** Exact target hub / namespace. */
  hub: z.string().trim().min(1).max(63).optional(),
  namespace: z.string().trim().min(1).max(253).optional(),
  /** Events of one tenant (tenant admins only ever see their tenants' events). */
  tenant: z.string().trim().min(1).max(63).optional(),
};

const fromBeforeTo = (filter: { from?: Date; to?: Date }) => !filter.from || !filter.to || filter.from < filter.to;

/** Filters of GET /api/v1/audit/export.csv (query string). */
export const AuditFilterSchema = z
  .object(auditFilterFields)
  .strict()
  .refine(fromBeforeTo, { message: '"from" must be before "to"', path: ['from'] });

/** GET /api/v1/audit query string: the filters plus paging. */
export const AuditListQuerySchema = z
  .object({
    ...auditFilterFields,
    /** Opaque; from the previous page's nextCursor. */
    cursor: z.string().min(1).max(200).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict()
  .refine(fromBeforeTo, { message: '"from" must be before "to"', path: ['from'] });
export type AuditListQuery = z.input<typeof AuditListQuerySchema>;
export type AuditFilter = z.output<typeof AuditFilterSchema>;

/** GET /api/v1/audit — newest first. */
export const AuditListResponseSchema = z.object({
  items: z.array(AuditEventSchema),
  nextCursor: z.string().nullable(),
});
export type AuditListResponse = z.infer<typeof AuditListResponseSchema>;

/** Columns of the CSV export, in order (header row uses these names). */
export const AUDIT_CSV_COLUMNS = [
  'time',
  'actor_kind',
  'actor_email',
  'actor_user_id',
  'token_id',
  'token_prefix',
  'action',
  'outcome',
  'status',
  'target_hub',
  'target_namespace',
  'target_kind',
  'target_name',
  'tenant',
  'reason',
  'request_id',
  'client_ip',
  'user_agent',
] as const;

/** The export stops after this many rows (the last line then says so); narrow the filters for more. */
export const AUDIT_CSV_MAX_ROWS = 100_000;
