import { z } from 'zod';

/** The JSON body of every non-2xx response from /api/**. */
export const ApiErrorSchema = z.object({
  error: z.object({
    /** Stable machine-readable code: bad_request, unauthorized, forbidden, not_found, conflict, internal, … */
    code: z.string(),
    /** A plain sentence safe to show to the user. */
    message: z.string(),
    /** The bad input (query/body field or path segment) for 400s. */
    param: z.string().optional(),
    /** Quote it when reporting a problem; it is in the server log too. */
    requestId: z.string(),
  }),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;
