/** Number formatting shared by the fleet views (pure; safe on server and client). */

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/** Binary units, as Kubernetes quantities are (16 GiB, not 17.2 GB). */
export function formatBytes(bytes: number | null | undefined, digits = 1): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return '—';
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const fixed = value >= 100 || unit === 0 ? value.toFixed(0) : value.toFixed(digits);
  return `${fixed.replace(/\.0+$/, '')} ${BYTE_UNITS[unit]}`;
}

/** Cores with millicore precision only where it matters: 0.25, 3.5, 128. */
export function formatCores(cores: number | null | undefined): string {
  if (cores === null || cores === undefined || !Number.isFinite(cores)) return '—';
  if (cores === 0) return '0';
  if (cores < 1) return cores.toFixed(2).replace(/0+$/, '').replace(/\.$/, '');
  if (cores < 100) return cores.toFixed(1).replace(/\.0$/, '');
  return Math.round(cores).toLocaleString('en-US');
}

/** Whole-number percentage of used/total; null when either side is unknown. */
export function percentOf(used: number | null | undefined, total: number | null | undefined): number | null {
  if (used === null || used === undefined || !total) return null;
  return Math.max(0, Math.min(100, Math.round((used / total) * 100)));
}

export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

/** `cn-east:hz1` → { hub: 'cn-east', zone: 'hz1' }; zones may themselves contain colons. */
export function splitDatacenterId(id: string): { hub: string; zone: string } {
  const at = id.indexOf(':');
  return at < 0 ? { hub: id, zone: id } : { hub: id.slice(0, at), zone: id.slice(at + 1) };
}

const QUANTITY_SUFFIX: Record<string, number> = {
  n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
};

/** A Kubernetes quantity ("7800m", "16302548Ki", "110") as a number; null when unparseable. */
export function parseQuantity(quantity: string | undefined | null): number | null {
  if (!quantity) return null;
  const match = /^([+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?$/.exec(quantity.trim());
  if (!match) return null;
  return Number(match[1]) * QUANTITY_SUFFIX[match[2] ?? ''];
}
