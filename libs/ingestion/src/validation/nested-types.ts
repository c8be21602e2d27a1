type Class = new () => object;
/** Any class, abstract ones included: the owner of a nested property. */
export type OwnerClass = abstract new (...args: never[]) => unknown;

const nestedTypes = new Map<OwnerClass, Map<string, () => Class>>();

/**
 * Records that `property` of `target` holds instances of `type()` (one, or a list of them), as
 * class-transformer's `@Type` says too; the compiled contract check reads it from here.
 */
export function registerNestedType(target: OwnerClass, property: string, type: () => Class): void {
  let properties = nestedTypes.get(target);
  if (properties === undefined) {
    properties = new Map();
    nestedTypes.set(target, properties);
  }
  properties.set(property, type);
}

/** The class a nested property of `target` (or of a class it extends) holds, if one was recorded. */
export function nestedTypeOf(target: OwnerClass, property: string): Class | undefined {
  for (let current: unknown = target; typeof current === 'function'; current = Object.getPrototypeOf(current)) {
    const type = nestedTypes.get(current as OwnerClass)?.get(property);
    if (type !== undefined) return type();
  }
  return undefined;
}
