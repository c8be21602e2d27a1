export * from './read-audit';
export * from './board-events';
export * from './audit.controller';
export * from './audit.module';
