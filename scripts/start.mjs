#!/usr/bin/env node
// `npm start`: build when the build is missing or older than the sources, then `next start`.
// Binds PORT (default 3000) on HOSTNAME — default 127.0.0.1 in demo mode (its accounts have a
// published password), 0.0.0.0 otherwise, as lib/server/env.ts decides. Ctrl-C / SIGTERM are
// forwarded so the whole tree stops. The environment passes through unchanged.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE_DIRS = ['app', 'components', 'lib', 'messages', 'prisma', 'simulator', 'i18n'];
const SOURCE_FILES = ['package-lock.json', 'next.config.ts', 'proxy.ts', 'instrumentation.ts', 'postcss.config.mjs'];
// Generated output is rebuilt by the build itself; counting it would rebuild forever.
const SKIP = new Set([path.join(root, 'lib', 'generated'), path.join(root, 'node_modules')]);

function newestMtime(target) {
  if (SKIP.has(target) || !existsSync(target)) return 0;
  const stats = statSync(target);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(target)) {
    if (entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

function buildIsStale() {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  if (!existsSync(buildId)) return 'no build yet';
  const built = statSync(buildId).mtimeMs;
  const newest = Math.max(
    ...SOURCE_DIRS.map((dir) => newestMtime(path.join(root, dir))),
    ...SOURCE_FILES.map((file) => newestMtime(path.join(root, file))),
  );
  return newest > built ? 'sources changed since the last build' : null;
}

function isDemo(env) {
  if (env.OVERLOOK_DEMO === 'true') return true;
  if (env.OVERLOOK_DEMO === 'false') return false;
  return !env.DATABASE_URL && !env.OVERLOOK_KUBECONFIG;
}

let child;
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    stopping = true;
    if (child && child.exitCode === null) child.kill(signal);
    else process.exit(130);
  });
}

function run(command, args) {
  return new Promise((resolve) => {
    child = spawn(command, args, { cwd: root, stdio: 'inherit', env: process.env });
    child.on('exit', (code, signal) => resolve(signal ? 128 : (code ?? 1)));
  });
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');

const reason = buildIsStale();
if (reason) {
  console.log(`Building Overlook (${reason})…`);
  const code = await run(npm, ['run', 'build']);
  if (code !== 0 || stopping) process.exit(code || 1);
}

const port = process.env.PORT || '3000';
const hostname = process.env.HOSTNAME || (isDemo(process.env) ? '127.0.0.1' : '0.0.0.0');
process.exit(await run(process.execPath, [nextBin, 'start', '--port', port, '--hostname', hostname]));
