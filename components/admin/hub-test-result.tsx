'use client';
import { useTranslations } from 'next-intl';
import { CircleCheck, CircleX } from 'lucide-react';
import { cn } from '@/components/ui/cn';
import type { HubTestResult } from '@/lib/contracts/hub-admin';

/**
 * The answer of "Test connection", inline in the hub form: what works (Kubernetes version, latency,
 * nodes, KubeEdge, read access) or what failed, in plain words, with what to check.
 */
export function HubTestResultPanel({ result }: { result: HubTestResult }) {
  const t = useTranslations('admin.hubs.test');
  const kind = result.failure ?? 'unknown';
  if (!result.ok) {
    return (
      <div
        role="alert"
        data-testid="hub-test-result"
        data-ok="false"
        data-failure={kind}
        className="rounded-md border border-danger/30 bg-danger-soft px-3 py-2.5 text-[13px]"
      >
        <div className="flex items-center gap-2 font-medium text-danger">
          <CircleX aria-hidden className="size-4 shrink-0" />
          {t('failedTitle', { kind: t(`failure.${kind}`) })}
        </div>
        {result.message ? <p className="mt-1 break-words text-fg">{result.message}</p> : null}
        <p className="mt-1.5 text-xs text-muted">
          <span className="font-medium text-fg">{t('check')}:</span> {t(`hint.${kind}`)}
        </p>
      </div>
    );
  }
  const access = (value: boolean | null) => (
    <span className={cn(value === true ? 'text-success' : value === false ? 'text-danger' : 'text-faint')}>
      {value === true ? t('allowed') : value === false ? t('denied') : t('unknown')}
    </span>
  );
  return (
    <div role="status" data-testid="hub-test-result" data-ok="true" className="rounded-md border border-success/30 bg-success-soft px-3 py-2.5 text-[13px]">
      <div className="flex items-center gap-2 font-medium text-success">
        <CircleCheck aria-hidden className="size-4 shrink-0" />
        {t('okTitle')}
      </div>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-0.5 text-xs sm:grid-cols-[auto_1fr_auto_1fr]">
        <dt className="text-muted">{t('kubernetes')}</dt>
        <dd className="font-mono text-fg" data-testid="hub-test-version">
          {result.kubernetesVersion ?? '—'}
        </dd>
        <dt className="text-muted">{t('latency')}</dt>
        <dd className="text-fg tabular-nums">{result.latencyMs === null ? '—' : t('latencyValue', { ms: Math.round(result.latencyMs) })}</dd>
        <dt className="text-muted">{t('nodes')}</dt>
        <dd className="text-fg tabular-nums">{result.nodeCount ?? '—'}</dd>
        <dt className="text-muted">{t('kubeedge')}</dt>
        <dd className="text-fg">{result.kubeedge === null ? '—' : result.kubeedge ? t('kubeedgeYes') : t('kubeedgeNo')}</dd>
        <dt className="text-muted">{t('access')}</dt>
        <dd className="text-fg sm:col-span-3">
          {t('accessNodes')} {access(result.access.nodes)} · {t('accessPods')} {access(result.access.pods)}
        </dd>
      </dl>
      {result.message ? <p className="mt-1.5 text-xs text-muted">{result.message}</p> : null}
    </div>
  );
}
