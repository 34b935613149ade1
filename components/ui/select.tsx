import { forwardRef, type SelectHTMLAttributes } from 'react';
import { ChevronDown } from 'lucide-react';
import { cn } from './cn';
import { inputClasses } from './input';

/** Native <select> (keyboard and screen-reader behaviour for free) with the console's styling. */
export const Select = forwardRef<HTMLSelectElement, SelectHTMLAttributes<HTMLSelectElement> & { wrapperClassName?: string }>(
  function Select({ className, wrapperClassName, children, ...props }, ref) {
    return (
      <div className={cn('relative', wrapperClassName)}>
        <select ref={ref} className={cn(inputClasses, 'cursor-pointer appearance-none pr-7', className)} {...props}>
          {children}
        </select>
        <ChevronDown
          aria-hidden
          className="pointer-events-none absolute top-1/2 right-2 size-3.5 -translate-y-1/2 text-faint"
        />
      </div>
    );
  },
);
