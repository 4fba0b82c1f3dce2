import { describe, expect, it } from 'vitest';
import { ApiError } from './api-client';
import { createQueryClient } from './query-client';

const retry = createQueryClient().getDefaultOptions().queries?.retry as (
  failureCount: number,
  error: Error,
) => boolean;

describe('createQueryClient', () => {
  it('does not retry a request the service refused', () => {
    expect(retry(0, new ApiError(404, 'NOT_FOUND', 'No such maker.'))).toBe(false);
  });

  it('retries twice when the service is down or failing', () => {
    const unreachable = new ApiError(0, 'SERVICE_UNREACHABLE', 'The service could not be reached.');
    expect(retry(1, unreachable)).toBe(true);
    expect(retry(2, new ApiError(503, 'UNAVAILABLE', 'Restarting.'))).toBe(false);
  });
});
