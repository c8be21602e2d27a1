import { registerDecorator, type ValidationArguments } from 'class-validator';

/** A predicate over a submitted value; `args.object` is the object that holds it. */
export type RuleTest = (value: unknown, args: ValidationArguments) => boolean;

/**
 * The rule in words, e.g. "must be a non-empty string". It must never contain the submitted value
 * (a message function may read the other fields' names or the ingestion day, not the value), and
 * no `$` tokens, which class-validator would substitute.
 */
export type RuleProblem = string | ((args: ValidationArguments) => string);

/**
 * Declares a property rule as a class-validator constraint. Each contract rule is one constraint
 * (type and format checked together) so that one field reports one problem and validation stays
 * cheap on the ingest hot path.
 */
export function rule(name: string, test: RuleTest, problem: RuleProblem): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: problem },
      validator: { validate: test },
    });
  };
}

/** True for a JSON object: not null, not an array. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
