import { ServiceUnavailableException, type CallHandler, type ExecutionContext } from '@nestjs/common';
import { firstValueFrom, of, timer, map } from 'rxjs';
import { loadSecurityConfig } from '../security.config';
import { RequestTimeoutInterceptor } from './request-timeout.interceptor';

describe('RequestTimeoutInterceptor', () => {
  const interceptor = new RequestTimeoutInterceptor(loadSecurityConfig({ LEDGER_REQUEST_TIMEOUT_MS: '100' }));
  const context = {} as ExecutionContext;

  it('answers 503 when the handler is still running after the limit', async () => {
    const slow: CallHandler = { handle: () => timer(1_000).pipe(map(() => 'late')) };
    await expect(firstValueFrom(interceptor.intercept(context, slow))).rejects.toBeInstanceOf(ServiceUnavailableException);
  });

  it('passes a quick answer through', async () => {
    const quick: CallHandler = { handle: () => of('soon') };
    await expect(firstValueFrom(interceptor.intercept(context, quick))).resolves.toBe('soon');
  });
});
