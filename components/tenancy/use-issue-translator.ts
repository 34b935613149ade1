'use client';
/**
 * Translates zod issues from the contracts' schemas into the user's language. The schemas carry
 * English messages written for API callers; in the console we map each issue by its code and bounds
 * so the Chinese UI is Chinese too. A custom (refine) message has no code-level meaning, so it is
 * shown as written.
 */
import { useCallback } from 'react';
import { useTranslations } from 'next-intl';
import type { z } from 'zod';
import type { IssueTranslator } from './form-errors';

export function useIssueTranslator(): IssueTranslator {
  const t = useTranslations('tenancy.validation');
  return useCallback<IssueTranslator>(
    (issue: z.core.$ZodIssue) => {
      switch (issue.code) {
        case 'invalid_type':
          return t('required');
        case 'too_small': {
          const minimum = Number(issue.minimum);
          if (issue.origin === 'string') return minimum <= 1 ? t('required') : t('minLength', { min: minimum });
          if (issue.origin === 'array' || issue.origin === 'set') return t('minItems', { min: minimum });
          return t('minValue', { min: minimum });
        }
        case 'too_big': {
          const maximum = Number(issue.maximum);
          if (issue.origin === 'string') return t('maxLength', { max: maximum });
          if (issue.origin === 'array' || issue.origin === 'set') return t('maxItems', { max: maximum });
          return t('maxValue', { max: maximum });
        }
        case 'invalid_format':
          if (issue.format === 'email') return t('email');
          // Pattern checks (slugs, namespace patterns) carry their own explanation in the schema.
          return issue.message && !/^Invalid/.test(issue.message) ? issue.message : t('format');
        case 'invalid_value':
          return t('oneOf');
        default:
          return issue.message || t('invalid');
      }
    },
    [t],
  );
}
