import 'server-only';

/**
 * Namespace patterns: a namespace name where `*` matches any run of characters (`acme-*`).
 * Hubs: a hub name or `*` (every hub).
 */

export function isPattern(pattern: string): boolean {
  return pattern.includes('*');
}

export function patternToRegExp(pattern: string): RegExp {
  const escaped = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${escaped}$`);
}

export function hubMatches(selector: string, hub: string): boolean {
  return selector === '*' || selector === hub;
}

export function hubsOverlap(a: string, b: string): boolean {
  return a === '*' || b === '*' || a === b;
}

/**
 * True when some namespace name matches both patterns (so they cannot belong to two tenants).
 * Memoised walk over both patterns: a `*` either matches nothing or swallows one symbol of the other.
 */
export function patternsOverlap(a: string, b: string): boolean {
  const memo = new Map<number, boolean>();
  const walk = (i: number, j: number): boolean => {
    const key = i * (b.length + 1) + j;
    const cached = memo.get(key);
    if (cached !== undefined) return cached;
    let result: boolean;
    if (i === a.length && j === b.length) result = true;
    else if (i < a.length && a[i] === '*') result = walk(i + 1, j) || (j < b.length && walk(i, j + 1));
    else if (j < b.length && b[j] === '*') result = walk(i, j + 1) || (i < a.length && walk(i + 1, j));
    else if (i < a.length && j < b.length) result = a[i] === b[j] && walk(i + 1, j + 1);
    else result = false;
    memo.set(key, result);
    return result;
  };
  return walk(0, 0);
}

export function describeHub(hub: string): string {
  return hub === '*' ? 'all hubs' : `hub ${hub}`;
}
