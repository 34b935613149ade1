import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { ConfigError, decodeSecretKey, fileDemoSecrets, parseEnv, requireSecretKey } from './env';

const SECRET = 'x'.repeat(40);
const PRODUCTION = {
  DATABASE_URL: 'postgresql://overlook:pw@db.internal:5432/overlook',
  NEXTAUTH_SECRET: SECRET,
};

function problemsOf(source: Record<string, string | undefined>): string[] {
  try {
    parseEnv(source, { cwd: '/srv/overlook' });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('parseEnv', () => {
  it('defaults to demo mode with nothing configured', () => {
    const env = parseEnv({}, { cwd: '/srv/overlook' });
    expect(env.demo).toBe(true);
    expect(env.databaseUrl).toBeUndefined();
    expect(env.dataDir).toBe('/srv/overlook/.data');
    expect(env.pgliteDir).toBe('/srv/overlook/.data/pglite');
    expect(env.port).toBe(3000);
    expect(env.hostname).toBe('127.0.0.1');
    expect(env.publicUrl).toBe('http://localhost:3000');
    expect(env.secureCookies).toBe(false);
    expect(env.authSecret.length).toBeGreaterThanOrEqual(32);
    expect(env.secretKey?.length).toBe(32);
    expect(env.datacenterLabel).toBe('topology.kubernetes.io/zone');
    expect(env.simulator).toEqual({ mode: 'auto', dir: '/srv/overlook/.simulator', seed: 42, churn: 1 });
    expect(env.kubeconfigPaths).toEqual([]);
  });

  it('leaves demo mode when a database or kubeconfig is configured, unless forced', () => {
    expect(parseEnv(PRODUCTION).demo).toBe(false);
    expect(parseEnv({ OVERLOOK_KUBECONFIG: 'a.yaml', NEXTAUTH_SECRET: SECRET }).demo).toBe(false);
    expect(parseEnv({ ...PRODUCTION, OVERLOOK_DEMO: 'true' }).demo).toBe(true);
    expect(parseEnv({ OVERLOOK_DEMO: 'false', NEXTAUTH_SECRET: SECRET }).demo).toBe(false);
  });

  it('reads OVERLOOK_IMPERSONATE_HUBS as "*" or a list of hub names, and names bad entries', () => {
    expect(parseEnv({}, { cwd: '/srv/overlook' }).impersonateHubs).toEqual([]);
    expect(parseEnv({ OVERLOOK_IMPERSONATE_HUBS: '*' }, { cwd: '/srv/overlook' }).impersonateHubs).toBe('*');
    expect(parseEnv({ OVERLOOK_IMPERSONATE_HUBS: ' cn-east, cn-south,cn-east ' }, { cwd: '/srv/overlook' }).impersonateHubs).toEqual(['cn-east', 'cn-south']);
    const problems = problemsOf({ OVERLOOK_IMPERSONATE_HUBS: 'cn-east,,CN_South' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('OVERLOOK_IMPERSONATE_HUBS');
    expect(problems[0]).toContain('"CN_South"');
  });

  it('splits OVERLOOK_KUBECONFIG like KUBECONFIG and resolves against cwd', () => {
    const env = parseEnv({ ...PRODUCTION, OVERLOOK_KUBECONFIG: 'hubs/east.yaml::/etc/west.yaml' }, { cwd: '/srv' });
    expect(env.kubeconfigPaths).toEqual(['/srv/hubs/east.yaml', '/etc/west.yaml']);
  });

  it('refuses to run outside demo mode without NEXTAUTH_SECRET', () => {
    expect(problemsOf({ DATABASE_URL: PRODUCTION.DATABASE_URL })).toEqual([
      expect.stringMatching(/^NEXTAUTH_SECRET is required outside demo mode/),
    ]);
  });

  it('names every bad variable at once, with the value it got', () => {
    const problems = problemsOf({
      OVERLOOK_DEMO: 'yes',
      PORT: 'eighty',
      DATABASE_URL: 'mysql://root:hunter2@db/x',
      NEXTAUTH_URL: 'ftp://example.com',
      OVERLOOK_SECRET_KEY: 'too-short',
      OVERLOOK_SIMULATOR: 'maybe',
      OVERLOOK_SIMULATOR_SEED: '-1',
      OVERLOOK_SIMULATOR_CHURN: 'fast',
      LOG_LEVEL: 'loud',
      NODE_ENV: 'staging',
    });
    expect(problems).toContain('OVERLOOK_DEMO must be "true" or "false" (got "yes")');
    expect(problems).toContain('PORT must be a whole number from 1 to 65535 (got "eighty")');
    expect(problems.join('\n')).toMatch(/^DATABASE_URL must be a postgresql:\/\//m);
    expect(problems.join('\n')).toMatch(/^NEXTAUTH_URL must be an http:\/\/ or https:\/\/ URL/m);
    expect(problems.join('\n')).toMatch(/^OVERLOOK_SECRET_KEY must be 32 bytes/m);
    expect(problems).toContain('OVERLOOK_SIMULATOR must be "auto" or "off" (got "maybe")');
    expect(problems.join('\n')).toMatch(/^OVERLOOK_SIMULATOR_SEED must be a whole number/m);
    expect(problems.join('\n')).toMatch(/^OVERLOOK_SIMULATOR_CHURN must be a number/m);
    expect(problems.join('\n')).toMatch(/^LOG_LEVEL must be one of/m);
    expect(problems.join('\n')).toMatch(/^NODE_ENV must be/m);
    // A database URL carries a password: it must never be echoed in an error.
    expect(problems.join('\n')).not.toContain('hunter2');
  });

  it('puts every problem in the error message', () => {
    expect(() => parseEnv({ OVERLOOK_DEMO: 'yes', PORT: '0' })).toThrow(
      /OVERLOOK_DEMO must be "true" or "false" \(got "yes"\)[\s\S]*PORT must be/,
    );
  });

  it('uses https for secure cookies and strips a trailing slash', () => {
    const env = parseEnv({ ...PRODUCTION, NEXTAUTH_URL: 'https://overlook.example.com/' });
    expect(env.publicUrl).toBe('https://overlook.example.com');
    expect(env.secureCookies).toBe(true);
    expect(env.hostname).toBe('0.0.0.0');
  });

  it('accepts the secret key as hex or base64 and requires it only at use', () => {
    const hex = 'ab'.repeat(32);
    expect(parseEnv({ ...PRODUCTION, OVERLOOK_SECRET_KEY: hex }).secretKey?.toString('hex')).toBe(hex);
    const base64 = Buffer.alloc(32, 7).toString('base64');
    expect(parseEnv({ ...PRODUCTION, OVERLOOK_SECRET_KEY: base64 }).secretKey).toEqual(Buffer.alloc(32, 7));
    expect(decodeSecretKey(Buffer.alloc(16).toString('base64'))).toBeUndefined();
    const withoutKey = parseEnv(PRODUCTION);
    expect(withoutKey.secretKey).toBeUndefined();
    expect(() => requireSecretKey(withoutKey)).toThrow(/OVERLOOK_SECRET_KEY is required to store hub credentials/);
  });
});

describe('fileDemoSecrets', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'overlook-env-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('generates a demo secret once and keeps it across restarts', () => {
    const dataDir = path.join(dir, 'nested', 'data');
    const first = parseEnv({ OVERLOOK_DATA_DIR: dataDir }, { demoSecrets: fileDemoSecrets });
    const second = parseEnv({ OVERLOOK_DATA_DIR: dataDir }, { demoSecrets: fileDemoSecrets });
    expect(second.authSecret).toBe(first.authSecret);
    expect(second.secretKey).toEqual(first.secretKey);
    expect(readFileSync(path.join(dataDir, 'demo-secret'), 'utf8').trim()).toBe(first.authSecret);
  });
});
