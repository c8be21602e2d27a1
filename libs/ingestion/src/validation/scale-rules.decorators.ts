import { isFiniteNumber } from './field-rules.decorators';
import { rule } from './rule';

interface Scale {
  scaleMin?: unknown;
  scaleMax?: unknown;
}

/**
 * A score within `scaleMin..scaleMax` inclusive. Checked only when the scale itself is valid, so a
 * bad scale is reported once, on the scale field.
 */
export function IsWithinScale(): PropertyDecorator {
  return rule(
    'isWithinScale',
    (value, args) => {
      const { scaleMin, scaleMax } = args.object as Scale;
      if (!isFiniteNumber(value) || !isFiniteNumber(scaleMin) || !isFiniteNumber(scaleMax) || scaleMin >= scaleMax) {
        return true;
      }
      return value >= scaleMin && value <= scaleMax;
    },
    'must lie within scaleMin..scaleMax inclusive',
  );
}

/** A scale maximum greater than the object's `scaleMin` (when that is a number). */
export function IsAboveScaleMin(): PropertyDecorator {
  return rule(
    'isAboveScaleMin',
    (value, args) => {
      const { scaleMin } = args.object as Scale;
      return !isFiniteNumber(value) || !isFiniteNumber(scaleMin) || value > scaleMin;
    },
    'must be greater than scaleMin',
  );
}
