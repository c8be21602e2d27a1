export const PUBLISH_ANNUAL_REPORT_EXAMPLE = { financialYear: '2024-25', publishedOn: '2025-07-15' };
