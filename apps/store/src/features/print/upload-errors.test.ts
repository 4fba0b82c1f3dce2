import { describe, expect, it } from 'vitest';
import { refusalOf } from './upload-errors';

describe('a refused upload, as the page says it', () => {
  it('shows the store’s own message and code', () => {
    const body = JSON.stringify({
      error: { code: 'INFECTED_FILE', message: 'The file holds a virus (Eicar-Test-Signature).' },
    });
    expect(refusalOf(422, body)).toEqual({
      status: 422,
      code: 'INFECTED_FILE',
      message: 'The file holds a virus (Eicar-Test-Signature).',
    });
  });

  it('names a refusal without an error body by its status', () => {
    expect(refusalOf(413, '<html>too big</html>')).toMatchObject({ code: 'FILE_TOO_LARGE' });
    expect(refusalOf(401, '')).toMatchObject({ code: 'AUTHENTICATION_REQUIRED' });
    expect(refusalOf(0, undefined).message).toMatch(/connection dropped/);
    expect(refusalOf(500, 'oops').message).toMatch(/status 500/);
  });
});
