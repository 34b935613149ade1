// Stand-in for the `server-only` marker package under Vitest and tsx, where the
// react-server export condition is not set. The real package still guards the Next build.
export {};
