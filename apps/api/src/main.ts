import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { LedgerConfig } from '@app/platform';
import { ApiKeyRing, SecurityConfig, ensureFirstAdminKey } from '@app/security';
import { AppModule } from './app.module';
import { configureApp } from './configure-app';
import { DemoLoader } from './demo/demo-loader';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(AppModule, { bufferLogs: true });
  const logger = app.get(Logger);
  app.useLogger(logger);
  configureApp(app);
  app.enableShutdownHooks();
  const config = app.get(LedgerConfig);
  if (config.LEDGER_STORE === 'sqlite') {
    const created = await ensureFirstAdminKey(app.get(ApiKeyRing), app.get(SecurityConfig).LEDGER_ADMIN_KEY_FILE);
    if (created !== null) {
      logger.warn(
        `No API key existed: created admin key ${created.keyId} (every role, every board) in ${created.file}, readable by you only. ` +
          `Use it as: curl -H "Authorization: Bearer $(cat ${created.file})" http://${config.HOST}:${config.PORT}/v1/boards`,
      );
    }
  }
  await app.listen(config.PORT, config.HOST);
  const base = `http://${config.HOST}:${config.PORT}`;
  logger.log(`Safeguarding Evidence Ledger API on ${base} (store: ${config.LEDGER_STORE})`);
  const demo = await app.get(DemoLoader).loadIfEmpty();
  if (demo !== null) printWhereToLook(base, app.get(SecurityConfig).LEDGER_ADMIN_KEY_FILE, demo.halfwayRecordedAt);
}

/** What a newcomer can open straight away, on standard output so it stands apart from the logs. */
function printWhereToLook(base: string, keyFile: string, halfway: string): void {
  const auth = `-H "Authorization: Bearer $(cat ${keyFile})"`;
  process.stdout.write(
    [
      '',
      'The demo is loaded: six Welsh regional safeguarding boards, two years of case and board facts.',
      `  API documentation     ${base}/docs`,
      `  OpenAPI document      ${base}/docs-json`,
      `  Authenticate with     ${auth}   (an admin key, created in ${keyFile})`,
      `  Boards                curl ${auth} ${base}/v1/boards`,
      `  Metrics               curl ${auth} '${base}/v1/boards/cardiff-and-vale/metrics?period=2025-26-Q3'`,
      `  Evidence pack (HTML)  curl ${auth} '${base}/v1/boards/cardiff-and-vale/evidence-pack?period=2025-26&format=html' > pack.html`,
      `  Lineage example       curl ${auth} '${base}/v1/boards/cardiff-and-vale/metrics/CP-ICPC-15WD/lineage?period=2025-26-Q3&limit=5'`,
      `  As known halfway      curl ${auth} '${base}/v1/boards/cardiff-and-vale/metrics?period=2025-26-Q3&asKnownAt=${halfway}'`,
      '',
    ].join('\n'),
  );
}

void bootstrap();
