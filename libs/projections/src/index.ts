export * from './projection.port';
export * from './projection-runner';
export * from './projection-jobs';
export * from './http/projections.controller';
