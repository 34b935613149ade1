import { useTranslations } from 'next-intl';
import { Cloud, Cpu, RadioTower } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import type { NodeListItem } from '@/lib/contracts/fleet';

export function RoleChip({ role }: { role: NodeListItem['role'] }) {
  const t = useTranslations('nodes.role');
  return (
    <Badge tone={role === 'edge' ? 'accent' : 'neutral'} data-role={role}>
      {role === 'edge' ? <RadioTower aria-hidden className="size-3" /> : <Cloud aria-hidden className="size-3" />}
      {t(role)}
    </Badge>
  );
}

export function ArchChip({ arch }: { arch: string }) {
  return (
    <Badge tone={arch === 'arm64' ? 'info' : 'neutral'} className="font-mono">
      {arch}
    </Badge>
  );
}

/** GPUs, FPGAs, ASICs: the short vendor-neutral name with the full resource name on hover. */
export function AcceleratorChips({ accelerators }: { accelerators: string[] }) {
  if (!accelerators.length) return null;
  return (
    <>
      {accelerators.map((name) => (
        <Badge key={name} tone="warning" title={name}>
          <Cpu aria-hidden className="size-3" />
          {shortAccelerator(name)}
        </Badge>
      ))}
    </>
  );
}

/** `nvidia.com/gpu` → GPU, `xilinx.com/fpga` → FPGA, `huawei.com/ascend-310` → NPU; others by their short name. */
export function shortAccelerator(resource: string): string {
  const [, kind = resource] = resource.split('/');
  if (/gpu/i.test(kind)) return 'GPU';
  if (/fpga/i.test(kind)) return 'FPGA';
  if (/ascend|npu/i.test(kind)) return 'NPU';
  if (/asic|tpu/i.test(kind)) return 'ASIC';
  return kind.toUpperCase().slice(0, 8);
}
