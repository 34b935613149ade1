import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';

import { getAuthOptions } from '@/lib/server/auth/options';

// next-auth 4 in the App Router: one handler for its GET and POST endpoints
// (/api/auth/signin, /callback/credentials, /session, /csrf, /signout, …).
type NextAuthContext = { params: Promise<{ nextauth: string[] }> };

function handler(req: NextRequest, context: NextAuthContext) {
  return NextAuth(getAuthOptions())(req, context);
}

export { handler as GET, handler as POST };
