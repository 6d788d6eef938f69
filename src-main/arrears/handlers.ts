import type { arrearsCalls } from '../../src-shared/api/calls/arrears';
import type { DomainHandlers } from '../ipc/types';
import { arrearsList, arrearsSummary } from './arrearsQuery';
import { exportArrearsList } from './exportList';
import { addFollowUp, followUpHistory, followUpReplay, latestFollowUps } from './followUps';

const METHOD_NAMES = { phone: '电话', sms: '短信', visit: '上门', letter: '信函' } as const;

export const arrearsHandlers = {
  'arrears.list': (input, ctx) => arrearsList(ctx.app, input, ctx.session!.communityIds),
  'arrears.summary': (input, ctx) => arrearsSummary(ctx.app, input.asOf, ctx.session!.communityIds),
  'arrears.export': (input, ctx) =>
    exportArrearsList(ctx.app, input, { displayName: ctx.session!.displayName, communityIds: ctx.session!.communityIds }),
  'arrears.addFollowUp': (input, ctx) => {
    const userId = ctx.session!.userId;
    // A replay answers the first record and writes nothing, not even an audit entry.
    const replay = followUpReplay(ctx.app, userId, input);
    if (replay) return replay;
    return ctx.write({ entity: `unit:${input.unitId}`, summary: `记录催缴跟进（${METHOD_NAMES[input.method]}）` }, () =>
      addFollowUp(ctx.app, userId, input),
    );
  },
  'arrears.followUps': (input, ctx) => followUpHistory(ctx.app, input.unitId),
  'arrears.latestFollowUps': (input, ctx) => latestFollowUps(ctx.app, input.unitIds),
} satisfies DomainHandlers<typeof arrearsCalls>;
