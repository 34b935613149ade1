import { describe, expect, it } from 'vitest';

import { hubsOverlap, patternToRegExp, patternsOverlap } from './patterns';

describe('namespace patterns', () => {
  it('matches names with * as any run of characters', () => {
    expect(patternToRegExp('acme-*').test('acme-pos')).toBe(true);
    expect(patternToRegExp('acme-*').test('acme')).toBe(false);
    expect(patternToRegExp('acme-*').test('xacme-pos')).toBe(false);
    expect(patternToRegExp('*-prod').test('shop-prod')).toBe(true);
    expect(patternToRegExp('a.b').test('axb')).toBe(false);
  });

  it.each([
    ['acme-*', 'acme-pos', true],
    ['acme-*', 'globex-*', false],
    ['acme-*', '*-pos', true],
    ['*-prod', '*-dev', false],
    ['acme', 'acme', true],
    ['acme', 'acme-pos', false],
    ['a*b', 'c*', false],
    ['a*c*', '*b*', true],
  ])('%s overlaps %s: %s', (a, b, expected) => {
    expect(patternsOverlap(a, b)).toBe(expected);
    expect(patternsOverlap(b, a)).toBe(expected);
  });

  it('hubs overlap when either is * or both are the same', () => {
    expect(hubsOverlap('*', 'cn-east')).toBe(true);
    expect(hubsOverlap('cn-east', 'cn-south')).toBe(false);
  });
});
