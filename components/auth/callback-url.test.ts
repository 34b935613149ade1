import { describe, expect, it } from 'vitest';
import { safeCallbackPath } from './callback-url';

describe('safeCallbackPath', () => {
  it('keeps same-origin paths with their query', () => {
    expect(safeCallbackPath('/nodes?hub=cn-east')).toBe('/nodes?hub=cn-east');
  });

  it('defaults to the overview', () => {
    expect(safeCallbackPath(undefined)).toBe('/');
    expect(safeCallbackPath('')).toBe('/');
  });

  it('rejects other origins and protocol-relative or backslash tricks', () => {
    expect(safeCallbackPath('https://evil.example/steal')).toBe('/');
    expect(safeCallbackPath('//evil.example')).toBe('/');
    expect(safeCallbackPath('/\\evil.example')).toBe('/');
    expect(safeCallbackPath('javascript:alert(1)')).toBe('/');
  });

  it('accepts an absolute URL on the public origin', () => {
    expect(safeCallbackPath('http://127.0.0.1:3100/workloads?x=1', 'http://127.0.0.1:3100')).toBe('/workloads?x=1');
    expect(safeCallbackPath('http://127.0.0.1:9999/workloads', 'http://127.0.0.1:3100')).toBe('/');
  });

  it('never loops back to the login page or lands on an API route', () => {
    expect(safeCallbackPath('/login?callbackUrl=/x')).toBe('/');
    expect(safeCallbackPath('/api/v1/me')).toBe('/');
  });
});
