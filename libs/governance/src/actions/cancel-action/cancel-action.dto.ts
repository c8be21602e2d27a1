export const CANCEL_ACTION_EXAMPLE = { on: '2025-06-30' };
