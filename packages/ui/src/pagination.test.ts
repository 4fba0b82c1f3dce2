import { describe, expect, it } from 'vitest';
import { pageSlots } from './pagination';

describe('pageSlots', () => {
  it('lists every page when there are few', () => {
    expect(pageSlots(2, 4)).toEqual([1, 2, 3, 4]);
  });

  it('keeps the first, the last and the neighbours of the current page', () => {
    expect(pageSlots(10, 20)).toEqual([1, 'gap', 9, 10, 11, 'gap', 20]);
  });

  it('shows a lone skipped page instead of a gap', () => {
    expect(pageSlots(4, 8)).toEqual([1, 2, 3, 4, 5, 'gap', 8]);
  });

  it('handles a single page', () => {
    expect(pageSlots(1, 1)).toEqual([1]);
  });
});
