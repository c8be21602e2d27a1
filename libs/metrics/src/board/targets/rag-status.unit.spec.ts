import { ragStatus } from './rag-status';

describe('ragStatus', () => {
  describe('when higher is better (target 0.9, amber within 0.05)', () => {
    const target = { value: 0.9, amberWithin: 0.05 };

    it('is green at exactly the target and above it', () => {
      expect(ragStatus(0.9, target, 'higher-is-better')).toBe('green');
      expect(ragStatus(0.95, target, 'higher-is-better')).toBe('green');
    });

    it('is amber just below the target and at exactly the amber boundary, 0.85', () => {
      expect(ragStatus(0.89, target, 'higher-is-better')).toBe('amber');
      // 0.9 - 0.05 is 0.8500000000000001 in floating point: 0.85 must still be amber.
      expect(ragStatus(0.85, target, 'higher-is-better')).toBe('amber');
      expect(ragStatus(17 / 20, target, 'higher-is-better')).toBe('amber');
    });

    it('is red just beyond the amber boundary', () => {
      expect(ragStatus(0.8499, target, 'higher-is-better')).toBe('red');
    });

    it('is green for a rate exactly at the target computed from counts', () => {
      // 9 of 10 is 0.9 exactly as the target.
      expect(ragStatus(9 / 10, target, 'higher-is-better')).toBe('green');
    });
  });

  describe('when lower is better (target 0.1, amber within 0.05)', () => {
    const target = { value: 0.1, amberWithin: 0.05 };

    it('is green at exactly the target and below it', () => {
      expect(ragStatus(0.1, target, 'lower-is-better')).toBe('green');
      expect(ragStatus(0, target, 'lower-is-better')).toBe('green');
    });

    it('is amber at exactly the amber boundary, 0.15, and red just beyond it', () => {
      expect(ragStatus(0.15, target, 'lower-is-better')).toBe('amber');
      expect(ragStatus(3 / 20, target, 'lower-is-better')).toBe('amber');
      expect(ragStatus(0.1501, target, 'lower-is-better')).toBe('red');
    });

    it('is green for 0.1 + 0.2 against a target of 0.3 despite floating point', () => {
      expect(ragStatus(0.1 + 0.2, { value: 0.3, amberWithin: null }, 'lower-is-better')).toBe('green');
    });
  });

  it('is red for any miss when the target has no amber band', () => {
    expect(ragStatus(0.89, { value: 0.9, amberWithin: null }, 'higher-is-better')).toBe('red');
    expect(ragStatus(0.9, { value: 0.9, amberWithin: null }, 'higher-is-better')).toBe('green');
  });

  it('works on counts as well as rates', () => {
    // ENG-PARTICIPATION target 500 participants, amber within 50: 450 is amber, 449 red.
    const target = { value: 500, amberWithin: 50 };
    expect(ragStatus(450, target, 'higher-is-better')).toBe('amber');
    expect(ragStatus(449, target, 'higher-is-better')).toBe('red');
  });

  it('is none without a target, without a value, or for a contextual metric', () => {
    expect(ragStatus(0.5, null, 'higher-is-better')).toBe('none');
    expect(ragStatus(null, { value: 0.9, amberWithin: 0.05 }, 'higher-is-better')).toBe('none');
    expect(ragStatus(120, { value: 100, amberWithin: 10 }, 'contextual')).toBe('none');
  });
});
