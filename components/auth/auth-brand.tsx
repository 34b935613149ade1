import { ProductLogo } from '@/components/shell/product-mark';

/** The product mark above the sign-in and invitation cards. */
export function AuthBrand({ name, tagline }: { name: string; tagline: string }) {
  return (
    <div className="mb-6 flex flex-col items-center text-center">
      <ProductLogo className="size-10" />
      <div className="mt-3 text-[15px] font-semibold tracking-tight text-fg">{name}</div>
      <div className="mt-0.5 text-xs text-faint">{tagline}</div>
    </div>
  );
}
