import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^server-only$/, replacement: `${root}tests/support/empty.ts` },
      { find: /^@\//, replacement: root },
    ],
  },
  test: {
    environment: 'node',
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['node_modules/**', '.next/**', 'e2e/**', '.data/**', '.simulator/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Integration suites start simulators, databases and Prometheus; two cores only.
    maxWorkers: 2,
    // As Playwright does on CI: one retry absorbs a timing hiccup of a real peer process on a
    // loaded 2-core machine; a real failure still fails twice and is reported.
    retry: process.env.CI ? 1 : 0,
    reporters: ['default'],
  },
});
