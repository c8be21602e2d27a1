import { randomUUID } from 'node:crypto';
import type { RebuildProgress } from './projection.port';
import type { ProjectionRunner } from './projection-runner';

export interface RebuildJob {
  id: string;
  projection: string;
  state: 'running' | 'succeeded' | 'failed';
  startedAt: string;
  finishedAt: string | null;
  progress: RebuildProgress;
  error: string | null;
}

export class UnknownProjection extends Error {
  constructor(readonly projection: string) {
    super(`Projection ${projection} was not found`);
    this.name = 'UnknownProjection';
  }
}

/** The projections this process runs, and the rebuild jobs started on them. */
export class ProjectionRegistry {
  private readonly runners = new Map<string, ProjectionRunner>();
  private readonly jobs = new Map<string, RebuildJob>();

  register(runner: ProjectionRunner): void {
    this.runners.set(runner.projection.name, runner);
  }

  all(): ProjectionRunner[] {
    return [...this.runners.values()];
  }

  get(name: string): ProjectionRunner {
    const runner = this.runners.get(name);
    if (!runner) throw new UnknownProjection(name);
    return runner;
  }

  /** Starts a rebuild in the background and returns its job at once. */
  startRebuild(name: string): RebuildJob {
    const runner = this.get(name);
    const job: RebuildJob = {
      id: randomUUID(),
      projection: name,
      state: 'running',
      startedAt: new Date().toISOString(),
      finishedAt: null,
      progress: { applied: 0, total: 0, eventsPerSecond: 0, elapsedMs: 0 },
      error: null,
    };
    this.jobs.set(job.id, job);
    runner
      .rebuild((progress) => (job.progress = progress))
      .then((progress) => {
        job.progress = progress;
        job.state = 'succeeded';
      })
      .catch((error: unknown) => {
        job.state = 'failed';
        job.error = error instanceof Error ? error.message : String(error);
      })
      .finally(() => (job.finishedAt = new Date().toISOString()));
    return job;
  }

  job(id: string): RebuildJob | undefined {
    return this.jobs.get(id);
  }

  async stopAll(): Promise<void> {
    await Promise.all(this.all().map((runner) => runner.stop()));
  }
}
