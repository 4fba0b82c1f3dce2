import { describe, expect, it } from 'vitest';
import { callStore } from './upload-api';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const readNumber = (body: unknown) =>
  typeof (body as { n?: unknown }).n === 'number' ? (body as { n: number }).n : undefined;

describe('the print page’s calls to the store', () => {
  it('answers the value the store sent', async () => {
    const outcome = await callStore(async () => json(200, { n: 3 }), readNumber, 'quotes');
    expect(outcome).toEqual({ ok: true, value: 3 });
  });

  it('answers the store’s own refusal with its code and message', async () => {
    const outcome = await callStore(
      async () =>
        json(503, {
          error: { code: 'PROVIDERS_UNREACHABLE', message: 'The providers cannot be reached.' },
        }),
      readNumber,
      'quotes',
    );
    expect(outcome).toEqual({
      ok: false,
      refusal: {
        status: 503,
        code: 'PROVIDERS_UNREACHABLE',
        message: 'The providers cannot be reached.',
      },
    });
  });

  it('names a dropped connection and an answer it cannot read', async () => {
    const offline = await callStore(
      async () => {
        throw new TypeError('Failed to fetch');
      },
      readNumber,
      'quotes',
    );
    expect(offline).toMatchObject({ ok: false, refusal: { code: 'SERVICE_UNREACHABLE' } });
    const html = await callStore(async () => new Response('<html>'), readNumber, 'quotes');
    expect(html).toMatchObject({ ok: false, refusal: { code: 'UNEXPECTED_ANSWER' } });
    const shape = await callStore(async () => json(200, { n: 'three' }), readNumber, 'quotes');
    expect(shape).toEqual({
      ok: false,
      refusal: {
        status: 502,
        code: 'UNEXPECTED_ANSWER',
        message: 'The quotes came back in a form this page does not read. Try again in a moment.',
      },
    });
  });
});
