export * from './generate-demo';
export * from './demo-ndjson';
export * from './demo-calibration';
export * from './demo.errors';
export * from './welsh-boards';
export type { CloudEvent } from './demo-scheduler';
