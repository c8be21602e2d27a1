import { getMetadataStorage, ValidationTypes, type ValidationArguments } from 'class-validator';
import { nestedTypeOf } from './nested-types';
import { isJsonObject } from './rule';

type Class = new () => object;
type Condition = (object: object, value: unknown) => boolean;

interface CompiledRule {
  each: boolean;
  validateIf?: Condition;
  constraints: unknown[];
  validators: Array<{ validate(value: unknown, args: ValidationArguments): unknown }>;
}

interface CompiledProperty {
  name: string;
  conditions: Condition[];
  rules: CompiledRule[];
  nested?: Class;
}

interface CompiledClass {
  name: string;
  known: ReadonlySet<string>;
  properties: CompiledProperty[];
}

const compiledClasses = new Map<Class, CompiledClass | null>();

/**
 * Compiles the class-validator metadata of `type` (and, lazily, of its nested classes) into a plain
 * list of checks. Only what the catalogue uses is compiled: conditional (`@IsOptional`), custom
 * (every rule, built-in or ours) and nested validation with a recorded nested type. A class using
 * anything else, or an async constraint, is not compiled (`null`) and is left to class-validator.
 */
function compile(type: Class): CompiledClass | null {
  const metadatas = getMetadataStorage().getTargetValidationMetadatas(type, '', false, false, undefined);
  if (metadatas.length === 0) return null;
  const byName = new Map<string, CompiledProperty>();
  for (const metadata of metadatas) {
    let property = byName.get(metadata.propertyName);
    if (property === undefined) {
      property = { name: metadata.propertyName, conditions: [], rules: [] };
      byName.set(metadata.propertyName, property);
    }
    if (metadata.groups?.length > 0 || metadata.always !== undefined) return null;
    if (metadata.type === ValidationTypes.CONDITIONAL_VALIDATION) {
      property.conditions.push(metadata.constraints[0] as Condition);
    } else if (metadata.type === ValidationTypes.CUSTOM_VALIDATION) {
      const constraints = getMetadataStorage().getTargetValidatorConstraints(metadata.constraintCls);
      if (constraints.length === 0 || constraints.some((constraint) => constraint.async)) return null;
      property.rules.push({
        each: metadata.each,
        validateIf: metadata.validateIf,
        constraints: metadata.constraints,
        validators: constraints.map((constraint) => constraint.instance),
      });
    } else if (metadata.type === ValidationTypes.NESTED_VALIDATION) {
      const nested = nestedTypeOf(type, metadata.propertyName);
      if (nested === undefined) return null;
      property.nested = nested;
    } else {
      return null;
    }
  }
  return { name: type.name, known: new Set(byName.keys()), properties: [...byName.values()] };
}

function compiled(type: Class): CompiledClass | null {
  let entry = compiledClasses.get(type);
  if (entry === undefined) {
    entry = compile(type);
    compiledClasses.set(type, entry);
  }
  return entry;
}

/**
 * Decides, fast, whether plain JSON `value` satisfies the class-validator contract of `type` as
 * `validateSync(plainToInstance(type, value), { whitelist: true, forbidNonWhitelisted: true })`
 * would: the same constraint instances run on the same values, unknown fields fail, nested objects
 * are checked against their recorded classes. It is never more lenient than class-validator
 * (anything it cannot mirror exactly counts as a failure), so `true` can be trusted and `false`
 * sends the value to class-validator for its verdict and field errors.
 *
 * It exists because class-validator looks its metadata up again for every object it validates,
 * which costs more than the checks themselves on the ingest hot path.
 */
export function passesCompiledContract(type: Class, value: Record<string, unknown>): boolean {
  const contract = compiled(type);
  if (contract === null) return false;
  for (const key of Object.keys(value)) {
    if (!contract.known.has(key)) return false;
  }
  for (const property of contract.properties) {
    const propertyValue = value[property.name];
    if (!allHold(property.conditions, value, propertyValue)) continue;
    for (const rule of property.rules) {
      if (rule.validateIf !== undefined && !rule.validateIf(value, propertyValue)) continue;
      const args: ValidationArguments = {
        targetName: contract.name,
        property: property.name,
        object: value,
        value: propertyValue,
        constraints: rule.constraints,
      };
      const each = rule.each && Array.isArray(propertyValue);
      for (const validator of rule.validators) {
        if (!each) {
          if (validator.validate(propertyValue, args) !== true) return false;
          continue;
        }
        for (const item of propertyValue as unknown[]) {
          if (validator.validate(item, args) !== true) return false;
        }
      }
    }
    if (property.nested !== undefined && propertyValue !== undefined) {
      if (!Array.isArray(propertyValue)) {
        if (!isJsonObject(propertyValue) || !passesCompiledContract(property.nested, propertyValue)) return false;
        continue;
      }
      for (const item of propertyValue) {
        if (!isJsonObject(item) || !passesCompiledContract(property.nested, item)) return false;
      }
    }
  }
  return true;
}

function allHold(conditions: readonly Condition[], object: object, value: unknown): boolean {
  for (const condition of conditions) {
    if (!condition(object, value)) return false;
  }
  return true;
}
