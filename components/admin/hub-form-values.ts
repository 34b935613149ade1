/**
 * The hub form's values and the request bodies built from them (pure, unit-tested): what the
 * register form posts, and the edit form's diff against the stored hub — blank credentials mean
 * "keep the stored one", a cleared region or TLS name means null.
 */
import type { AdminHubDto, HubCredentialKind } from '@/lib/contracts/hub-admin';

export type Values = {
  name: string;
  displayName: string;
  region: string;
  server: string;
  ca: string;
  /** Edit only: drop the stored CA and use the system trust store. */
  caClear: boolean;
  tlsServerName: string;
  authKind: HubCredentialKind;
  token: string;
  certificate: string;
  key: string;
};

export const CONNECTION_KEYS: ReadonlyArray<keyof Values> = ['server', 'ca', 'caClear', 'tlsServerName', 'authKind', 'token', 'certificate', 'key'];
export const FIELDS = ['name', 'displayName', 'region', 'server', 'ca', 'tlsServerName', 'credentials.token', 'credentials.certificate', 'credentials.key', 'credentials'] as const;

export function initialValues(hub: AdminHubDto | null): Values {
  return {
    name: hub?.name ?? '',
    displayName: hub?.displayName ?? '',
    region: hub?.region ?? '',
    server: hub?.server ?? '',
    ca: '',
    caClear: false,
    tlsServerName: hub?.tlsServerName ?? '',
    authKind: hub?.credentialKind === 'client-certificate' ? 'client-certificate' : 'token',
    token: '',
    certificate: '',
    key: '',
  };
}

const blankToUndefined = (value: string) => (value.trim() ? value.trim() : undefined);

export function credentialsOf(values: Values) {
  return values.authKind === 'token'
    ? { kind: 'token' as const, token: values.token }
    : { kind: 'client-certificate' as const, certificate: values.certificate, key: values.key };
}

/** Edit: a credential counts as entered once any of its inputs has text (blank = keep the stored one). */
function credentialsEntered(values: Values): boolean {
  return values.authKind === 'token' ? values.token.trim() !== '' : values.certificate.trim() !== '' || values.key.trim() !== '';
}

/** The fields of a registered hub's connection that the edit form changes (for PATCH and /{name}/test). */
export function changedConnection(hub: AdminHubDto, values: Values) {
  const body: { server?: string; ca?: string | null; tlsServerName?: string | null; credentials?: ReturnType<typeof credentialsOf> } = {};
  if (values.server.trim() !== hub.server) body.server = values.server;
  if (values.caClear) body.ca = null;
  else if (values.ca.trim()) body.ca = values.ca;
  if (values.tlsServerName.trim() !== (hub.tlsServerName ?? '')) body.tlsServerName = blankToUndefined(values.tlsServerName) ?? null;
  if (credentialsEntered(values)) body.credentials = credentialsOf(values);
  return body;
}

export function testBody(values: Values) {
  return {
    server: values.server,
    ca: blankToUndefined(values.ca),
    tlsServerName: blankToUndefined(values.tlsServerName),
    credentials: credentialsOf(values),
  };
}

/** POST /api/v1/admin/hubs (without skipConnectionTest): blank optional fields are left out. */
export function createBody(values: Values) {
  return { ...testBody(values), name: values.name, displayName: blankToUndefined(values.displayName), region: blankToUndefined(values.region) };
}

/** PATCH /api/v1/admin/hubs/{name}: only what changed; a cleared region or TLS name is null, blank credentials stay. */
export function updateBody(hub: AdminHubDto, values: Values): Record<string, unknown> {
  const body: Record<string, unknown> = { ...changedConnection(hub, values) };
  if (values.displayName.trim() !== hub.displayName) body.displayName = values.displayName;
  if (values.region.trim() !== (hub.region ?? '')) body.region = blankToUndefined(values.region) ?? null;
  return body;
}
