import { describe, expect, it } from 'vitest';
import { locales } from '@/i18n/config';
import { messagesByLocale } from './index';

/** Flattens a catalog to dotted key paths; arrays count as one leaf with their length. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return [`${prefix}[${value.length}]`];
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) =>
      keyPaths(child, prefix ? `${prefix}.${key}` : key),
    );
  }
  return [prefix];
}

function leafStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(leafStrings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(leafStrings);
  return [];
}

describe('message catalog', () => {
  const english = keyPaths(messagesByLocale.en).sort();

  for (const locale of locales) {
    it(`${locale} has exactly the English keys`, () => {
      expect(keyPaths(messagesByLocale[locale]).sort()).toEqual(english);
    });

    it(`${locale} has no empty strings`, () => {
      expect(leafStrings(messagesByLocale[locale]).filter((s) => s.trim() === '')).toEqual([]);
    });
  }

  it('zh-CN is actually translated (navigation is not left in English)', () => {
    const zh = messagesByLocale['zh-CN'].shell.nav;
    const enNav = messagesByLocale.en.shell.nav;
    for (const key of ['overview', 'datacenters', 'nodes', 'workloads', 'logs'] as const) {
      expect(zh[key]).not.toBe(enNav[key]);
      expect(zh[key]).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
