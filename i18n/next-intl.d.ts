// Types next-intl's t() keys against the English catalog, so a typo in a key fails `npm run typecheck`.
import type { Locale } from './config';
import type { Messages } from '@/messages';

declare module 'next-intl' {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
