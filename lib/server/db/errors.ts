import 'server-only';

/**
 * True when a database write failed on a unique constraint. Prisma reports P2002 through
 * @prisma/adapter-pg, but pglite-prisma-adapter surfaces a raw DriverAdapterError whose cause
 * carries PostgreSQL's SQLSTATE 23505, so both shapes are recognised.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const candidate = error as { code?: unknown; cause?: { code?: unknown; originalCode?: unknown; kind?: unknown } };
  if (candidate.code === 'P2002') return true;
  const cause = candidate.cause;
  return cause?.code === '23505' || cause?.originalCode === '23505' || cause?.kind === 'UniqueConstraintViolation';
}
