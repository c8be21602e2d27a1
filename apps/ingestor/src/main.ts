import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { IngestorModule } from './ingestor.module';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.createApplicationContext(IngestorModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  await app.init();
}

void bootstrap();
