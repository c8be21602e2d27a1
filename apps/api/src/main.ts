import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { LedgerConfig } from '@app/platform';
import { AppModule } from './app.module';
import { configureApp } from './configure-app';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(AppModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  configureApp(app);
  app.enableShutdownHooks();
  const config = app.get(LedgerConfig);
  await app.listen(config.PORT, config.HOST);
  app.get(Logger).log(`Safeguarding Evidence Ledger API on http://${config.HOST}:${config.PORT} (store: ${config.LEDGER_STORE})`);
}

void bootstrap();
