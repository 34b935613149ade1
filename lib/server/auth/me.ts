import 'server-only';

import type { MeResponse } from '@/lib/contracts/auth';

import type { Principal } from './principal';

export function toMeResponse(principal: Principal): MeResponse {
  return {
    kind: principal.kind,
    id: principal.userId,
    email: principal.email,
    name: principal.name,
    locale: principal.locale,
    ...(principal.kind === 'token' && principal.tokenId
      ? { token: { id: principal.tokenId, scopes: principal.tokenScopes ?? [] } }
      : {}),
    bindings: principal.bindings,
  };
}
