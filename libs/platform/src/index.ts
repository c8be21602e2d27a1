export * from './config/ledger.config';
export * from './config/ledger-config.module';
export * from './event-store/event-store.module';
export * from './health/health.module';
export * from './health/event-store.health';
export * from './logging/logging.module';
export * from './http/api-error';
export * from './http/api-exception.filter';
