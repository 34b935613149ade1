'use client';
import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useFormatter, useTranslations } from 'next-intl';
import { CircleAlert, FileCode2, KeyRound, Lock, Pencil, Plus, Server, ShieldCheck, Trash2 } from 'lucide-react';
import { QueryErrorPanel } from '@/components/fleet/query-states';
import { ClockTime, RelativeTime } from '@/components/fleet/relative-time';
import { HubStatusBadge } from '@/components/fleet/status-badges';
import { StatusPill } from '@/components/fleet/status-pill';
import { useAccess } from '@/components/tenancy/access-provider';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from '@/components/ui/table';
import { fleetKeys } from '@/lib/client/fleet-api';
import { hubAdminKeys, hubAdminListQuery, hubAdminMutations } from '@/lib/client/hub-admin-api';
import type { AdminHubDto } from '@/lib/contracts/hub-admin';
import { ConfirmDialog } from './confirm-dialog';
import { HubFormDialog } from './hub-form-dialog';
import { TableSkeleton } from './users-panel';

/** Hubs: every hub the console watches (kubeconfig and registered); platform admins register, edit and delete. */
export function HubsPanel() {
  const t = useTranslations('admin.hubs');
  const common = useTranslations('admin.common');
  const access = useAccess();
  const canManage = access.platformAdmin;
  const query = useQuery(hubAdminListQuery());
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<AdminHubDto | 'new' | null>(null);
  const [deleting, setDeleting] = useState<AdminHubDto | null>(null);
  const registrationEnabled = query.data?.registrationEnabled ?? false;

  return (
    <>
      {query.data && !registrationEnabled ? (
        <div role="note" data-testid="hub-registration-disabled" className="mb-3 flex items-start gap-2.5 rounded-md border border-warning/30 bg-warning-soft px-3 py-2.5 text-[13px]">
          <Lock aria-hidden className="mt-0.5 size-4 shrink-0 text-warning" />
          <div>
            <div className="font-medium text-fg">{t('disabled.title')}</div>
            <p className="mt-0.5 text-muted">{t('disabled.description')}</p>
            {query.data.registrationDisabledReason ? (
              <p className="mt-0.5 font-mono text-xs text-muted">{t('disabled.reason', { reason: query.data.registrationDisabledReason })}</p>
            ) : null}
          </div>
        </div>
      ) : null}
      <Card>
        <CardHeader
          title={t('title')}
          description={canManage ? t('description') : t('readOnly')}
          actions={
            canManage ? (
              <Button variant="primary" size="sm" onClick={() => setEditing('new')} disabled={!registrationEnabled} data-testid="hub-register">
                <Plus aria-hidden />
                {t('register')}
              </Button>
            ) : null
          }
        />
        {query.isPending ? (
          <TableSkeleton name="hubs-table" label={t('loading')} rows={3} />
        ) : query.isError ? (
          <QueryErrorPanel error={query.error} onRetry={() => void query.refetch()} />
        ) : query.data.items.length === 0 ? (
          <EmptyState icon={Server} title={t('empty')} description={t('emptyDescription')} />
        ) : (
          <HubsTable hubs={query.data.items} canManage={canManage} onEdit={setEditing} onDelete={setDeleting} />
        )}
      </Card>
      {editing ? <HubFormDialog hub={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
      <ConfirmDialog
        open={deleting !== null}
        title={t('deleteTitle', { name: deleting?.name ?? '' })}
        description={t('deleteDescription', { name: deleting?.name ?? '' })}
        confirmLabel={t('deleteConfirm')}
        pendingLabel={common('deleting')}
        typeToConfirm={deleting ? { label: t('deleteConfirmLabel', { name: deleting.name }), value: deleting.name } : undefined}
        run={() => hubAdminMutations.remove(deleting!.name)}
        onDone={async () => {
          await Promise.all([queryClient.invalidateQueries({ queryKey: hubAdminKeys.all }), queryClient.invalidateQueries({ queryKey: fleetKeys.all })]);
        }}
        onClose={() => setDeleting(null)}
      />
    </>
  );
}

function HubsTable({
  hubs,
  canManage,
  onEdit,
  onDelete,
}: {
  hubs: AdminHubDto[];
  canManage: boolean;
  onEdit: (hub: AdminHubDto) => void;
  onDelete: (hub: AdminHubDto) => void;
}) {
  const t = useTranslations('admin.hubs');
  const common = useTranslations('admin.common');
  const format = useFormatter();
  return (
    <Table aria-label={t('table.label')} data-testid="hubs-table">
      <TableHead>
        <tr>
          <TableHeaderCell>{t('table.hub')}</TableHeaderCell>
          <TableHeaderCell>{t('table.source')}</TableHeaderCell>
          <TableHeaderCell>{t('table.connection')}</TableHeaderCell>
          <TableHeaderCell>{t('table.status')}</TableHeaderCell>
          {canManage ? (
            <TableHeaderCell className="text-right">
              <span className="sr-only">{common('actions')}</span>
            </TableHeaderCell>
          ) : null}
        </tr>
      </TableHead>
      <TableBody>
        {hubs.map((hub) => (
          <TableRow key={`${hub.source}:${hub.name}`} data-testid="hub-row" data-hub={hub.name} data-source={hub.source} data-status={hub.status ?? 'none'} className={cn(hub.problem && 'bg-danger-soft/40')}>
            <TableCell className="max-w-80 py-1.5">
              <div className="truncate font-medium text-fg">
                {hub.displayName}
                {hub.displayName !== hub.name ? <span className="ml-1.5 font-mono text-xs font-normal text-faint">{hub.name}</span> : null}
              </div>
              <div className="text-2xs text-faint">
                {hub.region ? t('region', { region: hub.effectiveRegion }) : t('regionDerived', { region: hub.effectiveRegion })}
                {hub.kubernetesVersion ? <span className="ml-1.5 font-mono">{hub.kubernetesVersion}</span> : null}
              </div>
              {hub.problem ? (
                <div className="mt-0.5 flex items-start gap-1 whitespace-normal text-xs text-danger" data-testid="hub-problem">
                  <CircleAlert aria-hidden className="mt-px size-3.5 shrink-0" />
                  {t('problem', { problem: hub.problem })}
                </div>
              ) : null}
            </TableCell>
            <TableCell>
              <Badge tone={hub.source === 'registered' ? 'accent' : 'neutral'} data-testid="hub-source">
                {hub.source === 'kubeconfig' ? <FileCode2 aria-hidden className="size-3" /> : null}
                {t(`source.${hub.source}`)}
              </Badge>
              {hub.source === 'kubeconfig' ? (
                <div className="mt-0.5 flex max-w-48 items-center gap-1 text-2xs text-faint" title={t('definedInHint', { file: hub.kubeconfigFile ?? 'kubeconfig' })} data-testid="hub-defined-in">
                  <Lock aria-hidden className="size-3 shrink-0" />
                  <span className="truncate">{t('definedIn', { file: basename(hub.kubeconfigFile) })}</span>
                </div>
              ) : null}
            </TableCell>
            <TableCell className="max-w-md py-1.5">
              <div className="flex min-w-0 items-baseline gap-2">
                <span className="truncate font-mono text-xs text-fg" title={hub.server} data-testid="hub-server">
                  {hub.server}
                </span>
                {hub.tlsServerName ? <span className="shrink-0 font-mono text-2xs text-faint">SNI {hub.tlsServerName}</span> : null}
              </div>
              <div className="mt-0.5 flex min-w-0 items-center gap-3 text-2xs text-faint">
                {hub.ca ? (
                  <span
                    className="inline-flex min-w-0 items-center gap-1"
                    title={t('caTitle', { sha256: hub.ca.sha256, notAfter: format.dateTime(new Date(hub.ca.notAfter), { dateStyle: 'medium' }) })}
                    data-testid="hub-ca"
                  >
                    <ShieldCheck aria-hidden className="size-3 shrink-0" />
                    <span className="truncate text-muted">{hub.ca.subject}</span>
                    <span className="shrink-0 font-mono">sha256 {shortFingerprint(hub.ca.sha256)}</span>
                  </span>
                ) : (
                  <span className="inline-flex items-center gap-1" data-testid="hub-ca">
                    <ShieldCheck aria-hidden className="size-3 shrink-0" />
                    {t('systemTrust')}
                  </span>
                )}
                <span className="inline-flex shrink-0 items-center gap-1" data-testid="hub-credential" data-kind={hub.credentialKind}>
                  <KeyRound aria-hidden className="size-3" />
                  <span className="sr-only">{t('table.credential')}: </span>
                  {t(`credentialKind.${hub.credentialKind}`)}
                </span>
              </div>
            </TableCell>
            <TableCell className="py-1.5" data-testid="hub-status">
              {hub.status ? (
                <HubStatusBadge status={hub.status} title={hub.error ?? undefined} />
              ) : (
                <StatusPill tone="neutral" icon={CircleAlert} label={t('notRunning')} status="none" title={hub.problem ?? undefined} />
              )}
              <div className="mt-0.5 text-2xs">
                {hub.status === 'unreachable' ? (
                  <span className="text-danger" title={hub.error ?? undefined}>
                    {t.rich('unreachableSince', { since: () => <ClockTime value={hub.statusSince} /> })}
                  </span>
                ) : hub.lastSyncAt ? (
                  <span className="text-faint">
                    {t('lastSyncShort')} <RelativeTime value={hub.lastSyncAt} />
                  </span>
                ) : (
                  <span className="text-faint">{t('neverSynced')}</span>
                )}
              </div>
            </TableCell>
            {canManage ? (
              <TableCell className="text-right">
                {hub.source === 'registered' ? (
                  <div className="flex justify-end gap-1">
                    <Button size="sm" variant="ghost" onClick={() => onEdit(hub)} aria-label={t('editLabel', { name: hub.name })} data-testid="hub-edit">
                      <Pencil aria-hidden />
                    </Button>
                    <Button size="sm" variant="ghost" className="hover:text-danger" onClick={() => onDelete(hub)} aria-label={t('deleteLabel', { name: hub.name })} data-testid="hub-delete">
                      <Trash2 aria-hidden />
                    </Button>
                  </div>
                ) : null}
              </TableCell>
            ) : null}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** `ab12cd34…ef56` from a hex (optionally colon-separated) SHA-256. */
function shortFingerprint(sha256: string): string {
  const hex = sha256.replace(/:/g, '').toLowerCase();
  return hex.length > 16 ? `${hex.slice(0, 8)}…${hex.slice(-4)}` : hex;
}

function basename(file: string | null): string {
  if (!file) return 'kubeconfig';
  return file.split(/[\\/]/).pop() || file;
}
