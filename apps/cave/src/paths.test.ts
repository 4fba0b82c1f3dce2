import { describe, expect, it } from 'vitest';
import { makerspaceSlugOf, paths } from './paths';

describe('cave paths', () => {
  it('names the makerspace a page is about, for the header switcher', () => {
    expect(makerspaceSlugOf('/makerspaces/makrx-hub-bengaluru/equipment/prusa-mk4-1')).toBe(
      'makrx-hub-bengaluru',
    );
    expect(makerspaceSlugOf('/makerspaces/makrx-hub-bengaluru')).toBe('makrx-hub-bengaluru');
    expect(makerspaceSlugOf('/bookings')).toBeUndefined();
  });

  it("builds a machine's calendar address from its makerspace and slug", () => {
    expect(paths.machineCalendar('makrx-hub-bengaluru', 'prusa-mk4-1')).toBe(
      '/makerspaces/makrx-hub-bengaluru/equipment/prusa-mk4-1/calendar',
    );
  });
});
