import { describe, expect, it } from 'vitest';
import { serviceErrorOf } from './service-client';

describe('a refusal from a service', () => {
  it('carries the service’s status, code, message and details', () => {
    const details = { variantId: 'v-1', sku: 'FIL-PLA-RED-1000', available: 2, requested: 5 };
    const error = serviceErrorOf(
      409,
      { error: { code: 'OUT_OF_STOCK', message: 'Only 2 of FIL-PLA-RED-1000 left.', details } },
      'POST /orders answered 409',
    );
    expect(error).toMatchObject({
      status: 409,
      code: 'OUT_OF_STOCK',
      message: 'Only 2 of FIL-PLA-RED-1000 left.',
      details,
    });
  });

  it('keeps the service’s words but not a code the catalogue does not list', () => {
    const error = serviceErrorOf(
      402,
      {
        error: {
          code: 'PROCESSING_ERROR',
          message: 'An error occurred while processing your card.',
        },
      },
      'POST /orders/1/payments answered 402',
    );
    expect(error).toMatchObject({
      status: 402,
      code: 'UNEXPECTED_ANSWER',
      message: 'An error occurred while processing your card.',
    });
  });

  it('says what answered when the body is not the one error shape', () => {
    const error = serviceErrorOf(502, '<html>Bad gateway</html>', 'GET /cart answered 502');
    expect(error).toMatchObject({
      status: 502,
      code: 'UNEXPECTED_ANSWER',
      message: 'GET /cart answered 502',
    });
  });
});
