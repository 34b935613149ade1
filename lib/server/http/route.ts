import 'server-only';

import { randomUUID } from 'node:crypto';

import { unstable_rethrow } from 'next/navigation';
import { NextResponse, type NextRequest } from 'next/server';
import { z, type ZodType } from 'zod';

import type { ApiError } from '@/lib/contracts/errors';
import { recordRouteOutcome, type AuditNote } from '@/lib/server/audit/route-audit';
import { getPrincipalFromRequest, type Principal } from '@/lib/server/auth/principal';
import { childLogger } from '@/lib/server/logger';

import { HttpError } from './errors';

const log = childLogger({ module: 'http' });

export type RouteSpec = {
  /** 'required' (default): 401 without a session or valid API token. */
  auth?: 'required' | 'public';
  /** Path segments (Next 16 passes them as a Promise; we await and validate). */
  params?: ZodType;
  /** Query string: single values as strings, repeated keys as string arrays. */
  query?: ZodType;
  /** JSON body. */
  body?: ZodType;
  /**
   * Token scope needed. Default: 'read' for GET/HEAD/OPTIONS, 'write' otherwise
   * (set 'read' for a POST that only reads, e.g. a search with a large filter body).
   */
  tokenScope?: 'read' | 'write';
};

type Parsed<T> = T extends ZodType ? z.output<T> : undefined;

export type RouteContext<S extends RouteSpec> = {
  req: NextRequest;
  principal: S['auth'] extends 'public' ? Principal | null : Principal;
  params: Parsed<S['params']>;
  query: Parsed<S['query']>;
  body: Parsed<S['body']>;
  requestId: string;
  /** Fill in action/target/tenant so the audit trail names what this request did (or tried). */
  audit: AuditNote;
};

/** What Next 16 passes as the second argument of a route handler. */
type NextRouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

export type RouteHandler = (req: NextRequest, context: NextRouteContext) => Promise<Response>;

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,100}$/;
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function errorResponse(status: number, error: ApiError['error']): NextResponse {
  return NextResponse.json({ error } satisfies ApiError, { status });
}

function describePath(path: readonly PropertyKey[], fallback: string): string {
  return path.length === 0 ? fallback : path.map(String).join('.');
}

// zod's built-in English messages start like this; custom messages from schema authors don't.
const DEFAULT_ZOD_MESSAGE = /^(Invalid|Too (big|small)|Unrecognized|Expected)/;

/** Turns the first zod issue into `{ param, message }` with a plain sentence naming the param. */
export function describeZodIssue(issue: z.core.$ZodIssue, source: 'params' | 'query' | 'body'): {
  param: string;
  message: string;
} {
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0];
    const param = describePath([...issue.path, key], source);
    return { param, message: `Unknown parameter "${param}"` };
  }
  const param = describePath(issue.path, source);
  if (!DEFAULT_ZOD_MESSAGE.test(issue.message)) return { param, message: issue.message };
  const subject = `"${param}"`;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.message.includes('received undefined')) return { param, message: `${subject} is required` };
      return { param, message: `${subject} must be ${article(issue.expected)} ${issue.expected}` };
    case 'too_big': {
      const unit = sizeUnit(issue.origin);
      const bound = issue.inclusive === false ? 'less than' : 'at most';
      return { param, message: `${subject} must be ${bound} ${String(issue.maximum)}${unit}` };
    }
    case 'too_small': {
      const unit = sizeUnit(issue.origin);
      const bound = issue.inclusive === false ? 'more than' : 'at least';
      return { param, message: `${subject} must be ${bound} ${String(issue.minimum)}${unit}` };
    }
    case 'invalid_value':
      return {
        param,
        message: `${subject} must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`,
      };
    case 'invalid_format':
      return { param, message: `${subject} must be a valid ${issue.format}` };
    default:
      return { param, message: `${subject} is invalid` };
  }
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

function sizeUnit(origin: string): string {
  if (origin === 'string') return ' characters';
  if (origin === 'array' || origin === 'set') return ' items';
  return '';
}

function validate<T extends ZodType | undefined>(
  schema: T,
  input: unknown,
  source: 'params' | 'query' | 'body',
): Parsed<T> {
  if (!schema) return undefined as Parsed<T>;
  const result = schema.safeParse(input);
  if (result.success) return result.data as Parsed<T>;
  const { param, message } = describeZodIssue(result.error.issues[0], source);
  throw new HttpError(400, 'bad_request', message, { param });
}

/** Query string → object; a key given twice becomes an array. */
export function searchParamsToObject(searchParams: URLSearchParams): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const key of new Set(searchParams.keys())) {
    const values = searchParams.getAll(key);
    result[key] = values.length === 1 ? values[0] : values;
  }
  return result;
}

async function readJsonBody(req: NextRequest): Promise<unknown> {
  const text = await req.text();
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'bad_request', 'The request body must be valid JSON', { param: 'body' });
  }
}

/**
 * Wraps an App Router route handler: request id → authenticate → token scope → validate
 * params/query/body → handler → JSON, with every error mapped to the ApiError shape.
 * The handler returns a DTO (sent as 200 JSON; undefined → 204) or its own Response.
 */
export function defineRoute<const S extends RouteSpec>(
  spec: S,
  handler: (context: RouteContext<S>) => unknown | Promise<unknown>,
): RouteHandler {
  return async function routeHandler(req, nextContext) {
    const started = performance.now();
    const incoming = req.headers.get('x-request-id');
    const requestId = incoming && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
    const method = req.method.toUpperCase();
    // Invitation tokens are secrets: never let one reach a log line or the audit trail.
    const path = req.nextUrl.pathname.replace(/\/invitations\/[^/]+/, '/invitations/<token>');
    let response: Response;
    let principal: Principal | null = null;
    const audit: AuditNote = {};
    let errorMessage: string | null = null;
    try {
      if (spec.auth === 'public') {
        // Public routes (health, readiness) must answer even when the database that sessions
        // are checked against is down: an unresolvable caller is treated as anonymous.
        principal = await getPrincipalFromRequest(req).catch((error: unknown) => {
          log.warn({ err: error, requestId, path }, 'could not resolve the caller of a public route');
          return null;
        });
      } else {
        principal = await getPrincipalFromRequest(req);
      }
      if (!principal && spec.auth !== 'public') {
        throw new HttpError(401, 'unauthorized', 'Sign in or send a valid API token');
      }
      const neededScope = spec.tokenScope ?? (READ_METHODS.has(method) ? 'read' : 'write');
      if (principal?.kind === 'token' && !(principal.tokenScopes ?? []).includes(neededScope)) {
        throw new HttpError(403, 'forbidden', `This API token does not have the "${neededScope}" scope`);
      }
      const params = validate(spec.params, (await nextContext?.params) ?? {}, 'params');
      const query = validate(spec.query, searchParamsToObject(req.nextUrl.searchParams), 'query');
      const body = (spec.body ? validate(spec.body, await readJsonBody(req), 'body') : undefined) as Parsed<S['body']>;
      const result = await handler({
        req,
        principal: principal as RouteContext<S>['principal'],
        params: params as Parsed<S['params']>,
        query: query as Parsed<S['query']>,
        body,
        requestId,
        audit,
      });
      if (result instanceof Response) response = result;
      else if (result === undefined) response = new NextResponse(null, { status: 204 });
      else response = NextResponse.json(result);
    } catch (error) {
      // Let Next's own control-flow errors (redirect(), notFound()) do their job.
      unstable_rethrow(error);
      if (error instanceof HttpError) {
        errorMessage = error.message;
        response = errorResponse(error.status, {
          code: error.code,
          message: error.message,
          ...(error.param !== undefined ? { param: error.param } : {}),
          requestId,
        });
      } else {
        errorMessage = 'internal error';
        log.error({ err: error, requestId, method, path, userId: principal?.userId }, 'unhandled error in route');
        response = errorResponse(500, {
          code: 'internal',
          message: `Something went wrong on our side. Request id ${requestId}`,
          requestId,
        });
      }
    }
    // Every mutation and every denial lands in the audit trail (recordRouteOutcome never throws).
    await recordRouteOutcome({ req, method, path, principal, requestId, status: response.status, errorMessage, note: audit });
    try {
      response.headers.set('x-request-id', requestId);
      if (!response.headers.has('cache-control')) response.headers.set('cache-control', 'no-store');
    } catch {
      // Some Responses (e.g. Response.redirect) have immutable headers; the id is a courtesy.
    }
    log.debug(
      { requestId, method, path, status: response.status, ms: Math.round(performance.now() - started) },
      'request',
    );
    return response;
  };
}
