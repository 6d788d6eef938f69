import type { billingCalls } from '../../src-shared/api/calls/billing';
import type { DomainHandlers } from '../ipc/types';

export const billingHandlers = {} satisfies DomainHandlers<typeof billingCalls>;
