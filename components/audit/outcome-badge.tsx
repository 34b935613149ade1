'use client';
import { useTranslations } from 'next-intl';
import { CircleCheck, CircleX, TriangleAlert } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import type { AuditOutcome } from '@/lib/contracts/audit';

const tone = { allowed: 'success', denied: 'danger', failed: 'warning' } as const;
const icon = { allowed: CircleCheck, denied: CircleX, failed: TriangleAlert } as const;

/** Allowed / denied / failed, with an icon so the outcome never depends on colour alone. */
export function OutcomeBadge({ outcome }: { outcome: AuditOutcome }) {
  const t = useTranslations('audit.outcome');
  const Icon = icon[outcome];
  return (
    <Badge tone={tone[outcome]} data-testid="audit-outcome" data-outcome={outcome}>
      <Icon aria-hidden className="size-3" />
      {t(outcome)}
    </Badge>
  );
}
