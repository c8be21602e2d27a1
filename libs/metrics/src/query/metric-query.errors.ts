import { DomainRuleViolation, NotFound } from '@app/ddd';

export class UnknownBoard extends NotFound {
  constructor(boardId: string) {
    super('Board', boardId);
  }
}

export class MetricNotFound extends NotFound {
  constructor(code: string) {
    super('Metric', code);
  }
}

export class MetricNotDefinedForPeriod extends DomainRuleViolation {
  constructor(code: string, period: string, periodKinds: string[]) {
    super(
      'metric-not-defined-for-period',
      `${code} is defined for ${periodKinds.join(', ')} periods only, not ${period}`,
      { code, period, periodKinds },
      'unprocessable',
    );
  }
}

export class InvalidCursor extends DomainRuleViolation {
  constructor(cursor: string) {
    super('invalid-cursor', 'cursor is not a cursor this endpoint returned', { cursor }, 'unprocessable');
  }
}
