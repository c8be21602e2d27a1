export * from './domain-event';
export * from './event-sourced-aggregate';
export * from './command-context';
export * from './aggregate-repository';
export * from './domain-rule.errors';
