import { describe, expect, it } from 'vitest';

import { parseQuantity, quantityOrZero } from './quantity';

describe('parseQuantity', () => {
  it.each([
    ['8', 8],
    ['500m', 0.5],
    ['287982098n', 0.287982098],
    ['250u', 0.00025],
    ['16302548Ki', 16302548 * 1024],
    ['1.5Gi', 1.5 * 1024 ** 3],
    ['128Mi', 128 * 1024 ** 2],
    ['1G', 1e9],
    ['2k', 2000],
    ['2e3', 2000],
    ['1E', 1e18],
    ['0', 0],
    ['.5', 0.5],
  ])('%s → %d', (raw, expected) => {
    expect(parseQuantity(raw)).toBeCloseTo(expected, 12);
  });

  it('rejects what is not a quantity', () => {
    expect(parseQuantity('abc')).toBeNull();
    expect(parseQuantity('1Xi')).toBeNull();
    expect(parseQuantity('')).toBeNull();
    expect(parseQuantity(undefined)).toBeNull();
    expect(quantityOrZero('garbage')).toBe(0);
  });

  it('passes numbers through', () => {
    expect(parseQuantity(4)).toBe(4);
    expect(parseQuantity(Number.NaN)).toBeNull();
  });
});
