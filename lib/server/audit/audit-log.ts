import 'server-only';

import { AUDIT_CSV_COLUMNS, AUDIT_CSV_MAX_ROWS, type AuditEventDto, type AuditFilter, type AuditListResponse, type AuditOutcome } from '@/lib/contracts/audit';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { getDb } from '@/lib/server/db/client';
import { badRequest } from '@/lib/server/http/errors';
import { childLogger } from '@/lib/server/logger';

const log = childLogger({ module: 'audit' });

/** Who acted, as recorded. */
export type AuditActorInput = {
  kind: 'user' | 'token' | 'anonymous';
  userId?: string | null;
  email?: string | null;
  tokenId?: string | null;
  tokenPrefix?: string | null;
};

/** Where the request came from. */
export type AuditRequestInfo = { requestId?: string | null; clientIp?: string | null; userAgent?: string | null };

export type AuditEventInput = {
  actor: AuditActorInput;
  action: string;
  outcome: AuditOutcome;
  target?: { hub?: string | null; namespace?: string | null; kind?: string | null; name?: string | null };
  tenant?: string | null;
  reason?: string | null;
  status?: number | null;
  request?: AuditRequestInfo;
  time?: Date;
};

const MAX_TEXT = 1000;
const clip = (value: string | null | undefined, max = MAX_TEXT): string | null => (value == null ? null : value.slice(0, max));

/**
 * Appends one event. There is deliberately no update or delete function (the table's trigger
 * refuses them too). A failure to write is logged loudly but does not undo what was audited.
 */
export async function recordAuditEvent(event: AuditEventInput, db?: PrismaClient): Promise<void> {
  try {
    const client = db ?? (await getDb());
    await client.auditEvent.create({
      data: {
        time: event.time ?? new Date(),
        actorKind: event.actor.kind,
        actorUserId: clip(event.actor.userId, 64),
        actorEmail: clip(event.actor.email, 320),
        tokenId: clip(event.actor.tokenId, 64),
        tokenPrefix: clip(event.actor.tokenPrefix, 64),
        action: event.action.slice(0, 64),
        outcome: event.outcome,
        status: event.status ?? null,
        targetHub: clip(event.target?.hub, 63),
        targetNamespace: clip(event.target?.namespace, 253),
        targetKind: clip(event.target?.kind, 64),
        targetName: clip(event.target?.name, 320),
        tenant: clip(event.tenant, 63),
        reason: clip(event.reason),
        requestId: clip(event.request?.requestId, 100),
        clientIp: clip(event.request?.clientIp, 100),
        userAgent: clip(event.request?.userAgent, 500),
      },
    });
  } catch (error) {
    log.error({ err: error, action: event.action, outcome: event.outcome }, 'could not write audit event');
  }
}

/** X-Forwarded-For's first hop (the client as the first proxy saw it), else X-Real-IP. */
export function clientIpOf(headers: Headers): string | null {
  const forwarded = headers.get('x-forwarded-for');
  if (forwarded) {
    const first = forwarded.split(',')[0]?.trim();
    if (first) return first;
  }
  return headers.get('x-real-ip')?.trim() || null;
}

export function requestInfoOf(headers: Headers, requestId?: string | null): AuditRequestInfo {
  return { requestId: requestId ?? headers.get('x-request-id'), clientIp: clientIpOf(headers), userAgent: headers.get('user-agent') };
}

/** The actor of a Principal-like caller. */
export function actorOf(principal: { kind: 'user' | 'token'; userId: string; email: string; tokenId?: string; tokenPrefix?: string } | null): AuditActorInput {
  if (!principal) return { kind: 'anonymous' };
  return {
    kind: principal.kind,
    userId: principal.userId,
    email: principal.email,
    tokenId: principal.tokenId ?? null,
    tokenPrefix: principal.tokenPrefix ?? null,
  };
}

// ------------------------------------------------------------------------------------------------
// Reading
// ------------------------------------------------------------------------------------------------

/** Which events a caller may read (from rbac/policy auditScopeFor). */
export type AuditReadScope = { kind: 'all' } | { kind: 'tenants'; tenants: ReadonlySet<string> };

type AuditRow = Prisma.AuditEventGetPayload<object>;

export function toAuditEventDto(row: AuditRow): AuditEventDto {
  return {
    id: row.id.toString(),
    time: row.time.toISOString(),
    actor: { kind: row.actorKind as AuditEventDto['actor']['kind'], userId: row.actorUserId, email: row.actorEmail, tokenId: row.tokenId, tokenPrefix: row.tokenPrefix },
    action: row.action,
    target: { hub: row.targetHub, namespace: row.targetNamespace, kind: row.targetKind, name: row.targetName },
    outcome: row.outcome as AuditOutcome,
    reason: row.reason,
    tenant: row.tenant,
    requestId: row.requestId,
    clientIp: row.clientIp,
    userAgent: row.userAgent,
    status: row.status,
  };
}

function whereOf(filter: AuditFilter, scope: AuditReadScope): Prisma.AuditEventWhereInput {
  const and: Prisma.AuditEventWhereInput[] = [];
  if (scope.kind === 'tenants') and.push({ tenant: { in: [...scope.tenants] } });
  if (filter.tenant) and.push({ tenant: filter.tenant });
  if (filter.actor) {
    const contains = { contains: filter.actor, mode: 'insensitive' as const };
    and.push({ OR: [{ actorEmail: contains }, { actorUserId: filter.actor }, { tokenId: filter.actor }, { tokenPrefix: contains }] });
  }
  if (filter.action?.length) and.push({ action: { in: filter.action } });
  if (filter.outcome?.length) and.push({ outcome: { in: filter.outcome } });
  if (filter.from) and.push({ time: { gte: filter.from } });
  if (filter.to) and.push({ time: { lt: filter.to } });
  if (filter.hub) and.push({ targetHub: filter.hub });
  if (filter.namespace) and.push({ targetNamespace: filter.namespace });
  if (filter.target) {
    const contains = { contains: filter.target, mode: 'insensitive' as const };
    and.push({ OR: [{ targetHub: contains }, { targetNamespace: contains }, { targetName: contains }] });
  }
  return and.length > 0 ? { AND: and } : {};
}

function decodeCursor(cursor: string | undefined): bigint | null {
  if (!cursor) return null;
  if (!/^[0-9]{1,19}$/.test(cursor)) throw badRequest('cursor', '"cursor" is not a cursor this server issued; start again without it');
  return BigInt(cursor);
}

/** Newest first, keyset-paged on the monotonic id (stable while new events arrive). */
export async function listAuditEvents(
  filter: AuditFilter & { cursor?: string; limit: number },
  scope: AuditReadScope,
  db?: PrismaClient,
): Promise<AuditListResponse> {
  const client = db ?? (await getDb());
  const before = decodeCursor(filter.cursor);
  const where = whereOf(filter, scope);
  const rows = await client.auditEvent.findMany({
    where: before === null ? where : { AND: [where, { id: { lt: before } }] },
    orderBy: { id: 'desc' },
    take: filter.limit + 1,
  });
  const page = rows.slice(0, filter.limit);
  return {
    items: page.map(toAuditEventDto),
    nextCursor: rows.length > filter.limit ? page[page.length - 1].id.toString() : null,
  };
}

/** RFC 4180 field: quoted when it holds a comma, quote or line break; formula-leading characters neutralised. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  // Spreadsheet apps execute cells starting with = + - @ (CSV injection): prefix a quote.
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csvRow(event: AuditEventDto): string {
  const values: Record<(typeof AUDIT_CSV_COLUMNS)[number], string | number | null> = {
    time: event.time,
    actor_kind: event.actor.kind,
    actor_email: event.actor.email,
    actor_user_id: event.actor.userId,
    token_id: event.actor.tokenId,
    token_prefix: event.actor.tokenPrefix,
    action: event.action,
    outcome: event.outcome,
    status: event.status,
    target_hub: event.target.hub,
    target_namespace: event.target.namespace,
    target_kind: event.target.kind,
    target_name: event.target.name,
    tenant: event.tenant,
    reason: event.reason,
    request_id: event.requestId,
    client_ip: event.clientIp,
    user_agent: event.userAgent,
  };
  return AUDIT_CSV_COLUMNS.map((column) => csvField(values[column])).join(',') + '\r\n';
}

const EXPORT_BATCH = 1000;

/**
 * The CSV export as a stream: read in batches (memory stays bounded), pulled as the client reads,
 * stopping after `maxRows` with a final comment line saying the export was cut.
 */
export function auditCsvStream(filter: AuditFilter, scope: AuditReadScope, options: { maxRows?: number; db?: PrismaClient } = {}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const maxRows = options.maxRows ?? AUDIT_CSV_MAX_ROWS;
  let cursor: string | undefined;
  let written = 0;
  let headerSent = false;
  let done = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (!headerSent) {
          headerSent = true;
          controller.enqueue(encoder.encode(AUDIT_CSV_COLUMNS.join(',') + '\r\n'));
          return;
        }
        if (done) {
          controller.close();
          return;
        }
        const limit = Math.min(EXPORT_BATCH, maxRows - written);
        const page = await listAuditEvents({ ...filter, cursor, limit }, scope, options.db);
        written += page.items.length;
        let chunk = page.items.map(csvRow).join('');
        if (page.nextCursor && written >= maxRows) {
          chunk += `# export stopped after ${maxRows} rows; narrow the time range for the rest\r\n`;
          done = true;
        } else if (!page.nextCursor) {
          done = true;
        }
        cursor = page.nextCursor ?? undefined;
        if (chunk) controller.enqueue(encoder.encode(chunk));
        if (done) controller.close();
      } catch (error) {
        log.error({ err: error }, 'audit export failed');
        controller.error(error);
      }
    },
  });
}
