import { randomUUID } from 'node:crypto';
import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { LedgerConfig } from '../config/ledger.config';

/**
 * Structured JSON logs through pino (nestjs-pino): one line per request with its request id,
 * which is also answered in `x-request-id`. Bodies are never logged, so no child identifier
 * can reach the log through a request.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [LedgerConfig],
      useFactory: (config: LedgerConfig) => ({
        pinoHttp: {
          level: config.LOG_LEVEL,
          genReqId: (req, res) => {
            const given = req.headers['x-request-id'];
            const id = typeof given === 'string' && /^[\w.-]{1,128}$/.test(given) ? given : randomUUID();
            res.setHeader('x-request-id', id);
            return id;
          },
          serializers: {
            req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
            res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
          },
          autoLogging: { ignore: (req) => req.url?.startsWith('/health') ?? false },
        },
      }),
    }),
  ],
})
export class LoggingModule {}
