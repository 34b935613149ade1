import { describe, expect, it } from 'vitest';
import { shortAccelerator } from './node-chips';

describe('shortAccelerator', () => {
  it('names accelerator families the way operators say them', () => {
    expect(shortAccelerator('nvidia.com/gpu')).toBe('GPU');
    expect(shortAccelerator('xilinx.com/fpga')).toBe('FPGA');
    expect(shortAccelerator('huawei.com/ascend-310')).toBe('NPU');
    expect(shortAccelerator('example.com/widget-accelerator')).toBe('WIDGET-A');
  });
});
