import type { feesCalls } from '../../src-shared/api/calls/fees';
import type { DomainHandlers } from '../ipc/types';

export const feesHandlers = {} satisfies DomainHandlers<typeof feesCalls>;
