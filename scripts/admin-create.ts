// npm run admin:create -- --email admin@example.com [--name "Ada Admin"]
// Creates a platform administrator in the configured database. The password is read from
// OVERLOOK_ADMIN_PASSWORD (for automation) or prompted for without echo.
import { parseArgs } from 'node:util';

import { z } from 'zod';

import { PASSWORD_MIN_LENGTH } from '@/lib/contracts/auth';
import { createPlatformAdmin } from '@/lib/server/auth/admin-setup';
import { configuredDatabaseTarget, openDatabase } from '@/lib/server/db/client';
import { ConfigError } from '@/lib/server/env';

const ArgsSchema = z.object({
  email: z.string({ error: '--email is required' }).trim().email('--email must be an email address'),
  name: z.string().trim().min(1).max(200).optional(),
});

function usage(message: string): never {
  console.error(`${message}\nUsage: npm run admin:create -- --email <email> [--name "<name>"]`);
  process.exit(2);
}

async function promptHidden(question: string): Promise<string> {
  const { stdin, stdout } = process;
  if (!stdin.isTTY) {
    throw new Error('No terminal to prompt for a password: set OVERLOOK_ADMIN_PASSWORD instead.');
  }
  stdout.write(question);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let value = '';
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n' || char === '\u0004') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          stdout.write('\n');
          resolve(value);
          return;
        }
        if (char === '\u0003') {
          stdin.setRawMode(false);
          stdout.write('\n');
          reject(new Error('Cancelled.'));
          return;
        }
        if (char === '\u007f' || char === '\b') value = value.slice(0, -1);
        else value += char;
      }
    };
    stdin.on('data', onData);
  });
}

async function readPassword(): Promise<string> {
  // A script-only input, deliberately not part of the server's configuration (lib/server/env.ts).
  const fromEnv = process.env.OVERLOOK_ADMIN_PASSWORD;
  if (fromEnv) return fromEnv;
  const first = await promptHidden(`Password (at least ${PASSWORD_MIN_LENGTH} characters): `);
  const second = await promptHidden('Repeat password: ');
  if (first !== second) throw new Error('The passwords do not match.');
  return first;
}

async function main(): Promise<void> {
  let values: Record<string, unknown>;
  try {
    values = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' } } }).values;
  } catch (error) {
    usage((error as Error).message);
  }
  const args = ArgsSchema.safeParse(values);
  if (!args.success) usage(args.error.issues[0].message);

  const password = await readPassword();
  const database = await openDatabase(configuredDatabaseTarget());
  try {
    const admin = await createPlatformAdmin(database.prisma, {
      email: args.data.email,
      name: args.data.name,
      password,
    });
    console.log(`Created platform administrator ${admin.email}. Sign in at the console's /login page.`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : (error as Error).message);
  process.exit(1);
});
