import type { AppEvent, InvokeRequest, Result } from '../../src-shared/api';
import { handlers } from '../ipc/handlers';
import { createRouter, type RouterOptions } from '../ipc/router';
import type { AppContext } from './context';
import { openLedger, type LedgerOptions } from './openLedger';

export { APP_VERSION, DB_FILE_NAME } from './openLedger';

export interface AppOptions extends LedgerOptions {
  router?: RouterOptions;
}

export interface FeeDeskApp {
  context: AppContext;
  invoke(request: InvokeRequest): Promise<Result<unknown>>;
  on(listener: (event: AppEvent) => void): () => void;
  close(): void;
}

/** The whole main side: the ledger and the router every shell talks to. */
export function createApp(options: AppOptions): FeeDeskApp {
  const ledger = openLedger(options);
  const router = createRouter(ledger.context, handlers, options.router);
  return {
    context: ledger.context,
    invoke: (request) => router.invoke(request),
    on: ledger.on,
    close: ledger.close,
  };
}
