import { ApiPropertyOptional } from '@nestjs/swagger';

export class MetricsQueryDto {
  @ApiPropertyOptional({ example: '2025-26-Q1', description: 'A financial year (2025-26), quarter (2025-26-Q1) or month (2025-06)' })
  period?: string;

  @ApiPropertyOptional({ example: '2025-07-04T09:00:00Z', description: 'Answer from the events recorded at or before this instant only' })
  asKnownAt?: string;

  @ApiPropertyOptional({ enum: ['on', 'off'], description: 'Publication rule: counts of 1 to 5 shown as "c" and the rate withheld' })
  suppression?: string;
}

export class SeriesQueryDto {
  @ApiPropertyOptional({ example: '2024-25' })
  from?: string;

  @ApiPropertyOptional({ example: '2025-26' })
  to?: string;

  @ApiPropertyOptional({ enum: ['month', 'quarter', 'year'], example: 'quarter' })
  granularity?: string;

  @ApiPropertyOptional({ example: '2025-07-04T09:00:00Z' })
  asKnownAt?: string;

  @ApiPropertyOptional({ enum: ['on', 'off'] })
  suppression?: string;
}

export class LineageQueryDto {
  @ApiPropertyOptional({ example: '2025-26-Q1' })
  period?: string;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page' })
  cursor?: string;

  @ApiPropertyOptional({ example: 50, description: 'Units per page, 1 to 500 (default 50)' })
  limit?: string;

  @ApiPropertyOptional({ example: '2025-07-04T09:00:00Z' })
  asKnownAt?: string;
}

export class EvidencePackQueryDto extends MetricsQueryDto {
  @ApiPropertyOptional({ enum: ['json', 'csv', 'html'], example: 'json' })
  format?: string;
}
