import type { collectionCalls } from '../../src-shared/api/calls/collection';
import type { DomainHandlers } from '../ipc/types';

export const collectionHandlers = {} satisfies DomainHandlers<typeof collectionCalls>;
