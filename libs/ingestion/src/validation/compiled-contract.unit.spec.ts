import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import fc from 'fast-check';
import { dataClassFor } from '../catalogue/event-catalogue';
import { EXAMPLE_TODAY, VALID_EXAMPLES } from '../catalogue/valid-examples.fixture';
import { passesCompiledContract } from './compiled-contract';
import { withIngestionDay } from './ingestion-day';

const options = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true };

function classValidatorAccepts(type: new () => object, data: Record<string, unknown>): boolean {
  return validateSync(plainToInstance(type, data), options).length === 0;
}

const junk = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.string({ maxLength: 12 }),
  fc.constantFrom('2025-02-29', '2024-02-29', '2025-07-02', '2025-06-30', '2025-26', 'W06000015', 'neglect', 'audit', ''),
  fc.integer({ min: -5, max: 50 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.array(fc.oneof(fc.string({ maxLength: 4 }), fc.integer()), { maxLength: 3 }),
  fc.array(
    fc.record(
      { childId: fc.string({ maxLength: 4 }), registered: fc.boolean(), partnerId: fc.string({ maxLength: 4 }) },
      { requiredKeys: [] },
    ),
    {
      maxLength: 2,
    },
  ),
);

describe('passesCompiledContract', () => {
  it.each(VALID_EXAMPLES.map((example) => [example.label, example] as const))('accepts the valid %s', (_label, example) => {
    expect(withIngestionDay(EXAMPLE_TODAY, () => passesCompiledContract(dataClassFor(example.name, example.data), example.data))).toBe(
      true,
    );
  });

  it('never accepts data that class-validator rejects, and agrees with it on every example mutated at random', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...VALID_EXAMPLES),
        fc.array(fc.tuple(fc.nat(), junk), { minLength: 1, maxLength: 3 }),
        fc.option(fc.string({ minLength: 1, maxLength: 6 }), { nil: undefined }),
        (example, changes, extraField) => {
          const data = structuredClone(example.data);
          const fields = Object.keys(data);
          for (const [index, value] of changes) {
            const field = fields[index % fields.length];
            if (value === undefined) delete data[field];
            else data[field] = value;
          }
          if (extraField !== undefined && !(extraField in data)) data[extraField] = 1;
          const type = dataClassFor(example.name, data);
          const [fast, reference] = withIngestionDay(EXAMPLE_TODAY, () => [
            passesCompiledContract(type, data),
            classValidatorAccepts(type, data),
          ]);
          expect(fast).toBe(reference);
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
