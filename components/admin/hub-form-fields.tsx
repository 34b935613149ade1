'use client';
import { useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import { Eye, EyeOff, FileUp } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { Input, Label, inputClasses } from '@/components/ui/input';

/** A PEM textarea with "Load from file" (.crt/.pem/.key): the file is read in the browser, never uploaded on its own. */
export function PemField({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  accept = '.crt,.pem,.cer',
  placeholder = '-----BEGIN CERTIFICATE-----',
}: {
  id: string;
  label: string;
  hint?: React.ReactNode;
  error?: string;
  value: string;
  onChange: (value: string) => void;
  accept?: string;
  placeholder?: string;
}) {
  const t = useTranslations('admin.hubs.form');
  const fileRef = useRef<HTMLInputElement>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const shownError = error ?? fileError;
  return (
    <div>
      <div className="mb-1 flex items-end justify-between gap-2">
        <Label htmlFor={id} className="mb-0.5">
          {label}
        </Label>
        <Button size="sm" variant="ghost" className="-mr-2 h-6" onClick={() => fileRef.current?.click()} aria-label={t('loadFileLabel', { field: label })}>
          <FileUp aria-hidden />
          {t('loadFile')}
        </Button>
        <input
          ref={fileRef}
          type="file"
          accept={accept}
          className="sr-only"
          tabIndex={-1}
          aria-hidden
          data-testid={`${id}-file`}
          onChange={async (event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (!file) return;
            try {
              setFileError(null);
              onChange((await file.text()).trim());
            } catch {
              setFileError(t('fileError', { file: file.name }));
            }
          }}
        />
      </div>
      <textarea
        id={id}
        rows={4}
        spellCheck={false}
        autoComplete="off"
        value={value}
        placeholder={placeholder}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={shownError ? true : undefined}
        aria-describedby={shownError ? `${id}-error` : undefined}
        className={cn(inputClasses, 'h-auto resize-y py-1.5 font-mono text-2xs leading-4')}
      />
      {shownError ? (
        <p className="mt-1 text-xs text-danger" id={`${id}-error`}>
          {shownError}
        </p>
      ) : hint ? (
        <p className="mt-1 text-xs text-faint">{hint}</p>
      ) : null}
    </div>
  );
}

/** A write-only secret input (a bearer token) with show/hide; browsers are asked not to store it. */
export function SecretInput({
  id,
  value,
  onChange,
  invalid,
  placeholder,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  invalid?: boolean;
  placeholder?: string;
}) {
  const t = useTranslations('admin.hubs.form');
  const [shown, setShown] = useState(false);
  return (
    <div className="relative">
      <Input
        id={id}
        type={shown ? 'text' : 'password'}
        autoComplete="new-password"
        spellCheck={false}
        autoCapitalize="off"
        value={value}
        placeholder={placeholder}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={invalid ? `${id}-error` : undefined}
        className="pr-9 font-mono"
      />
      <button
        type="button"
        onClick={() => setShown((current) => !current)}
        aria-label={shown ? t('hideToken') : t('showToken')}
        aria-pressed={shown}
        className="absolute top-1/2 right-1 -translate-y-1/2 rounded p-1 text-faint transition-colors hover:bg-panel-raised hover:text-fg focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
      >
        {shown ? <EyeOff aria-hidden className="size-4" /> : <Eye aria-hidden className="size-4" />}
      </button>
    </div>
  );
}
