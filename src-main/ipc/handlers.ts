import { accountsHandlers } from '../accounts/handlers';
import { arrearsHandlers } from '../arrears/handlers';
import { login, logout, setup } from '../auth/authService';
import { sessionInfo } from '../auth/sessions';
import { billingHandlers } from '../billing/handlers';
import { collectionHandlers } from '../collection/handlers';
import { feesHandlers } from '../fees/handlers';
import { maintenanceHandlers } from '../maintenance/handlers';
import { registerHandlers } from '../register/handlers';
import { shiftsHandlers } from '../shifts/handlers';
import { bootstrap, status } from '../system/systemService';
import type { Handlers } from './types';

/** One handler per contract call; `satisfies` makes a missing or extra handler a type error. */
export const handlers = {
  'system.bootstrap': (_input, ctx) => bootstrap(ctx.app),
  'system.status': (_input, ctx) => status(ctx.app),
  'auth.setup': (input, ctx) => setup(input, ctx),
  'auth.login': (input, ctx) => login(input, ctx),
  'auth.logout': (_input, ctx) => logout(ctx),
  'auth.me': (_input, ctx) => sessionInfo(ctx.session!),
  ...registerHandlers,
  ...feesHandlers,
  ...billingHandlers,
  ...collectionHandlers,
  ...accountsHandlers,
  ...shiftsHandlers,
  ...maintenanceHandlers,
  ...arrearsHandlers,
} satisfies Handlers;
