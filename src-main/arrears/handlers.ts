import type { arrearsCalls } from '../../src-shared/api/calls/arrears';
import type { DomainHandlers } from '../ipc/types';
import { arrearsList, arrearsSummary } from './arrearsQuery';

export const arrearsHandlers = {
  'arrears.list': (input, ctx) => arrearsList(ctx.app, input, ctx.session!.communityIds),
  'arrears.summary': (input, ctx) => arrearsSummary(ctx.app, input.asOf, ctx.session!.communityIds),
} satisfies DomainHandlers<typeof arrearsCalls>;
