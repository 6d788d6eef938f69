import type { ImportKindCode } from '../../../src-shared/api/calls/imports';
import type { ImportKind } from '../kind';
import { customersImport } from './customers';
import { openingArrearsImport } from './openingArrears';
import { openingPrepaidImport } from './openingPrepaid';
import { parkingImport } from './parking';
import { readingsImport } from './readings';
import { unitsImport } from './units';

export const IMPORT_KIND_DEFS: Record<ImportKindCode, ImportKind> = {
  units: unitsImport,
  customers: customersImport,
  parking: parkingImport,
  readings: readingsImport,
  openingArrears: openingArrearsImport,
  openingPrepaid: openingPrepaidImport,
};
