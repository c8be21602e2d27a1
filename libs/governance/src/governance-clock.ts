import { Injectable } from '@nestjs/common';
import { ukDateOf, type BusinessDate } from '@app/calendar';

/**
 * "Today" for the rule that a date of something that happened may not be in the future. Business
 * dates are UK local calendar dates, so today is the date in Europe/London, not in UTC. Injected so
 * that tests can fix the day.
 */
export abstract class GovernanceClock {
  abstract today(): BusinessDate;
}

/** Today's date in Europe/London from the system clock. */
@Injectable()
export class UkGovernanceClock extends GovernanceClock {
  today(): BusinessDate {
    return ukDateOf(new Date());
  }
}

/** A clock stuck on one day: for tests, and for replays that must judge as of a given day. */
export class FixedGovernanceClock extends GovernanceClock {
  constructor(private readonly day: BusinessDate) {
    super();
  }

  today(): BusinessDate {
    return this.day;
  }
}
