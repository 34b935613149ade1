'use client';
import { useId, useState, type FormEvent } from 'react';
import { useTranslations } from 'next-intl';
import { Search, X } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { Input, Label } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { AUDIT_ACTIONS, AUDIT_OUTCOMES, type AuditOutcome } from '@/lib/contracts/audit';
import type { AuditUrlFilters } from '@/lib/client/audit-api';

const PRESETS = { lastHour: 3_600_000, last24h: 86_400_000, last7d: 7 * 86_400_000, last30d: 30 * 86_400_000 } as const;
type Preset = keyof typeof PRESETS;

/** `datetime-local` speaks local wall time without a zone; the URL and the API speak ISO (UTC). */
function toLocalInput(iso: string | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

function fromLocalInput(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/**
 * Audit filters. Text fields apply on submit (Enter or the search button), selects and outcome
 * toggles at once; everything goes to the URL through `onChange`, which is the single source of truth.
 */
export function AuditFilters({ filters, onChange }: { filters: AuditUrlFilters; onChange: (next: AuditUrlFilters) => void }) {
  const t = useTranslations('audit.filters');
  const outcomeLabel = useTranslations('audit.outcome');
  const id = useId();
  const [actor, setActor] = useState(filters.actor ?? '');
  const [target, setTarget] = useState(filters.target ?? '');
  const [custom, setCustom] = useState(Boolean(filters.to));
  const outcomes = new Set(filters.outcome ?? []);
  const hasFilters = Object.values(filters).some((value) => value !== undefined && (!Array.isArray(value) || value.length > 0));

  function submit(event: FormEvent) {
    event.preventDefault();
    onChange({ ...filters, actor: actor.trim() || undefined, target: target.trim() || undefined });
  }

  function toggleOutcome(outcome: AuditOutcome) {
    const next = new Set(outcomes);
    if (next.has(outcome)) next.delete(outcome);
    else next.add(outcome);
    onChange({ ...filters, outcome: next.size ? [...next].sort() : undefined });
  }

  function choosePreset(value: string) {
    if (value === 'custom') {
      setCustom(true);
      return;
    }
    setCustom(false);
    if (value === 'any') onChange({ ...filters, from: undefined, to: undefined });
    else onChange({ ...filters, from: new Date(Date.now() - PRESETS[value as Preset]).toISOString(), to: undefined });
  }

  return (
    <form onSubmit={submit} aria-label={t('label')} className="flex flex-wrap items-end gap-3" data-testid="audit-filters">
      <div className="w-56">
        <Label htmlFor={`${id}-actor`}>{t('actor')}</Label>
        <Input id={`${id}-actor`} name="actor" value={actor} maxLength={320} placeholder={t('actorPlaceholder')} onChange={(event) => setActor(event.target.value)} />
      </div>
      <div className="w-52">
        <Label htmlFor={`${id}-action`}>{t('action')}</Label>
        <Select id={`${id}-action`} name="action" value={filters.action ?? ''} onChange={(event) => onChange({ ...filters, action: event.target.value || undefined })}>
          <option value="">{t('anyAction')}</option>
          {AUDIT_ACTIONS.map((action) => (
            <option key={action} value={action}>
              {action}
            </option>
          ))}
          {filters.action && !(AUDIT_ACTIONS as readonly string[]).includes(filters.action) ? <option value={filters.action}>{filters.action}</option> : null}
        </Select>
      </div>
      <div className="w-56">
        <Label htmlFor={`${id}-target`}>{t('target')}</Label>
        <Input id={`${id}-target`} name="target" value={target} maxLength={253} placeholder={t('targetPlaceholder')} onChange={(event) => setTarget(event.target.value)} />
      </div>
      <fieldset>
        <legend className="mb-1.5 block text-xs font-medium text-muted">{t('outcome')}</legend>
        <div className="flex h-8 items-center rounded-md border border-border-strong bg-panel p-0.5 dark:bg-panel-sunken">
          {AUDIT_OUTCOMES.map((outcome) => (
            <button
              key={outcome}
              type="button"
              aria-pressed={outcomes.has(outcome)}
              onClick={() => toggleOutcome(outcome)}
              data-testid={`audit-outcome-filter-${outcome}`}
              className={cn(
                'h-full rounded px-2.5 text-xs font-medium transition-colors',
                outcomes.has(outcome)
                  ? outcome === 'allowed'
                    ? 'bg-success-soft text-success'
                    : outcome === 'denied'
                      ? 'bg-danger-soft text-danger'
                      : 'bg-warning-soft text-warning'
                  : 'text-muted hover:text-fg',
              )}
            >
              {outcomeLabel(outcome)}
            </button>
          ))}
        </div>
      </fieldset>
      <div className="w-40">
        <Label htmlFor={`${id}-range`}>{t('range')}</Label>
        <Select id={`${id}-range`} value={custom ? 'custom' : filters.from ? 'since' : 'any'} onChange={(event) => choosePreset(event.target.value)}>
          <option value="any">{t('anyTime')}</option>
          {filters.from && !custom ? <option value="since">{toLocalInput(filters.from).replace('T', ' ')} →</option> : null}
          {(Object.keys(PRESETS) as Preset[]).map((preset) => (
            <option key={preset} value={preset}>
              {t(preset)}
            </option>
          ))}
          <option value="custom">{t('custom')}</option>
        </Select>
      </div>
      {custom ? (
        <>
          <div className="w-48">
            <Label htmlFor={`${id}-from`}>{t('from')}</Label>
            <Input id={`${id}-from`} type="datetime-local" value={toLocalInput(filters.from)} onChange={(event) => onChange({ ...filters, from: fromLocalInput(event.target.value) })} />
          </div>
          <div className="w-48">
            <Label htmlFor={`${id}-to`}>{t('to')}</Label>
            <Input id={`${id}-to`} type="datetime-local" value={toLocalInput(filters.to)} onChange={(event) => onChange({ ...filters, to: fromLocalInput(event.target.value) })} />
          </div>
        </>
      ) : null}
      <Button type="submit" variant="secondary" aria-label={t('apply')} title={t('apply')}>
        <Search aria-hidden />
        {t('apply')}
      </Button>
      {hasFilters ? (
        <Button
          variant="ghost"
          onClick={() => {
            setActor('');
            setTarget('');
            setCustom(false);
            onChange({});
          }}
        >
          <X aria-hidden />
          {t('clear')}
        </Button>
      ) : null}
    </form>
  );
}
