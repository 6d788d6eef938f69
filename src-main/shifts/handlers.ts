import type { shiftsCalls } from '../../src-shared/api/calls/shifts';
import type { DomainHandlers } from '../ipc/types';

export const shiftsHandlers = {} satisfies DomainHandlers<typeof shiftsCalls>;
