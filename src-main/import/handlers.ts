import type { importsCalls } from '../../src-shared/api/calls/imports';
import type { DomainHandlers } from '../ipc/types';
import { commitImport, templateFile, validateImport } from './importService';

export const importsHandlers = {
  'imports.template': (input, ctx) => templateFile(ctx.app, input.kind, ctx.session!.communityIds),
  'imports.validateRegister': (input, ctx) => validateImport(ctx, input),
  'imports.commitRegister': (input, ctx) => commitImport(ctx, input),
  'imports.validateReadings': (input, ctx) => validateImport(ctx, input),
  'imports.commitReadings': (input, ctx) => commitImport(ctx, input),
  'imports.validateOpening': (input, ctx) => validateImport(ctx, input),
  'imports.commitOpening': (input, ctx) => commitImport(ctx, input),
} satisfies DomainHandlers<typeof importsCalls>;
