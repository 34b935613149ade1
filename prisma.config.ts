import path from 'node:path';

import { defineConfig } from 'prisma/config';

// Prisma 6.19 with the JS engine (driver adapters): no native query engine is downloaded.
// `prisma generate` only needs a syntactically valid URL, so a placeholder stands in when unset.
// Migrations are NOT applied by the Prisma CLI here (migrate dev/deploy do not work with the JS
// engine); use `npm run db:migrate`, which runs lib/server/db/migrate.ts.
process.env.DATABASE_URL ??= 'postgresql://placeholder:placeholder@127.0.0.1:5432/placeholder';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (url && !url.includes('placeholder')) {
      const { PrismaPg } = await import('@prisma/adapter-pg');
      return new PrismaPg({ connectionString: url });
    }
    const { PGlite } = await import('@electric-sql/pglite');
    const { PrismaPGlite } = await import('pglite-prisma-adapter');
    const { mkdirSync } = await import('node:fs');
    const dir = path.resolve(process.env.OVERLOOK_DATA_DIR ?? '.data', 'pglite');
    mkdirSync(dir, { recursive: true });
    return new PrismaPGlite(new PGlite(dir));
  },
});
