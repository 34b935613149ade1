import 'server-only';

import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Validated configuration. This module is the only reader of `process.env` in the app:
 * everything else asks `getEnv()`, so every variable is documented and checked in one place.
 */
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export type Env = {
  /** NODE_ENV: development | production | test (default development). */
  nodeEnv: 'development' | 'production' | 'test';
  /** Demo mode: embedded database, simulated fleet, seeded demo accounts. */
  demo: boolean;
  /** DATABASE_URL (postgresql:// only). Unset → embedded PGlite under dataDir. */
  databaseUrl?: string;
  /** OVERLOOK_DATA_DIR, absolute (default `<cwd>/.data`). */
  dataDir: string;
  /** Where the embedded PGlite database lives: `<dataDir>/pglite`. */
  pgliteDir: string;
  /** NEXTAUTH_SECRET; generated and kept in `<dataDir>/demo-secret` in demo mode. */
  authSecret: string;
  /** NEXTAUTH_URL without trailing slash (default http://localhost:PORT). */
  publicUrl: string;
  /** PORT (default 3000). */
  port: number;
  /** HOSTNAME the server binds to (default 127.0.0.1 in demo mode, else 0.0.0.0). */
  hostname: string;
  /** OVERLOOK_KUBECONFIG split on `:` like KUBECONFIG. */
  kubeconfigPaths: string[];
  /**
   * OVERLOOK_SECRET_KEY decoded (32 bytes) for AES-256-GCM of stored hub credentials.
   * Optional: only needed once hubs are registered — use `requireSecretKey(env)`.
   */
  secretKey?: Buffer;
  /** OVERLOOK_DATACENTER_LABEL: node label that names a datacenter. */
  datacenterLabel: string;
  simulator: {
    /** OVERLOOK_SIMULATOR: `auto` starts the simulator in demo mode, `off` never does. */
    mode: 'auto' | 'off';
    /** OVERLOOK_SIMULATOR_DIR (default `<cwd>/.simulator`). */
    dir: string;
    /** OVERLOOK_SIMULATOR_SEED (default 42). */
    seed: number;
    /** OVERLOOK_SIMULATOR_CHURN: changes per second multiplier (default 1, 0 = frozen). */
    churn: number;
  };
  /**
   * OVERLOOK_IMPERSONATE_HUBS: hubs whose mutations carry Kubernetes impersonation headers
   * (comma-separated hub names, or `*` for every hub; default none).
   */
  impersonateHubs: '*' | readonly string[];
  /** LOG_LEVEL (default info; silent under test). */
  logLevel: LogLevel;
  /** Secure cookies: on when publicUrl is https. */
  secureCookies: boolean;
  /** Application version from package.json (npm_package_version) or 0.0.0. */
  version: string;
};

/** A configuration problem; the message names every bad variable, one per line. */
export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(
      problems.length === 1
        ? `Invalid configuration: ${problems[0]}`
        : `Invalid configuration:\n  - ${problems.join('\n  - ')}`,
    );
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** Supplies a persistent generated secret in demo mode (a file in dataDir in the real app). */
export type DemoSecretStore = (name: 'demo-secret' | 'demo-secret-key', dataDir: string) => string;

/** In-memory store for tests and pure parsing: a fresh random value per call, nothing written. */
const ephemeralSecrets: DemoSecretStore = () => randomBytes(32).toString('base64');

const LOG_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function quote(value: string): string {
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);
}

/** Decodes a 32-byte key given as 64 hex characters or base64; undefined when it is not one. */
export function decodeSecretKey(raw: string): Buffer | undefined {
  const trimmed = raw.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return Buffer.from(trimmed, 'hex');
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) {
    const decoded = Buffer.from(trimmed, 'base64');
    if (decoded.length === 32) return decoded;
  }
  return undefined;
}

/**
 * Parses configuration from a plain record (pure apart from `demoSecrets`, which the app
 * backs with files in dataDir). Throws ConfigError naming every bad variable at once.
 */
export function parseEnv(
  source: Record<string, string | undefined>,
  options: { cwd?: string; demoSecrets?: DemoSecretStore; version?: string } = {},
): Env {
  const cwd = options.cwd ?? process.cwd();
  const demoSecrets = options.demoSecrets ?? ephemeralSecrets;
  const problems: string[] = [];
  const read = (name: string): string | undefined => {
    const value = source[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  };

  const rawNodeEnv = read('NODE_ENV') ?? 'development';
  let nodeEnv: Env['nodeEnv'] = 'development';
  if (rawNodeEnv === 'development' || rawNodeEnv === 'production' || rawNodeEnv === 'test') {
    nodeEnv = rawNodeEnv;
  } else {
    problems.push(`NODE_ENV must be "development", "production" or "test" (got ${quote(rawNodeEnv)})`);
  }

  const parseBoolean = (name: string): boolean | undefined => {
    const raw = read(name);
    if (raw === undefined) return undefined;
    if (raw === 'true') return true;
    if (raw === 'false') return false;
    problems.push(`${name} must be "true" or "false" (got ${quote(raw)})`);
    return undefined;
  };

  const parseInteger = (name: string, fallback: number, min: number, max: number): number => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    if (!/^-?\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max} (got ${quote(raw)})`);
      return fallback;
    }
    return Number(raw);
  };

  const parseNumber = (name: string, fallback: number, min: number, max: number): number => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < min || value > max) {
      problems.push(`${name} must be a number from ${min} to ${max} (got ${quote(raw)})`);
      return fallback;
    }
    return value;
  };

  const databaseUrlRaw = read('DATABASE_URL');
  let databaseUrl: string | undefined;
  if (databaseUrlRaw !== undefined) {
    let valid = false;
    try {
      const url = new URL(databaseUrlRaw);
      valid = (url.protocol === 'postgresql:' || url.protocol === 'postgres:') && url.hostname !== '';
    } catch {
      valid = false;
    }
    // Never echo the URL: it usually carries a password.
    if (valid) databaseUrl = databaseUrlRaw;
    else problems.push('DATABASE_URL must be a postgresql://user:password@host:port/database URL');
  }

  const kubeconfigRaw = read('OVERLOOK_KUBECONFIG');
  const kubeconfigPaths = kubeconfigRaw
    ? kubeconfigRaw
        .split(':')
        .map((entry) => entry.trim())
        .filter((entry) => entry !== '')
        .map((entry) => path.resolve(cwd, entry))
    : [];

  const demoFlag = parseBoolean('OVERLOOK_DEMO');
  const demo = demoFlag ?? (databaseUrlRaw === undefined && kubeconfigRaw === undefined);

  const dataDir = path.resolve(cwd, read('OVERLOOK_DATA_DIR') ?? '.data');
  // Demo accounts have a published password: in demo mode listen on loopback unless told otherwise.
  const hostname = read('HOSTNAME') ?? (demo ? '127.0.0.1' : '0.0.0.0');
  const port = parseInteger('PORT', 3000, 1, 65535);

  const publicUrlRaw = read('NEXTAUTH_URL');
  let publicUrl = `http://localhost:${port}`;
  if (publicUrlRaw !== undefined) {
    try {
      const url = new URL(publicUrlRaw);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('protocol');
      publicUrl = url.toString().replace(/\/+$/, '');
    } catch {
      problems.push(`NEXTAUTH_URL must be an http:// or https:// URL (got ${quote(publicUrlRaw)})`);
    }
  }

  let authSecret = read('NEXTAUTH_SECRET');
  if (authSecret !== undefined && authSecret.length < 32) {
    problems.push('NEXTAUTH_SECRET must be at least 32 characters (generate one with: openssl rand -base64 32)');
  }
  if (authSecret === undefined && !demo) {
    problems.push(
      'NEXTAUTH_SECRET is required outside demo mode (generate one with: openssl rand -base64 32)',
    );
  }

  const secretKeyRaw = read('OVERLOOK_SECRET_KEY');
  let secretKey: Buffer | undefined;
  if (secretKeyRaw !== undefined) {
    secretKey = decodeSecretKey(secretKeyRaw);
    if (!secretKey) {
      problems.push(
        'OVERLOOK_SECRET_KEY must be 32 bytes as 64 hex characters or base64 (generate one with: openssl rand -base64 32)',
      );
    }
  }

  const simulatorRaw = read('OVERLOOK_SIMULATOR') ?? 'auto';
  let simulatorMode: 'auto' | 'off' = 'auto';
  if (simulatorRaw === 'auto' || simulatorRaw === 'off') simulatorMode = simulatorRaw;
  else problems.push(`OVERLOOK_SIMULATOR must be "auto" or "off" (got ${quote(simulatorRaw)})`);

  const simulator = {
    mode: simulatorMode,
    dir: path.resolve(cwd, read('OVERLOOK_SIMULATOR_DIR') ?? '.simulator'),
    seed: parseInteger('OVERLOOK_SIMULATOR_SEED', 42, 0, 2 ** 31 - 1),
    churn: parseNumber('OVERLOOK_SIMULATOR_CHURN', 1, 0, 1000),
  };

  const logLevelRaw = read('LOG_LEVEL') ?? (nodeEnv === 'test' ? 'silent' : 'info');
  let logLevel: LogLevel = 'info';
  if ((LOG_LEVELS as string[]).includes(logLevelRaw)) logLevel = logLevelRaw as LogLevel;
  else problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got ${quote(logLevelRaw)})`);

  const datacenterLabel = read('OVERLOOK_DATACENTER_LABEL') ?? 'topology.kubernetes.io/zone';
  if (!/^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/.test(datacenterLabel)) {
    problems.push(`OVERLOOK_DATACENTER_LABEL must be a Kubernetes label key (got ${quote(datacenterLabel)})`);
  }

  const impersonateRaw = (read('OVERLOOK_IMPERSONATE_HUBS') ?? '').trim();
  let impersonateHubs: '*' | string[] = [];
  if (impersonateRaw === '*') impersonateHubs = '*';
  else if (impersonateRaw !== '') {
    const names = impersonateRaw.split(',').map((name) => name.trim());
    const bad = names.filter((name) => !/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(name));
    if (bad.length > 0) {
      problems.push(`OVERLOOK_IMPERSONATE_HUBS must be "*" or comma-separated hub names (lowercase letters, digits, "-"); bad: ${bad.map(quote).join(', ')}`);
    } else impersonateHubs = [...new Set(names)];
  }

  if (problems.length > 0) throw new ConfigError(problems);

  // Generated secrets only once everything else is valid, so a bad config writes nothing.
  if (demo && authSecret === undefined) authSecret = demoSecrets('demo-secret', dataDir);
  if (demo && secretKey === undefined) secretKey = decodeSecretKey(demoSecrets('demo-secret-key', dataDir));

  return {
    nodeEnv,
    demo,
    databaseUrl,
    dataDir,
    pgliteDir: path.join(dataDir, 'pglite'),
    authSecret: authSecret as string,
    publicUrl,
    port,
    hostname,
    kubeconfigPaths,
    secretKey,
    datacenterLabel,
    simulator,
    impersonateHubs,
    logLevel,
    secureCookies: publicUrl.startsWith('https://'),
    version: read('npm_package_version') ?? options.version ?? '0.0.0',
  };
}

/** Keeps a generated demo secret in `<dataDir>/<name>` so sessions survive restarts. */
export const fileDemoSecrets: DemoSecretStore = (name, dataDir) => {
  const file = path.join(dataDir, name);
  try {
    const existing = readFileSync(file, 'utf8').trim();
    if (existing) return existing;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64');
  // 'wx' so that two processes starting at once agree: the loser reads the winner's file.
  try {
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8').trim();
    throw error;
  }
};

/** The version in package.json (`next start` run directly has no npm_package_version). */
function packageVersion(): string | undefined {
  try {
    const manifest = JSON.parse(readFileSync(/*turbopackIgnore: true*/ path.join(process.cwd(), 'package.json'), 'utf8'));
    return typeof manifest.version === 'string' ? manifest.version : undefined;
  } catch {
    return undefined;
  }
}

const globalForEnv = globalThis as unknown as { overlookEnv?: Env };

/** The process configuration, parsed once from process.env (throws ConfigError when invalid). */
export function getEnv(): Env {
  if (!globalForEnv.overlookEnv) {
    const env = parseEnv(process.env, { demoSecrets: fileDemoSecrets, version: packageVersion() });
    // next-auth 4 takes its base URL only from process.env.NEXTAUTH_URL (else http://localhost:3000),
    // so the default we computed from PORT is handed to it here.
    process.env.NEXTAUTH_URL ??= env.publicUrl;
    globalForEnv.overlookEnv = env;
  }
  return globalForEnv.overlookEnv;
}

/** Forgets the parsed configuration (tests that change process.env). */
export function resetEnvCache(): void {
  globalForEnv.overlookEnv = undefined;
}

/** True while `next build` prerenders: nothing may connect to databases or hubs then. */
export function isBuildPhase(): boolean {
  return process.env.NEXT_PHASE === 'phase-production-build';
}

/** The hub-credential encryption key, or a clear error telling the operator what to set. */
export function requireSecretKey(env: Env = getEnv()): Buffer {
  if (!env.secretKey) {
    throw new ConfigError([
      'OVERLOOK_SECRET_KEY is required to store hub credentials (generate one with: openssl rand -base64 32)',
    ]);
  }
  return env.secretKey;
}
