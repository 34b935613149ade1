import { fstatSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { startSimulator } from './index';

const HELP = `Overlook hub simulator: regional Kubernetes + KubeEdge hubs on loopback.

Usage: npm run simulator -- [options]

  --hubs N          number of hubs, first N of cn-east, cn-south, cn-north, ... (default 3 small, 10 large)
  --scale S         small (~200 edge nodes, ~2,000 pods) | large (10,000 nodes, 200,000 pods) (default small)
  --seed N          world seed; same seed, same fleet (default 42)
  --churn R         random churn multiplier, 0 = none (default 1)
  --dir D           where kubeconfig and control.json are written (default .simulator)
  --port-base N     hub i listens on N+i, the control API on N+hubs (default 0 = random free ports)
  --http            serve plain HTTP instead of HTTPS
  --ignore-stdin    do not exit when stdin (a pipe) closes; rely on the parent-process check only
  -h, --help        show this help

Stops on SIGTERM/SIGINT, when stdin (if a pipe or socket) closes, or when its parent process exits.
`;

const optionsSchema = z.object({
  hubs: z.coerce.number().int().min(1).max(10).optional(),
  scale: z.enum(['small', 'large']).default('small'),
  seed: z.coerce.number().int().min(0).default(42),
  churn: z.coerce.number().min(0).max(1000).default(1),
  dir: z.string().min(1).default('.simulator'),
  'port-base': z.coerce.number().int().min(0).max(65000).default(0),
  http: z.boolean().default(false),
  'ignore-stdin': z.boolean().default(false),
});

function isPipe(fd: number): boolean {
  try {
    // Node's child_process 'pipe' stdio is a socketpair, a shell pipe is a FIFO: both mean a parent holds the other end.
    const st = fstatSync(fd);
    return st.isFIFO() || st.isSocket();
  } catch {
    return false;
  }
}

/** Parent pid of a process from /proc (Linux), or undefined when it is gone or unreadable. */
function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

/**
 * When started through launchers (npm → sh → tsx → node), our direct parent is a launcher that may
 * outlive the real parent. Remember each launcher's parent: if one gets reparented, whoever started us is gone.
 */
function launcherChain(start: number): Array<{ pid: number; ppid: number }> {
  const chain: Array<{ pid: number; ppid: number }> = [];
  let pid = start;
  for (let depth = 0; depth < 4 && pid > 1; depth++) {
    let cmdline = '';
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
    } catch {
      break;
    }
    if (!/(^|[\s/])(tsx|npm|npx|sh|bash|node_modules\/\.bin\/\S+)(\s|$)|tsx\/dist\/cli|npm-cli\.js/.test(cmdline)) break;
    const ppid = parentOf(pid);
    if (ppid === undefined || ppid <= 1) break;
    chain.push({ pid, ppid });
    pid = ppid;
  }
  return chain;
}

async function main(): Promise<void> {
  let values: Record<string, unknown>;
  try {
    values = parseArgs({
      options: {
        hubs: { type: 'string' },
        scale: { type: 'string' },
        seed: { type: 'string' },
        churn: { type: 'string' },
        dir: { type: 'string' },
        'port-base': { type: 'string' },
        http: { type: 'boolean' },
        'ignore-stdin': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }).values;
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n\n${HELP}`);
    process.exit(2);
  }
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const parsed = optionsSchema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    process.stderr.write(`invalid --${issue.path.join('.')}: ${issue.message}\n`);
    process.exit(2);
  }
  const o = parsed.data;
  const started = Date.now();
  const sim = await startSimulator({ hubs: o.hubs, scale: o.scale, seed: o.seed, churn: o.churn, dir: o.dir, http: o.http, basePort: o['port-base'], verbose: true });
  process.stdout.write(`kubeconfig: ${sim.kubeconfigPath}\ncontrol: ${sim.controlUrl}\nready in ${Date.now() - started} ms\n`);
  let stopping = false;
  const stop = async (why: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`[simulator] stopping (${why})\n`);
    const force = setTimeout(() => process.exit(0), 3000);
    force.unref();
    await sim.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  // Never outlive whoever started us: a closed stdin pipe or a changed parent means we are orphaned.
  if (!o['ignore-stdin'] && isPipe(0)) {
    process.stdin.on('end', () => void stop('stdin closed'));
    process.stdin.on('error', () => void stop('stdin error'));
    process.stdin.resume();
  }
  const parent = process.ppid;
  const chain = launcherChain(parent);
  setInterval(() => {
    if (process.ppid !== parent) void stop('parent exited');
    else if (chain.some((link) => parentOf(link.pid) !== link.ppid)) void stop('launcher orphaned');
  }, 1000).unref();
  // Keep the process alive (server handles are referenced anyway).
}

main().catch((err: unknown) => {
  process.stderr.write(`simulator failed to start: ${(err as Error).message}\n`);
  process.exit(1);
});
