import { describe, expect, it } from 'vitest';

import { HttpError } from '@/lib/server/http/errors';

import { compareValues, decodeCursor, encodeCursor, pageOf, type SortValue } from './paging';

interface Item {
  id: string;
  value: SortValue;
}

function items(count: number): Item[] {
  // Duplicate and null values on purpose: ties and unknowns must still page exactly once.
  return Array.from({ length: count }, (_, i) => ({ id: `n-${String(i).padStart(4, '0')}`, value: i % 7 === 0 ? null : i % 13 }));
}

function pageAll(all: Item[], order: 'asc' | 'desc', limit: number, filter?: (item: Item) => boolean): Item[] {
  const seen: Item[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 1000; guard++) {
    const after = decodeCursor(cursor, 'value', order);
    const result = pageOf({ items: all, filter, sortValue: (i) => i.value, id: (i) => i.id, order, limit, after });
    seen.push(...result.page);
    if (!result.next) break;
    cursor = encodeCursor('value', order, result.next);
  }
  return seen;
}

describe('pageOf', () => {
  it.each([
    ['asc', 1],
    ['asc', 7],
    ['desc', 10],
    ['desc', 500],
  ] as const)('returns every item exactly once across pages (%s, limit %d)', (order, limit) => {
    const all = items(203);
    const seen = pageAll(all, order, limit);
    expect(seen.map((i) => i.id).sort()).toEqual(all.map((i) => i.id).sort());
    expect(new Set(seen.map((i) => i.id)).size).toBe(all.length);
    // Sorted by value (nulls last in both orders), then id.
    for (let i = 1; i < seen.length; i++) {
      const byValue = compareValues(seen[i - 1].value, seen[i].value, order);
      expect(byValue <= 0).toBe(true);
      if (byValue === 0) expect(seen[i - 1].id < seen[i].id).toBe(true);
    }
    expect(seen[seen.length - 1].value).toBeNull();
  });

  it('counts the total after filtering, before paging', () => {
    const all = items(100);
    const result = pageOf({ items: all, filter: (i) => i.value === 3, sortValue: (i) => i.value, id: (i) => i.id, order: 'asc', limit: 2, after: null });
    expect(result.total).toBe(all.filter((i) => i.value === 3).length);
    expect(result.page).toHaveLength(2);
    expect(result.next).not.toBeNull();
  });

  it('has no next cursor on the last page', () => {
    const result = pageOf({ items: items(5), sortValue: (i) => i.value, id: (i) => i.id, order: 'asc', limit: 5, after: null });
    expect(result.next).toBeNull();
  });
});

describe('cursors', () => {
  it('round-trips', () => {
    const cursor = encodeCursor('name', 'asc', { value: 'edge-1', id: 'cn-east/edge-1' });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, 'name', 'asc')).toEqual({ value: 'edge-1', id: 'cn-east/edge-1' });
  });

  it.each(['not base64!', 'bm90IGpzb24', Buffer.from('{"s":"name"}').toString('base64url'), Buffer.from('[1,2]').toString('base64url')])(
    'rejects malformed cursor %s with a 400 naming cursor',
    (raw) => {
      try {
        decodeCursor(raw, 'name', 'asc');
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(HttpError);
        expect((error as HttpError).status).toBe(400);
        expect((error as HttpError).param).toBe('cursor');
      }
    },
  );

  it('rejects a cursor from another sort or order', () => {
    const cursor = encodeCursor('name', 'asc', { value: 'a', id: 'x' });
    expect(() => decodeCursor(cursor, 'cpu', 'asc')).toThrow(/different sort/);
    expect(() => decodeCursor(cursor, 'name', 'desc')).toThrow(/different sort/);
  });
});
