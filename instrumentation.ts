// Next.js calls register() once per server process before serving requests.
export async function register(): Promise<void> {
  // The Edge runtime (proxy.ts) has no database or file system; start the Node server only.
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startServer } = await import('./lib/server/startup');
    await startServer();
  }
}
