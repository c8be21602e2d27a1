import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { MAX_BATCH_BYTES } from '@app/ingestion';
import { ApiExceptionFilter } from '@app/platform';

/** What every instance of the API gets, in production and in e2e tests alike. */
export function configureApp(app: INestApplication): void {
  app.useGlobalFilters(new ApiExceptionFilter());
  app.use('/v1', helmet());
  // CloudEvents bodies reach the ingestion endpoint as text, so that it can measure each event's
  // size, tell malformed JSON (400) from a wrong shape (422), and refuse a batch over 5 MiB (413).
  (app as NestExpressApplication).useBodyParser('text', {
    type: ['application/cloudevents+json', 'application/cloudevents-batch+json'],
    limit: MAX_BATCH_BYTES,
  });
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Safeguarding Evidence Ledger')
      .setDescription('Ingestion, governance, metrics, lineage and audit for safeguarding children boards')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
