import 'server-only';

import { z } from 'zod';

import { badRequest } from '@/lib/server/http/errors';

/**
 * Sort, cursor and page over in-memory records without sorting everything: one pass filters, counts
 * the total and keeps the `limit + 1` smallest items after the cursor in a bounded heap
 * (O(n log limit)). At 10,000 nodes that is about a millisecond.
 */

export type SortValue = string | number | null;
export type SortOrder = 'asc' | 'desc';

export interface CursorPosition {
  /** Sort value of the last item of the previous page. */
  value: SortValue;
  /** Unique id of that item (tie-break). */
  id: string;
}

const cursorSchema = z.object({
  s: z.string(),
  o: z.enum(['asc', 'desc']),
  v: z.union([z.string(), z.number(), z.null()]),
  i: z.string(),
});

/** Opaque base64url cursor: the sort key and order it belongs to, and the position after which to go on. */
export function encodeCursor(sort: string, order: SortOrder, position: CursorPosition): string {
  return Buffer.from(JSON.stringify({ s: sort, o: order, v: position.value, i: position.id }), 'utf8').toString('base64url');
}

/** Decodes a cursor; 400 naming `cursor` when it is malformed or belongs to another sort/order. */
export function decodeCursor(raw: string | undefined, sort: string, order: SortOrder): CursorPosition | null {
  if (raw === undefined || raw === '') return null;
  if (!/^[A-Za-z0-9_-]+$/.test(raw)) throw badRequest('cursor', 'The cursor is malformed; start again from the first page');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw badRequest('cursor', 'The cursor is malformed; start again from the first page');
  }
  const result = cursorSchema.safeParse(parsed);
  if (!result.success) throw badRequest('cursor', 'The cursor is malformed; start again from the first page');
  if (result.data.s !== sort || result.data.o !== order) {
    throw badRequest('cursor', 'The cursor belongs to a different sort order; start again from the first page');
  }
  return { value: result.data.v, id: result.data.i };
}

/** Compares sort values; nulls sort last in both directions (an unknown value is never "the top"). */
export function compareValues(a: SortValue, b: SortValue, order: SortOrder): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const natural = a < b ? -1 : a > b ? 1 : 0;
  return order === 'asc' ? natural : -natural;
}

function comparePositions(a: CursorPosition, b: CursorPosition, order: SortOrder): number {
  const byValue = compareValues(a.value, b.value, order);
  if (byValue !== 0) return byValue;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export interface PageRequest<T> {
  items: Iterable<T>;
  filter?: (item: T) => boolean;
  sortValue: (item: T) => SortValue;
  id: (item: T) => string;
  order: SortOrder;
  limit: number;
  after: CursorPosition | null;
}

export interface PageResult<T> {
  page: T[];
  total: number;
  /** Position of the last item when there are more, for the next cursor. */
  next: CursorPosition | null;
}

/** Filters, counts and pages in one pass. */
export function pageOf<T>(request: PageRequest<T>): PageResult<T> {
  const { order, after } = request;
  const capacity = request.limit + 1;
  // Max-heap (by the page order) of the best `capacity` entries seen so far.
  const heap: Array<{ item: T; position: CursorPosition }> = [];
  const worse = (i: number, j: number) => comparePositions(heap[i].position, heap[j].position, order) > 0;
  const swap = (i: number, j: number) => {
    const tmp = heap[i];
    heap[i] = heap[j];
    heap[j] = tmp;
  };
  const siftUp = (start: number) => {
    let i = start;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!worse(i, parent)) break;
      swap(i, parent);
      i = parent;
    }
  };
  const siftDown = (start: number) => {
    let i = start;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let largest = i;
      if (left < heap.length && worse(left, largest)) largest = left;
      if (right < heap.length && worse(right, largest)) largest = right;
      if (largest === i) break;
      swap(i, largest);
      i = largest;
    }
  };

  let total = 0;
  for (const item of request.items) {
    if (request.filter && !request.filter(item)) continue;
    total++;
    const value = request.sortValue(item);
    // Cheap pre-check on the value alone before building a position object.
    if (after) {
      const byValue = compareValues(value, after.value, order);
      if (byValue < 0) continue;
      if (byValue === 0 && request.id(item) <= after.id) continue;
    }
    if (heap.length === capacity) {
      const top = heap[0].position;
      const byValue = compareValues(value, top.value, order);
      if (byValue > 0) continue;
      const id = request.id(item);
      if (byValue === 0 && id >= top.id) continue;
      heap[0] = { item, position: { value, id } };
      siftDown(0);
    } else {
      heap.push({ item, position: { value, id: request.id(item) } });
      siftUp(heap.length - 1);
    }
  }
  heap.sort((a, b) => comparePositions(a.position, b.position, order));
  const hasMore = heap.length > request.limit;
  const page = heap.slice(0, request.limit);
  return {
    page: page.map((entry) => entry.item),
    total,
    next: hasMore && page.length > 0 ? page[page.length - 1].position : null,
  };
}
