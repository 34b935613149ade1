import {
  Activity,
  Boxes,
  Building,
  Building2,
  KeyRound,
  LayoutDashboard,
  Package,
  ScrollText,
  Server,
  Settings2,
  ShieldCheck,
  type LucideIcon,
} from 'lucide-react';

/** Keys under `shell.nav` in the message catalog. */
export type NavLabelKey =
  | 'overview'
  | 'datacenters'
  | 'nodes'
  | 'workloads'
  | 'logs'
  | 'metrics'
  | 'registries'
  | 'audit'
  | 'admin'
  | 'tenant'
  | 'tokens';

export type NavItem = { href: string; label: NavLabelKey; icon: LucideIcon };
export type NavSection = { id: 'fleet' | 'observe' | 'govern' | 'settings'; items: NavItem[] };

/** The console's sections in sidebar order. A new section adds one entry here and one page. */
export const navSections: NavSection[] = [
  {
    id: 'fleet',
    items: [
      { href: '/', label: 'overview', icon: LayoutDashboard },
      { href: '/datacenters', label: 'datacenters', icon: Building2 },
      { href: '/nodes', label: 'nodes', icon: Server },
      { href: '/workloads', label: 'workloads', icon: Boxes },
    ],
  },
  {
    id: 'observe',
    items: [
      { href: '/logs', label: 'logs', icon: ScrollText },
      { href: '/metrics', label: 'metrics', icon: Activity },
      { href: '/registries', label: 'registries', icon: Package },
    ],
  },
  {
    id: 'govern',
    items: [
      { href: '/tenant', label: 'tenant', icon: Building },
      { href: '/audit', label: 'audit', icon: ShieldCheck },
      { href: '/admin', label: 'admin', icon: Settings2 },
    ],
  },
  {
    id: 'settings',
    items: [{ href: '/settings/tokens', label: 'tokens', icon: KeyRound }],
  },
];

/** `/` is active only on itself; every other section is active on its own sub-pages too. */
export function isNavItemActive(href: string, pathname: string): boolean {
  if (href === '/') return pathname === '/';
  return pathname === href || pathname.startsWith(`${href}/`);
}
