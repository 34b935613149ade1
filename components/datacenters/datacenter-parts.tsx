import { Cpu } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { shortAccelerator } from '@/components/nodes/node-chips';

/** `amd64 6 · arm64 2` as chips, largest first. */
export function ArchMix({ architectures }: { architectures: Record<string, number> }) {
  const entries = Object.entries(architectures).sort(([, a], [, b]) => b - a);
  if (!entries.length) return <span className="text-faint">—</span>;
  return (
    <>
      {entries.map(([arch, count]) => (
        <Badge key={arch} tone={arch === 'arm64' ? 'info' : 'neutral'} className="font-mono">
          {arch} <span className="font-semibold">{count}</span>
        </Badge>
      ))}
    </>
  );
}

export function AcceleratorSummary({ accelerators }: { accelerators: Record<string, number> }) {
  const entries = Object.entries(accelerators).filter(([, count]) => count > 0);
  if (!entries.length) return null;
  return (
    <>
      {entries.map(([name, count]) => (
        <Badge key={name} tone="warning" title={name}>
          <Cpu aria-hidden className="size-3" />
          {shortAccelerator(name)} <span className="font-semibold">{count}</span>
        </Badge>
      ))}
    </>
  );
}
