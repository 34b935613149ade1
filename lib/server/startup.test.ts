import { describe, expect, it } from 'vitest';

import { parseEnv } from './env';
import { startupBanner } from './startup';

describe('startupBanner', () => {
  it('lists the demo accounts and password in demo mode only', () => {
    const demo = startupBanner(parseEnv({ PORT: '4000' }), 'embedded PGlite in /x');
    expect(demo).toContain('http://localhost:4000');
    expect(demo).toContain('DEMO MODE');
    expect(demo).toContain('ops-east@overlook.demo');
    expect(demo).toContain('overlook-demo');

    const production = startupBanner(
      parseEnv({ DATABASE_URL: 'postgresql://u:secretpw@db:5432/o', NEXTAUTH_SECRET: 'x'.repeat(40) }),
      'PostgreSQL (db:5432)',
    );
    expect(production).not.toContain('DEMO MODE');
    expect(production).not.toContain('overlook-demo');
    expect(production).not.toContain('secretpw');
  });
});
