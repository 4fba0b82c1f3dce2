import { describe, expect, it } from 'vitest';
import { moved, photoAlt } from './presentation';

describe('photo presentation', () => {
  it('moves a photo one place, and not past either end', () => {
    expect(moved(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
  });

  it('names a machine’s photo by the machine and its place, then what it shows', () => {
    expect(photoAlt('Prusa MK4 #1', 0, 3, '')).toBe('Prusa MK4 #1, photo 1 of 3');
    expect(photoAlt('Prusa MK4 #1', 2, 3, 'The print bed')).toBe(
      'Prusa MK4 #1, photo 3 of 3: The print bed',
    );
    expect(photoAlt('Trotec Speedy 360', 0, 1, '')).toBe('Trotec Speedy 360, photo');
  });
});
