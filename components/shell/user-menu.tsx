'use client';

import { useEffect, useId, useRef, useState } from 'react';
import Link from 'next/link';
import { signOut } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { ChevronDown, KeyRound, LogOut } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { cn } from '@/components/ui/cn';

export type UserMenuProps = {
  name: string;
  email: string;
  /** Already translated, e.g. "Platform admin" or "Tenant admin · acme". */
  roleLabel: string;
};

function initials(name: string, email: string): string {
  const source = name.trim() || email;
  // Letters and digits only, so "Alice (Acme)" gives "AA", not "A(".
  const words = source.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const letters = words.length >= 2 ? words[0][0] + words[1][0] : source.slice(0, 2);
  return letters.toUpperCase();
}

export function UserMenu({ name, email, roleLabel }: UserMenuProps) {
  const t = useTranslations('shell.userMenu');
  const [open, setOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    function onPointerDown(event: PointerEvent) {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    }
    function onKeyDown(event: KeyboardEvent) {
      if (event.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    }
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

  return (
    <div ref={rootRef} className="relative">
      <button
        ref={buttonRef}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        aria-label={t('open')}
        onClick={() => setOpen((value) => !value)}
        className="flex h-8 items-center gap-2 rounded-md pr-1.5 pl-1 text-[13px] text-muted transition-colors hover:bg-panel-raised hover:text-fg"
      >
        <span className="flex size-6 items-center justify-center rounded-full bg-accent-soft text-2xs font-semibold text-accent">
          {initials(name, email)}
        </span>
        <span className="hidden max-w-32 truncate text-fg lg:inline">{name}</span>
        <ChevronDown aria-hidden className={cn('size-3.5 transition-transform', open && 'rotate-180')} />
      </button>
      {open ? (
        <div
          id={menuId}
          role="menu"
          aria-label={t('open')}
          className="absolute top-full right-0 z-50 mt-1.5 w-64 animate-fade-in rounded-lg border border-border-strong bg-panel p-1 shadow-pop"
        >
          <div className="px-2.5 pt-2 pb-2.5">
            <div className="text-2xs text-faint">{t('signedInAs')}</div>
            <div className="mt-0.5 truncate font-medium text-fg" data-testid="user-menu-name">
              {name}
            </div>
            <div className="truncate text-xs text-muted" data-testid="user-menu-email">
              {email}
            </div>
            <div className="mt-2 flex items-center gap-1.5 text-xs text-muted">
              <span className="sr-only">{t('role')}:</span>
              <Badge tone="accent" data-testid="user-menu-role">
                {roleLabel}
              </Badge>
            </div>
          </div>
          <div className="my-1 border-t border-border" />
          <Link
            role="menuitem"
            href="/settings/tokens"
            onClick={() => setOpen(false)}
            className="flex h-8 items-center gap-2 rounded-md px-2.5 text-[13px] text-fg hover:bg-panel-raised"
          >
            <KeyRound aria-hidden className="size-4 text-faint" />
            {t('tokens')}
          </Link>
          <button
            role="menuitem"
            type="button"
            disabled={signingOut}
            onClick={() => {
              setSigningOut(true);
              void signOut({ callbackUrl: '/login' });
            }}
            className="flex h-8 w-full items-center gap-2 rounded-md px-2.5 text-left text-[13px] text-fg hover:bg-panel-raised disabled:opacity-60"
          >
            <LogOut aria-hidden className="size-4 text-faint" />
            {signingOut ? t('signingOut') : t('signOut')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
