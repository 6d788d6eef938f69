import type { maintenanceCalls } from '../../src-shared/api/calls/maintenance';
import type { DomainHandlers } from '../ipc/types';

export const maintenanceHandlers = {} satisfies DomainHandlers<typeof maintenanceCalls>;
