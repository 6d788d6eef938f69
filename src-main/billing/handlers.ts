import type { billingCalls } from '../../src-shared/api/calls/billing';
import type { DomainHandlers } from '../ipc/types';
import { prepayAhead, quotePrepay } from './prepayAhead';
import { commitRun, listRuns, previewRun } from './runService';
import { undoRun } from './undoRun';

export const billingHandlers = {
  'billing.preview': (input, ctx) => previewRun(ctx.app, input),
  'billing.commit': (input, ctx) => commitRun(ctx, input),
  'billing.undo': (input, ctx) => undoRun(ctx, input),
  'billing.listRuns': (input, ctx) => listRuns(ctx.app, input.limit),
  'billing.prepayQuote': (input, ctx) => quotePrepay(ctx.app, input),
  'billing.prepayAhead': (input, ctx) => prepayAhead(ctx, input),
} satisfies DomainHandlers<typeof billingCalls>;
