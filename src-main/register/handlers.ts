import type { registerCalls } from '../../src-shared/api/calls/register';
import type { DomainHandlers } from '../ipc/types';

export const registerHandlers = {} satisfies DomainHandlers<typeof registerCalls>;
