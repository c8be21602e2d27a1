export * from './esdb-event-store';
export * from './esdb-event-store.errors';
export * from './esdb-event-store.mapping';
