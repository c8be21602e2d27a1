/** The demo was asked for something it cannot generate; names the option and the value. */
export class InvalidDemoOptions extends Error {
  constructor(
    readonly option: string,
    readonly value: unknown,
    readonly rule: string,
  ) {
    super(`Demo option ${option} ${JSON.stringify(value)} ${rule}`);
    this.name = 'InvalidDemoOptions';
  }
}
