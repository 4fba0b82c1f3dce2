import { describe, expect, it } from 'vitest';
import { safeReturnTo } from './return-to';

const origin = 'http://localhost:3000';

describe('safeReturnTo', () => {
  it('keeps a path on this app with its query and fragment', () => {
    expect(safeReturnTo('/makers/ada?tab=projects#top', origin)).toBe(
      '/makers/ada?tab=projects#top',
    );
  });

  it('refuses anything that would leave the app', () => {
    for (const candidate of [
      'https://evil.example/phish',
      '//evil.example/phish',
      '/\\evil.example',
      'javascript:alert(1)',
      'makers',
      '',
      null,
      undefined,
    ]) {
      expect(safeReturnTo(candidate, origin)).toBe('/');
    }
  });

  it('never returns to the sign-in routes, which would loop', () => {
    expect(safeReturnTo('/auth/callback?code=x', origin)).toBe('/');
    expect(safeReturnTo('/auth', origin)).toBe('/');
    expect(safeReturnTo('/authors', origin)).toBe('/authors');
  });
});
