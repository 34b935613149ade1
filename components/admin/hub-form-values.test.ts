import { describe, expect, it } from 'vitest';
import { CreateHubRequestSchema, TestStoredHubRequestSchema, UpdateHubRequestSchema, type AdminHubDto } from '@/lib/contracts/hub-admin';
import { changedConnection, createBody, initialValues, updateBody } from './hub-form-values';

const CA = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----';
const stored: AdminHubDto = {
  name: 'lab-east',
  displayName: 'Lab East',
  region: 'lab',
  effectiveRegion: 'lab',
  source: 'registered',
  kubeconfigFile: null,
  server: 'https://10.0.0.1:6443',
  tlsServerName: 'kubernetes.default.svc',
  ca: { subject: 'CN=lab-ca', sha256: 'ab'.repeat(32), notAfter: '2030-01-01T00:00:00Z' },
  credentialKind: 'token',
  problem: null,
  status: 'connected',
  statusSince: null,
  lastSyncAt: null,
  error: null,
  kubernetesVersion: 'v1.32.10',
  createdAt: null,
  updatedAt: null,
  createdBy: null,
};

describe('hub form bodies', () => {
  it('register: blank optional fields are left out and the body passes the contract', () => {
    const body = createBody({ ...initialValues(null), name: 'lab-east', server: 'https://10.0.0.1:6443', ca: `  ${CA}\n`, token: 'secret' });
    expect(body).toEqual({ name: 'lab-east', server: 'https://10.0.0.1:6443', ca: CA, tlsServerName: undefined, displayName: undefined, region: undefined, credentials: { kind: 'token', token: 'secret' } });
    expect(CreateHubRequestSchema.safeParse(body).success).toBe(true);
  });

  it('register: a client certificate sends certificate and key, no token', () => {
    const body = createBody({ ...initialValues(null), name: 'lab-east', server: 'https://h:6443', authKind: 'client-certificate', token: 'left-over', certificate: CA, key: 'k' });
    expect(body.credentials).toEqual({ kind: 'client-certificate', certificate: CA, key: 'k' });
  });

  it('edit: nothing changed → an empty body (the form says so instead of sending it)', () => {
    expect(updateBody(stored, initialValues(stored))).toEqual({});
    expect(changedConnection(stored, initialValues(stored))).toEqual({});
  });

  it('edit: only changed fields; blank credentials keep the stored one; cleared region/TLS name become null', () => {
    const values = { ...initialValues(stored), displayName: 'Lab East (edited)', region: '', tlsServerName: '' };
    const body = updateBody(stored, values);
    expect(body).toEqual({ displayName: 'Lab East (edited)', region: null, tlsServerName: null });
    expect(UpdateHubRequestSchema.safeParse(body).success).toBe(true);
  });

  it('edit: a new token and "use the system trust store" go into the stored-hub test too', () => {
    const values = { ...initialValues(stored), token: 'new-token', caClear: true };
    const body = changedConnection(stored, values);
    expect(body).toEqual({ ca: null, credentials: { kind: 'token', token: 'new-token' } });
    expect(TestStoredHubRequestSchema.safeParse(body).success).toBe(true);
  });
});
