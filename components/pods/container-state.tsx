'use client';
import { useTranslations } from 'next-intl';
import type { PodDetail } from '@/lib/contracts/fleet';
import { cn } from '@/components/ui/cn';
import { RelativeTime } from '@/components/fleet/relative-time';

type ContainerState = PodDetail['containers'][number]['state'];

/** "Running since 3 h ago", "Waiting: CrashLoopBackOff", "Terminated: Error (exit 1)" — with the message on hover. */
export function ContainerStateText({ state }: { state: ContainerState }) {
  const t = useTranslations('pods.state');
  const tone =
    state.kind === 'running'
      ? 'text-success'
      : state.kind === 'waiting'
        ? state.reason && /BackOff|Err|Invalid/.test(state.reason)
          ? 'text-danger'
          : 'text-warning'
        : state.kind === 'terminated'
          ? state.exitCode === 0
            ? 'text-muted'
            : 'text-danger'
          : 'text-faint';
  return (
    <div className="min-w-0 text-xs leading-4" title={state.message ?? undefined}>
      <span className={cn('font-semibold', tone)}>{t(state.kind)}</span>
      {state.reason ? <span className="ml-1 font-mono text-fg">{state.reason}</span> : null}
      {state.exitCode !== null && state.kind === 'terminated' ? <span className="ml-1 text-muted">{t('exit', { code: state.exitCode })}</span> : null}
      {state.startedAt || state.finishedAt ? (
        <div className="text-2xs text-faint">
          {state.kind === 'terminated' && state.finishedAt ? (
            <>
              {t('finished')} <RelativeTime value={state.finishedAt} />
            </>
          ) : (
            <>
              {t('since')} <RelativeTime value={state.startedAt} />
            </>
          )}
        </div>
      ) : null}
      {state.message ? <div className="max-w-72 truncate text-2xs text-muted">{state.message}</div> : null}
    </div>
  );
}
