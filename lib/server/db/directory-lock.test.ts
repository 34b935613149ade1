import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { acquireDirectoryLock, DatabaseInUseError } from './directory-lock';

const root = mkdtempSync(path.join(tmpdir(), 'overlook-lock-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('acquireDirectoryLock', () => {
  it('holds the lock until released and refuses a second holder meanwhile', () => {
    const dir = path.join(root, 'a');
    const release = acquireDirectoryLock(dir);
    expect(readFileSync(`${dir}.lock`, 'utf8')).toBe(String(process.pid));
    expect(() => acquireDirectoryLock(dir)).toThrow(DatabaseInUseError);
    release();
    expect(existsSync(`${dir}.lock`)).toBe(false);
    acquireDirectoryLock(dir)();
  });

  it('takes over a lock left behind by a process that is gone', () => {
    const dir = path.join(root, 'b');
    // Far above any pid Linux hands out by default (pid_max 4194304).
    writeFileSync(`${dir}.lock`, '99999999');
    const release = acquireDirectoryLock(dir);
    expect(readFileSync(`${dir}.lock`, 'utf8')).toBe(String(process.pid));
    release();
  });

  it('takes over a lock with our own pid left by an earlier incarnation (containers restart as pid 1)', () => {
    const dir = path.join(root, 'c');
    writeFileSync(`${dir}.lock`, String(process.pid));
    const release = acquireDirectoryLock(dir);
    expect(() => acquireDirectoryLock(dir)).toThrow(DatabaseInUseError);
    release();
  });
});
