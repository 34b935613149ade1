#!/usr/bin/env node
// `npm test`: everything — system prerequisites, type check, lint, unit + integration tests (Vitest),
// a production build, and end-to-end tests in real Chromium (Playwright). Every step runs even when an
// earlier one failed, so one run shows every problem; the exit code is non-zero if any step failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);
const reportsDir = path.join(root, '.test-data', 'reports');
mkdirSync(reportsDir, { recursive: true });

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const steps = [];

function run(title, command, args, env = {}) {
  const started = Date.now();
  console.log(`\n\u25b6 ${title}: ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = result.status === 0;
  steps.push({ title, ok, seconds });
  console.log(`${ok ? '\u2714' : '\u2718'} ${title} (${seconds} s)`);
  return ok;
}

function has(binary) {
  return spawnSync('sh', ['-c', `command -v ${binary}`], { stdio: 'ignore' }).status === 0;
}

// System packages the suites use. Installed when missing and we are root (as on CI); otherwise the
// suites that need them say what they skipped and why.
const systemPackages = [
  { binary: 'chromium', pkg: 'chromium', usedBy: 'end-to-end tests' },
  { binary: 'prometheus', pkg: 'prometheus', usedBy: 'simulator Prometheus scrape test' },
  { binary: 'docker-registry', pkg: 'docker-registry', usedBy: 'registry tests' },
  // Not a test dependency: without a CJK font the zh-CN screenshots show boxes.
  { file: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', pkg: 'fonts-wqy-microhei', usedBy: 'readable zh-CN screenshots' },
];
const missing = systemPackages.filter((p) => (p.file ? !existsSync(p.file) : !has(p.binary)));
if (missing.length > 0) {
  if (isRoot && has('apt-get')) {
    run('apt-get update', 'apt-get', ['update', '-qq']);
    run(`install ${missing.map((p) => p.pkg).join(' ')}`, 'apt-get', ['install', '-y', '-qq', ...missing.map((p) => p.pkg)], {
      DEBIAN_FRONTEND: 'noninteractive',
    });
  } else {
    for (const p of missing) console.log(`! ${p.binary ?? p.file} is missing (Debian package ${p.pkg}); ${p.usedBy} will be skipped. Install it as root.`);
  }
}
if (!has('kubectl')) console.log('! kubectl is missing; the simulator kubectl tests will be skipped.');

const npx = (bin, args, env) => run(bin, 'npx', ['--no-install', bin, ...args], env);

run('prisma generate', 'npx', ['--no-install', 'prisma', 'generate']);
npx('tsc', ['--noEmit', '-p', 'tsconfig.json']);
npx('eslint', ['--max-warnings=0', '.']);
const vitestReport = path.join(reportsDir, 'vitest.json');
npx('vitest', ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`]);
run('next build', 'npx', ['--no-install', 'next', 'build']);
const playwrightReport = path.join(reportsDir, 'playwright.json');
if (has('chromium')) {
  npx('playwright', ['test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport });
} else {
  console.log('! end-to-end tests skipped: /usr/bin/chromium is missing.');
}

// One closing line with the totals of both runners.
let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(vitestReport)) {
  const v = JSON.parse(readFileSync(vitestReport, 'utf8'));
  passed += v.numPassedTests ?? 0;
  failed += v.numFailedTests ?? 0;
  skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
}
if (existsSync(playwrightReport)) {
  const p = JSON.parse(readFileSync(playwrightReport, 'utf8'));
  passed += p.stats?.expected ?? 0;
  failed += (p.stats?.unexpected ?? 0);
  skipped += p.stats?.skipped ?? 0;
}
console.log('\nSteps:');
for (const s of steps) console.log(`  ${s.ok ? 'ok  ' : 'FAIL'} ${s.title} (${s.seconds} s)`);
const failedSteps = steps.filter((s) => !s.ok);
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failedSteps.length > 0 || failed > 0 ? 1 : 0);
