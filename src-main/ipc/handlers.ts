import { accountsHandlers } from '../accounts/handlers';
import { arrearsHandlers } from '../arrears/handlers';
import { changePassword, lock, login, logout, recover, setup, unlockSession } from '../auth/authService';
import { sessionInfo } from '../auth/sessions';
import { billingHandlers } from '../billing/handlers';
import { collectionHandlers } from '../collection/handlers';
import { feesHandlers } from '../fees/handlers';
import { maintenanceHandlers } from '../maintenance/handlers';
import { registerHandlers } from '../register/handlers';
import { reportsHandlers } from '../reports/handlers';
import { shiftsHandlers } from '../shifts/handlers';
import { bootstrap, status } from '../system/systemService';
import { usersHandlers } from '../users/handlers';
import type { Handlers } from './types';
import { documentsHandlers } from '../documents/pdfHandlers';
import { importsHandlers } from '../import/handlers';

/** One handler per contract call; `satisfies` makes a missing or extra handler a type error. */
export const handlers = {
  'system.bootstrap': (_input, ctx) => bootstrap(ctx.app),
  'system.status': (_input, ctx) => status(ctx.app),
  'auth.setup': (input, ctx) => setup(input, ctx),
  'auth.login': (input, ctx) => login(input, ctx),
  'auth.logout': (_input, ctx) => logout(ctx),
  'auth.me': (_input, ctx) => sessionInfo(ctx.session!),
  'auth.changePassword': (input, ctx) => changePassword(input, ctx),
  'auth.lock': (_input, ctx) => lock(ctx),
  'auth.unlockSession': (input, ctx) => unlockSession(input, ctx),
  'auth.recover': (input, ctx) => recover(input, ctx),
  ...registerHandlers,
  ...feesHandlers,
  ...billingHandlers,
  ...collectionHandlers,
  ...accountsHandlers,
  ...shiftsHandlers,
  ...maintenanceHandlers,
  ...arrearsHandlers,
  ...usersHandlers,
  ...reportsHandlers,
  ...documentsHandlers,
  ...importsHandlers,
} satisfies Handlers;
