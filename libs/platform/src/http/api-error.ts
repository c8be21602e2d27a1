import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ApiErrorDetail {
  @ApiProperty({ example: 'data.heldOn' })
  path!: string;

  @ApiProperty({ example: 'must not be after the day of ingestion 2025-07-01' })
  problem!: string;
}

/** The one error shape every endpoint answers with (api.md). */
export class ApiError {
  @ApiProperty({ example: 422 })
  statusCode!: number;

  @ApiProperty({ example: 'Unprocessable Entity' })
  error!: string;

  @ApiProperty({ example: 'The event is invalid' })
  message!: string;

  @ApiPropertyOptional({ example: 'action-already-completed', description: 'The broken rule, when a business rule was broken' })
  rule?: string;

  @ApiPropertyOptional({ description: 'The values that broke the rule' })
  values?: Record<string, unknown>;

  @ApiPropertyOptional({ type: [ApiErrorDetail] })
  details?: ApiErrorDetail[];
}
