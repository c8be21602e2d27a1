import { EventStoreError } from '@app/event-store';

/**
 * An event in the ledger's log stream (or a link to one) does not have the shape this adapter
 * writes: someone wrote into the ledger's streams behind its back, or the data is corrupt.
 */
export class MalformedLedgerEvent extends EventStoreError {
  readonly code = 'malformed-ledger-event';
  constructor(
    readonly esdbStream: string,
    readonly revision: bigint,
    readonly problem: string,
  ) {
    super(`Event ${revision} of EventStoreDB stream ${esdbStream} is not a ledger event: ${problem}`);
    this.name = 'MalformedLedgerEvent';
  }
}

/**
 * A stream index must hold one link per version with no gaps, written in log order. This is
 * thrown when indexing version `writing` finds the index at an earlier `indexed` version: an
 * earlier link is missing, which only a write behind the store's back can cause.
 */
export class LedgerIndexOutOfStep extends EventStoreError {
  readonly code = 'ledger-index-out-of-step';
  constructor(
    readonly stream: string,
    readonly writing: number,
    readonly indexed: number,
  ) {
    super(`Index of stream ${stream} is at version ${indexed}, so version ${writing} cannot follow it`);
    this.name = 'LedgerIndexOutOfStep';
  }
}
