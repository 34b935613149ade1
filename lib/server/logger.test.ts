import { Writable } from 'node:stream';

import { describe, expect, it } from 'vitest';

import { createLogger } from './logger';

describe('logger', () => {
  it('writes JSON lines with credentials redacted', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = createLogger(sink, 'info');
    logger.info(
      {
        password: 'hunter2',
        headers: { authorization: 'Bearer olk_secret', cookie: 'next-auth.session-token=abc' },
        user: { token: 'olk_abc', email: 'a@example.com' },
      },
      'hello',
    );
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]);
    expect(entry).toMatchObject({ msg: 'hello', app: 'overlook', level: 30 });
    expect(lines[0]).not.toMatch(/hunter2|olk_secret|olk_abc|session-token=abc/);
    expect(entry.user.email).toBe('a@example.com');
  });
});
