import 'server-only';

import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';

/** The embedded database is open in another live process. */
export class DatabaseInUseError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `The embedded database in ${dir} is already open in process ${pid}. ` +
        'PGlite allows one process per data directory: stop that process first ' +
        '(or use a separate OVERLOOK_DATA_DIR, or PostgreSQL via DATABASE_URL).',
    );
    this.name = 'DatabaseInUseError';
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else — still alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// Locks this process holds. A lock file naming our own pid that is NOT in here was left by an
// earlier incarnation with the same pid (containers restart as pid 1), so it is stale.
const globalForLocks = globalThis as unknown as { overlookHeldLocks?: Set<string> };
const heldLocks = (globalForLocks.overlookHeldLocks ??= new Set<string>());

/**
 * Takes `<dir>.lock` (holding our pid) or throws DatabaseInUseError; a lock left by a dead
 * process is taken over. Returns the release function (also run on process exit).
 */
export function acquireDirectoryLock(dir: string): () => void {
  const lockFile = `${dir.replace(/[\\/]+$/, '')}.lock`;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      heldLocks.add(lockFile);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        heldLocks.delete(lockFile);
        process.off('exit', release);
        try {
          if (readFileSync(lockFile, 'utf8').trim() === String(process.pid)) unlinkSync(lockFile);
        } catch {
          // Already gone.
        }
      };
      process.on('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number.parseInt(readFileSync(lockFile, 'utf8').trim(), 10);
      const heldByUs = pid === process.pid && heldLocks.has(lockFile);
      const heldByOther = pid !== process.pid && Number.isInteger(pid) && pid > 0 && processIsAlive(pid);
      if (heldByUs || heldByOther) throw new DatabaseInUseError(dir, pid);
      unlinkSync(lockFile);
    }
  }
  throw new Error(`Could not take the lock ${lockFile}`);
}
