import { describe, expect, it } from 'vitest';
import { describePeriod, monthLabel, periodEnding, periodProblem } from './period';

describe('analytics periods', () => {
  it('ends a preset on today, today included', () => {
    expect(periodEnding('2026-12-05', 30)).toEqual({
      from: '2026-11-06',
      to: '2026-12-05',
    });
    expect(periodEnding('2026-03-01', 1)).toEqual({ from: '2026-03-01', to: '2026-03-01' });
    expect(periodEnding('2028-03-01', 2)).toEqual({ from: '2028-02-29', to: '2028-03-01' });
  });

  it('explains a custom period the service would refuse', () => {
    expect(periodProblem({ from: '2026-03-09', to: '2026-03-03' })).toBe(
      'The last day comes before the first.',
    );
    expect(periodProblem({ from: '2026-01-01', to: '2027-01-01' })).toBe('Choose at most a year.');
    expect(periodProblem({ from: '2026-01-01', to: '2026-12-31' })).toBeNull();
    expect(periodProblem({ from: '', to: '2026-12-31' })).toBe(
      'Choose both a first and a last day.',
    );
  });

  it('names periods and months as people read them', () => {
    expect(describePeriod({ from: '2026-11-06', to: '2026-12-05' })).toBe(
      '6 Nov 2026 – 5 Dec 2026',
    );
    expect(monthLabel('2026-11')).toBe('Nov 2026');
  });
});
