import { login, logout, setup } from '../auth/authService';
import { sessionInfo } from '../auth/sessions';
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
} satisfies Handlers;
