#!/usr/bin/env node
// Wipes the e2e server's data and simulator directories so each Playwright run starts clean.
// Only ever touches these two fixed paths under .test-data/.
import { rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
for (const dir of ['.test-data/e2e', '.test-data/e2e-simulator']) {
  rmSync(path.join(root, dir), { recursive: true, force: true });
}
console.log('e2e: reset .test-data/e2e and .test-data/e2e-simulator');
