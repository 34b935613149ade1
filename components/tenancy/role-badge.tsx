'use client';
import { useTranslations } from 'next-intl';
import { Badge, type Tone } from '@/components/ui/badge';
import type { Role } from '@/lib/contracts/auth';

const tones: Record<Role, Tone> = {
  'platform-admin': 'danger',
  operator: 'warning',
  auditor: 'info',
  'tenant-admin': 'accent',
  'tenant-viewer': 'neutral',
};

/** A role's translated name (平台管理员, 运维, 审计员, 租户管理员, 租户只读成员) with a tone by privilege. */
export function RoleBadge({ role, scope }: { role: Role; scope?: string | null }) {
  const t = useTranslations('tenancy.roles');
  return (
    <Badge tone={tones[role]} data-role={role}>
      {t(role)}
      {scope ? <span className="font-normal opacity-80">· {scope}</span> : null}
    </Badge>
  );
}
