import type { arrearsCalls } from '../../src-shared/api/calls/arrears';
import type { DomainHandlers } from '../ipc/types';
import { arrearsList, arrearsSummary } from './arrearsQuery';

export const arrearsHandlers = {
  'arrears.list': (input, ctx) => arrearsList(ctx.app, input),
  'arrears.summary': (input, ctx) => arrearsSummary(ctx.app, input.asOf),
} satisfies DomainHandlers<typeof arrearsCalls>;
