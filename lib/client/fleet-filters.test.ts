import { describe, expect, it } from 'vitest';
import { canonicalFilters, fleetKeys, toSearchParams } from './fleet-api';
import { parseNodeFilters, parsePodFilters } from './fleet-filters';

describe('fleet URL filters', () => {
  it('parses lists, enums and booleans with the API schema', () => {
    const filters = parseNodeFilters(new URLSearchParams('hub=cn-east,cn-south&status=ready,not-ready&role=edge&cordoned=true&q=hz1'));
    expect(filters).toEqual({ hub: ['cn-east', 'cn-south'], status: ['ready', 'not-ready'], role: 'edge', cordoned: true, q: 'hz1' });
  });

  it('drops only the invalid parameter and keeps the rest of the view', () => {
    const filters = parseNodeFilters(new URLSearchParams('status=sleeping&role=edge&sort=bogus'));
    expect(filters).toEqual({ role: 'edge' });
  });

  it('ignores paging parameters and does not add defaults', () => {
    expect(parsePodFilters(new URLSearchParams('cursor=abc&limit=3'))).toEqual({});
  });

  it('round-trips through the query string', () => {
    const filters = parseNodeFilters(new URLSearchParams('arch=arm64&hub=cn-east&order=desc&sort=cpu'));
    expect(toSearchParams(filters).toString()).toBe('arch=arm64&hub=cn-east&order=desc&sort=cpu');
  });

  it('gives equal keys for equal filters regardless of property order', () => {
    expect(fleetKeys.nodes({ hub: ['a'], role: 'edge' })).toEqual(fleetKeys.nodes({ role: 'edge', hub: ['a'] }));
    expect(canonicalFilters({ q: '', hub: [] })).toEqual({});
  });
});
