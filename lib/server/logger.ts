import 'server-only';

import pino, { type Logger } from 'pino';

import { getEnv, type LogLevel } from '@/lib/server/env';

/** Paths pino blanks out wherever they appear in a log line: credentials never reach logs. */
export const REDACTED_PATHS = [
  'authorization',
  'cookie',
  'password',
  'passwordHash',
  'token',
  'secret',
  'tokenHash',
  '*.authorization',
  '*.cookie',
  '*.password',
  '*.passwordHash',
  '*.token',
  '*.secret',
  '*.tokenHash',
  'headers.authorization',
  'headers.cookie',
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.headers.authorization',
  '*.headers.cookie',
];

function configuredLevel(): LogLevel {
  try {
    return getEnv().logLevel;
  } catch {
    // Invalid configuration is reported by startServer(); the logger must still work to say so.
    return 'info';
  }
}

/** Builds a JSON logger; exported for tests that need to capture output. */
export function createLogger(destination?: pino.DestinationStream, level: LogLevel = configuredLevel()): Logger {
  return pino(
    {
      level,
      base: { app: 'overlook' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

const globalForLogger = globalThis as unknown as { overlookLogger?: Logger };

/** The process logger (JSON lines on stdout). */
export const logger: Logger = globalForLogger.overlookLogger ?? (globalForLogger.overlookLogger = createLogger());

/** A logger that adds `bindings` (e.g. { module: 'hubs', hub: 'cn-east' }) to every line. */
export function childLogger(bindings: Record<string, unknown>): Logger {
  return logger.child(bindings);
}
