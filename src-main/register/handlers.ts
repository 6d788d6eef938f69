import type { registerCalls } from '../../src-shared/api/calls/register';
import type { CallContext, DomainHandlers } from '../ipc/types';
import { createBuilding, createCommunity, listCommunities, updateBuilding, updateCommunity } from './communities';
import { addCustomer, endTenancy, transferOwnership, updateCustomer } from './customers';
import { createMeter, readingsPage, recordReading } from './meters';
import type { Operation } from './operation';
import { createParking, updateParking } from './parking';
import { searchUnits } from './searchIndex';
import { unitDetail } from './unitDetail';
import { createUnit, listUnits, updateUnit } from './units';

const apply = <T>(ctx: CallContext, op: Operation<T>): T => ctx.write(op.audit, op.run);

export const registerHandlers = {
  'register.listCommunities': (_input, ctx) => listCommunities(ctx.app, ctx.session!.communityIds),
  'register.createCommunity': (input, ctx) => apply(ctx, createCommunity(ctx.app, input)),
  'register.updateCommunity': (input, ctx) => apply(ctx, updateCommunity(ctx.app, input)),
  'register.createBuilding': (input, ctx) => apply(ctx, createBuilding(ctx.app, input)),
  'register.updateBuilding': (input, ctx) => apply(ctx, updateBuilding(ctx.app, input)),
  'register.createUnit': (input, ctx) => apply(ctx, createUnit(ctx.app, input)),
  'register.updateUnit': (input, ctx) => apply(ctx, updateUnit(ctx.app, input)),
  'register.listUnits': (input, ctx) => listUnits(ctx.app, input, ctx.session!.communityIds),
  'register.getUnit': (input, ctx) => unitDetail(ctx.app, input.id),
  'register.addCustomer': (input, ctx) => apply(ctx, addCustomer(ctx.app, input)),
  'register.updateCustomer': (input, ctx) => apply(ctx, updateCustomer(ctx.app, input)),
  'register.transferOwnership': (input, ctx) => apply(ctx, transferOwnership(ctx.app, input)),
  'register.endTenancy': (input, ctx) => apply(ctx, endTenancy(ctx.app, input)),
  'register.createParking': (input, ctx) => apply(ctx, createParking(ctx.app, input)),
  'register.updateParking': (input, ctx) => apply(ctx, updateParking(ctx.app, input)),
  'register.createMeter': (input, ctx) => apply(ctx, createMeter(ctx.app, input)),
  'register.recordReading': (input, ctx) => apply(ctx, recordReading(ctx.app, input, ctx.session!.userId)),
  'register.listReadings': (input, ctx) => readingsPage(ctx.app, input, ctx.session!.communityIds),
  'register.search': (input, ctx) => searchUnits(ctx.app, input.query, input.limit, ctx.session!.communityIds),
} satisfies DomainHandlers<typeof registerCalls>;
