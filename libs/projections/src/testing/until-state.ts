import type { ProjectionRunner } from '../projection-runner';
import type { ProjectionState } from '../projection.port';

/** For tests: resolves once the runner reports `state`; rejects if it fails first, or after `timeoutMs`. */
export async function untilState(runner: ProjectionRunner, state: ProjectionState, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await runner.status();
    if (status.state === state) return;
    if (status.state === 'failed') throw new Error(`the runner failed: ${status.error}`);
    if (Date.now() > deadline) throw new Error(`the runner is ${status.state}, not ${state}, after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
