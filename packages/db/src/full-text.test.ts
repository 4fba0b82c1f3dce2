import { describe, expect, it } from 'vitest';
import { searchExcerpt } from './full-text';

describe('a search excerpt', () => {
  const source =
    'Printers, lasers and a CNC bay under one roof. Members book machines by the hour.';

  it('marks with an ellipsis where it cuts the text short', () => {
    expect(searchExcerpt(source, 'a CNC bay under one roof.')).toBe('…a CNC bay under one roof.…');
    expect(searchExcerpt(source, 'Printers, lasers and')).toBe('Printers, lasers and…');
    expect(searchExcerpt(source, 'machines by the hour.')).toBe('…machines by the hour.');
  });

  it('is the whole text when the text is short', () => {
    expect(searchExcerpt(source, source)).toBe(source);
  });
});
