export * from './calendar.errors';
export * from './business-date';
export * from './working-day-calendar';
export * from './period';
