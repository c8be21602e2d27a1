import { suppress } from './suppression';

describe('suppress', () => {
  it('shows a numerator from 1 to 5 as "c" and withholds the rate computed from it', () => {
    for (const numerator of [1, 2, 3, 4, 5]) {
      expect(suppress({ value: numerator / 40, numerator, denominator: 40 }, 'rate')).toEqual({
        value: 'c',
        numerator: 'c',
        denominator: 40,
        suppressed: true,
      });
    }
  });

  it('shows a denominator from 1 to 5 as "c" and withholds the rate', () => {
    expect(suppress({ value: 0.6, numerator: 3, denominator: 5 }, 'rate')).toEqual({
      value: 'c',
      numerator: 'c',
      denominator: 'c',
      suppressed: true,
    });
    expect(suppress({ value: 0, numerator: 0, denominator: 4 }, 'rate')).toEqual({
      value: 'c',
      numerator: 0,
      denominator: 'c',
      suppressed: true,
    });
  });

  it('does not suppress a count of 0 or of 6', () => {
    expect(suppress({ value: 0, numerator: 0, denominator: 6 }, 'rate')).toEqual({
      value: 0,
      numerator: 0,
      denominator: 6,
      suppressed: false,
    });
    expect(suppress({ value: 1, numerator: 6, denominator: 6 }, 'rate')).toEqual({
      value: 1,
      numerator: 6,
      denominator: 6,
      suppressed: false,
    });
    expect(suppress({ value: null, numerator: 0, denominator: 0 }, 'rate')).toEqual({
      value: null,
      numerator: 0,
      denominator: 0,
      suppressed: false,
    });
  });

  it('suppresses a count metric of 1 to 5 in both its value and its numerator', () => {
    expect(suppress({ value: 5, numerator: 5, denominator: null }, 'count')).toEqual({
      value: 'c',
      numerator: 'c',
      denominator: null,
      suppressed: true,
    });
    expect(suppress({ value: 6, numerator: 6, denominator: null }, 'count')).toEqual({
      value: 6,
      numerator: 6,
      denominator: null,
      suppressed: false,
    });
  });

  it('suppresses a mean over 1 to 5 units but never the sum of days in its numerator', () => {
    // 4 plans ending with 1,460 days between them: the count of plans is small.
    expect(suppress({ value: 365, numerator: 1460, denominator: 4 }, 'mean')).toEqual({
      value: 'c',
      numerator: 1460,
      denominator: 'c',
      suppressed: true,
    });
    expect(suppress({ value: 3, numerator: 3, denominator: 1 }, 'mean')).toEqual({
      value: 'c',
      numerator: 3,
      denominator: 'c',
      suppressed: true,
    });
  });

  it('leaves sums of pence alone, as they count no one', () => {
    expect(suppress({ value: 0.6, numerator: 3, denominator: 5 }, 'amount-rate')).toEqual({
      value: 0.6,
      numerator: 3,
      denominator: 5,
      suppressed: false,
    });
    expect(suppress({ value: 1, numerator: 4, denominator: 4 }, 'largest-share')).toEqual({
      value: 1,
      numerator: 4,
      denominator: 4,
      suppressed: false,
    });
  });
});
