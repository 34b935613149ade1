import { cn } from '@/components/ui/cn';

/**
 * The Overlook mark: a lookout's eye over a horizon of sites. Pure SVG, no external asset, so it
 * renders under the strict CSP and in both themes.
 */
export function ProductLogo({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" aria-hidden className={cn('size-6 shrink-0', className)}>
      <defs>
        <linearGradient id="overlook-mark" x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor="#6b9bff" />
          <stop offset="1" stopColor="#3a5fd9" />
        </linearGradient>
      </defs>
      <rect width="32" height="32" rx="8" fill="url(#overlook-mark)" />
      <path
        d="M5.5 17.5c2.8-5 6.3-7.5 10.5-7.5s7.7 2.5 10.5 7.5"
        fill="none"
        stroke="#fff"
        strokeWidth="2.2"
        strokeLinecap="round"
      />
      <circle cx="16" cy="17.5" r="3.2" fill="#fff" />
      <path d="M7 23.5h18" stroke="#fff" strokeOpacity="0.55" strokeWidth="1.8" strokeLinecap="round" />
    </svg>
  );
}

export function ProductMark({ name, className }: { name: string; className?: string }) {
  return (
    <span className={cn('inline-flex items-center gap-2', className)}>
      <ProductLogo />
      <span className="text-[14px] font-semibold tracking-tight text-fg">{name}</span>
    </span>
  );
}
