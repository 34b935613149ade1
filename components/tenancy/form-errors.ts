/**
 * Field-level errors for forms that validate with the contract's zod schema in the browser and get
 * the same schema's verdict back from the API (`{ error: { param, message } }`). Both sides land on
 * the same field, so a user sees one message next to the input whichever side caught it.
 */
import type { z } from 'zod';
import { ApiClientError } from '@/lib/client/api';

/** Field path ("email", "scope.tenant") → message. */
export type FieldErrors = Record<string, string>;

/** Translates one zod issue for the user; `field` is the issue's dotted path. */
export type IssueTranslator = (issue: z.core.$ZodIssue, field: string) => string;

/** The first issue per field, translated. Issues without a path go under `''` (form-level). */
export function zodFieldErrors(error: z.ZodError, translate: IssueTranslator): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.');
    if (!(field in errors)) errors[field] = translate(issue, field);
  }
  return errors;
}

/**
 * Places an API error on the field it names when the form has that field (the server's `param` is
 * the body path, e.g. "email", or "body" for the whole body); otherwise it is a form-level error.
 */
export function apiFieldErrors(error: unknown, fields: readonly string[]): { fields: FieldErrors; form: string | null } {
  if (!error) return { fields: {}, form: null };
  if (error instanceof ApiClientError && error.param) {
    const field = fields.find((candidate) => error.param === candidate || error.param?.startsWith(`${candidate}.`));
    if (field) return { fields: { [field]: error.message }, form: null };
  }
  return { fields: {}, form: error instanceof Error ? error.message : String(error) };
}

/** Validates `input` with `schema`: the parsed value, or the field errors. */
export function validateWith<S extends z.ZodType>(
  schema: S,
  input: unknown,
  translate: IssueTranslator,
): { ok: true; data: z.output<S> } | { ok: false; errors: FieldErrors } {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, errors: zodFieldErrors(result.error, translate) };
}
