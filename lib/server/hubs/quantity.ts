import 'server-only';

/**
 * Kubernetes resource quantities (`500m`, `287982098n`, `16302548Ki`, `1.5Gi`, `2e3`) parsed to plain
 * numbers once, at ingest, so aggregation and sorting never touch strings.
 */

const DECIMAL_SUFFIXES: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

const BINARY_SUFFIXES: Record<string, number> = {
  Ki: 1024,
  Mi: 1024 ** 2,
  Gi: 1024 ** 3,
  Ti: 1024 ** 4,
  Pi: 1024 ** 5,
  Ei: 1024 ** 6,
};

const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E))?$/;

/** Parses a quantity to its value in base units (cores, bytes, count); null when it is not a quantity. */
export function parseQuantity(raw: string | number | null | undefined): number | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  const match = QUANTITY.exec(raw.trim());
  if (!match) return null;
  const mantissa = Number(match[1]);
  if (match[2]) return mantissa * 10 ** Number(match[2].slice(1));
  const suffix = match[3] ?? '';
  const multiplier = BINARY_SUFFIXES[suffix] ?? DECIMAL_SUFFIXES[suffix];
  if (multiplier === undefined) return null;
  const value = mantissa * multiplier;
  return Number.isFinite(value) ? value : null;
}

/** A quantity in base units, or 0 when absent or malformed (capacity sums treat unknown as nothing). */
export function quantityOrZero(raw: string | number | null | undefined): number {
  return parseQuantity(raw) ?? 0;
}
