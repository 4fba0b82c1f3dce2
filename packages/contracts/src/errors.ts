import { z } from 'zod';

/** The one error body every service returns, whatever failed. */
export const errorBody = z.object({
  error: z.object({
    code: z.string().meta({ example: 'VALIDATION_FAILED' }),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBody>;
