export * from './event-store.port';
export * from './event-store.errors';
export * from './canonical-json';
export * from './hash-chain';
export * from './append-plan';
export * from './live-subscription';
export * from './in-memory-event-store';
