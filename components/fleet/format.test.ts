import { describe, expect, it } from 'vitest';
import { formatBytes, formatCores, parseQuantity, percentOf, splitDatacenterId } from './format';

describe('fleet formatting', () => {
  it('formats bytes in binary units', () => {
    expect(formatBytes(16 * 2 ** 30)).toBe('16 GiB');
    expect(formatBytes(1536 * 2 ** 20)).toBe('1.5 GiB');
    expect(formatBytes(null)).toBe('—');
  });
  it('formats cores', () => {
    expect(formatCores(0.25)).toBe('0.25');
    expect(formatCores(3.5)).toBe('3.5');
    expect(formatCores(8)).toBe('8');
    expect(formatCores(1280)).toBe('1,280');
  });
  it('parses Kubernetes quantities', () => {
    expect(parseQuantity('7800m')).toBeCloseTo(7.8);
    expect(parseQuantity('16Gi')).toBe(16 * 2 ** 30);
    expect(parseQuantity('110')).toBe(110);
    expect(parseQuantity('1e3')).toBe(1000);
    expect(parseQuantity('banana')).toBeNull();
  });
  it('computes bounded percentages', () => {
    expect(percentOf(5, 10)).toBe(50);
    expect(percentOf(20, 10)).toBe(100);
    expect(percentOf(null, 10)).toBeNull();
  });
  it('splits datacenter ids at the first colon', () => {
    expect(splitDatacenterId('cn-east:hz1')).toEqual({ hub: 'cn-east', zone: 'hz1' });
  });
});
