'use client';

import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useFormatter, useNow, useTranslations } from 'next-intl';
import { KeyRound, Plus, Trash2 } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { Dialog } from '@/components/ui/dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { Skeleton, SkeletonRegion } from '@/components/ui/skeleton';
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from '@/components/ui/table';
import { revokeToken, tokenListQueryOptions, tokenQueryKeys } from '@/lib/client/tokens-api';
import type { ApiTokenDto } from '@/lib/contracts/tokens';
import { CreateTokenDialog } from './create-token-dialog';

export function TokensTableSkeleton() {
  const t = useTranslations('tokens');
  return (
    <SkeletonRegion name="tokens-table" label={t('skeleton')} className="divide-y divide-border">
      {Array.from({ length: 3 }, (_, i) => (
        <div key={i} className="flex items-center gap-6 px-3 py-2.5">
          <Skeleton className="h-4 w-40" />
          <Skeleton className="h-4 w-16" />
          <Skeleton className="h-4 w-24" />
          <Skeleton className="ml-auto h-6 w-16" />
        </div>
      ))}
    </SkeletonRegion>
  );
}

/** The user's API tokens: list, create (secret shown once), revoke. */
export function TokensPanel() {
  const t = useTranslations('tokens');
  const [createOpen, setCreateOpen] = useState(false);
  const [revoking, setRevoking] = useState<ApiTokenDto | null>(null);
  const query = useQuery(tokenListQueryOptions());
  const tokens = query.data?.items.filter((token) => token.revokedAt === null) ?? [];

  const createButton = (
    <Button variant="primary" size="sm" onClick={() => setCreateOpen(true)}>
      <Plus aria-hidden />
      {t('create')}
    </Button>
  );

  return (
    <>
      <Card>
        <CardHeader title={t('table.label')} actions={createButton} />
        {query.isPending ? (
          <TokensTableSkeleton />
        ) : query.isError ? (
          <p role="alert" className="px-4 py-6 text-[13px] text-danger">
            {t('loadError', { message: query.error.message })}
          </p>
        ) : tokens.length === 0 ? (
          <EmptyState icon={KeyRound} title={t('empty.title')} description={t('empty.description')} />
        ) : (
          <TokensTable tokens={tokens} onRevoke={setRevoking} />
        )}
      </Card>
      <CreateTokenDialog open={createOpen} onClose={() => setCreateOpen(false)} />
      <RevokeTokenDialog token={revoking} onClose={() => setRevoking(null)} />
    </>
  );
}

function TokensTable({ tokens, onRevoke }: { tokens: ApiTokenDto[]; onRevoke: (token: ApiTokenDto) => void }) {
  const t = useTranslations('tokens');
  const common = useTranslations('common');
  const format = useFormatter();
  // Re-render relative times every minute.
  const now = useNow({ updateInterval: 60_000 });
  const date = (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'medium' });

  return (
    <Table aria-label={t('table.label')} data-testid="tokens-table">
      <TableHead>
        <tr>
          <TableHeaderCell>{t('table.name')}</TableHeaderCell>
          <TableHeaderCell>{t('table.scopes')}</TableHeaderCell>
          <TableHeaderCell>{t('table.created')}</TableHeaderCell>
          <TableHeaderCell>{t('table.lastUsed')}</TableHeaderCell>
          <TableHeaderCell>{t('table.expires')}</TableHeaderCell>
          <TableHeaderCell className="text-right">
            <span className="sr-only">{t('table.actions')}</span>
          </TableHeaderCell>
        </tr>
      </TableHead>
      <TableBody>
        {tokens.map((token) => {
          const expired = token.expiresAt !== null && new Date(token.expiresAt).getTime() <= now.getTime();
          return (
            <TableRow key={token.id} data-testid="token-row" data-token-name={token.name}>
              <TableCell>
                <div className="font-medium text-fg">{token.name}</div>
                <div className="font-mono text-2xs text-faint">olk_{token.prefix}_…</div>
              </TableCell>
              <TableCell>
                <div className="flex gap-1">
                  {token.scopes.map((scope) => (
                    <Badge key={scope} tone={scope === 'write' ? 'warning' : 'neutral'}>
                      {t(`scopes.${scope}`)}
                    </Badge>
                  ))}
                </div>
              </TableCell>
              <TableCell className="text-muted">{date(token.createdAt)}</TableCell>
              <TableCell className="text-muted">
                {token.lastUsedAt ? format.relativeTime(new Date(token.lastUsedAt), now) : common('time.never')}
              </TableCell>
              <TableCell className="text-muted">
                {token.expiresAt === null ? (
                  t('table.noExpiry')
                ) : expired ? (
                  <Badge tone="danger">{t('table.expired')}</Badge>
                ) : (
                  date(token.expiresAt)
                )}
              </TableCell>
              <TableCell className="text-right">
                <Button
                  variant="ghost"
                  size="sm"
                  onClick={() => onRevoke(token)}
                  aria-label={t('revoke.actionLabel', { name: token.name })}
                  className="hover:text-danger"
                >
                  <Trash2 aria-hidden />
                  {t('revoke.action')}
                </Button>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

function RevokeTokenDialog({ token, onClose }: { token: ApiTokenDto | null; onClose: () => void }) {
  const t = useTranslations('tokens');
  const common = useTranslations('common');
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (id: string) => revokeToken(id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: tokenQueryKeys.all });
      mutation.reset();
      onClose();
    },
  });
  // Keep the last token's name while the dialog animates closed.
  const name = token?.name ?? '';

  return (
    <Dialog
      open={token !== null}
      onClose={() => {
        mutation.reset();
        onClose();
      }}
      title={t('revoke.title')}
      description={t('revoke.description', { name })}
      closeLabel={common('actions.close')}
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            {common('actions.cancel')}
          </Button>
          <Button
            variant="danger"
            disabled={mutation.isPending || token === null}
            onClick={() => token && mutation.mutate(token.id)}
          >
            {mutation.isPending ? t('revoke.revoking') : t('revoke.confirm')}
          </Button>
        </>
      }
    >
      {mutation.error ? (
        <p role="alert" className="text-[13px] text-danger">
          {t('revoke.failed', { message: mutation.error.message })}
        </p>
      ) : null}
    </Dialog>
  );
}
