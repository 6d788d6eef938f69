import type { accountsCalls } from '../../src-shared/api/calls/accounts';
import type { DomainHandlers } from '../ipc/types';

export const accountsHandlers = {} satisfies DomainHandlers<typeof accountsCalls>;
