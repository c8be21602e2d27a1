import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { ProjectionRegistry } from '@app/projections';
import { ProjectorModule } from './projector.module';

// This process exists to project: it always runs the projections, whatever the API is told.
process.env.LEDGER_RUN_PROJECTIONS = 'true';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.createApplicationContext(ProjectorModule, { bufferLogs: true });
  const logger = app.get(Logger);
  app.useLogger(logger);
  app.enableShutdownHooks();
  await app.init();
  const registry = app.get(ProjectionRegistry);
  const report = async () => {
    for (const status of await Promise.all(registry.all().map((runner) => runner.status()))) {
      logger.log(
        `projection ${status.name}: position ${status.position}, lag ${status.lag}, ${status.state}${status.error ? ` (${status.error})` : ''}`,
      );
    }
  };
  await report();
  setInterval(() => void report(), 60_000).unref();
}

void bootstrap();
