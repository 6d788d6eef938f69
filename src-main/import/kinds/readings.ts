import { contract } from '../../../src-shared/api';
import { addMonths } from '../../../src-shared/domain/dates';
import { recordReading } from '../../register/meters';
import { decimalToE4, e4ToDecimal } from '../../register/quantity';
import { PLACEHOLDER } from '../examples';
import { defineKind, type Column } from '../kind';
import { NO, YES } from '../lists';
import * as resolve from '../resolve';
import { RowCheck } from '../rowCheck';

const columns = [
  { key: 'community', header: '项目', required: true, format: 'text', width: 16, list: 'communities', note: '项目（小区）名称或编号' },
  { key: 'meterCode', header: '表号', required: true, format: 'text', width: 14, note: '须已在该项目的表计档案中' },
  { key: 'period', header: '抄表期间', required: true, format: 'month', width: 10, note: '年-月，如 2024-05' },
  { key: 'reading', header: '本次读数', required: true, format: 'number', width: 12, note: '表盘读数，不小于 0，最多 4 位小数；小于上次读数时须确认翻表' },
  { key: 'readDate', header: '抄表日期', required: true, format: 'date', width: 12, note: '不早于上次抄表日期，不晚于今天' },
  { key: 'rollover', header: '翻表', required: false, format: 'text', width: 8, list: 'yesNo', note: '表走满一圈从 0 重新计数时填「是」，否则留空或填「否」' },
] as const satisfies readonly Column[];

const FIELDS = { meterId: 'meterCode', period: 'period', reading: 'reading', readDate: 'readDate', rollover: 'rollover' };

export const readingsImport = defineKind({
  code: 'readings',
  title: '抄表读数',
  columns,
  money: false,
  writesRegister: false,
  keyColumns: ['meterCode', 'period'],
  fileKey: (v) => (v.community && v.meterCode && v.period ? [v.community, v.meterCode, v.period].join('\u0001') : null),
  // Each reading is measured from the one before, so a file with several months goes oldest first.
  order: (rows) => [...rows].sort((a, b) => (a.values.period < b.values.period ? -1 : a.values.period > b.values.period ? 1 : a.row - b.row)),

  example(app, lists) {
    const today = app.clock.today();
    const m = app.sqlite
      .prepare(
        `SELECT c.name AS community, m.code, m.start_reading_e4 AS start, m.max_reading_e4 AS max,
           (SELECT r.period FROM meter_readings r WHERE r.meter_id = m.id ORDER BY r.period DESC LIMIT 1) AS period,
           (SELECT r.reading_e4 FROM meter_readings r WHERE r.meter_id = m.id ORDER BY r.period DESC LIMIT 1) AS last
         FROM meters m JOIN communities c ON c.id = m.community_id ORDER BY c.code, m.code LIMIT 1`,
      )
      .get() as { community: string; code: string; start: number; max: number; period: string | null; last: number | null } | undefined;
    const previous = m ? (m.last ?? m.start) : 1_200_000;
    const reading = m && previous + 125_000 >= m.max ? previous : previous + 125_000;
    return {
      community: m?.community ?? lists.communities[0] ?? PLACEHOLDER.community,
      meterCode: m?.code ?? `W-${PLACEHOLDER.unit}`,
      period: m?.period ? addMonths(`${m.period}-01`, 1).slice(0, 7) : today.slice(0, 7),
      reading: e4ToDecimal(reading),
      readDate: today,
      rollover: '',
    };
  },

  apply(env, v) {
    const check = new RowCheck(columns);
    check.required(v);
    const c = check.try('community', () => resolve.community(env, v.community));
    const meter = c ? check.try('meterCode', () => resolve.meter(env, c, v.meterCode)) : check.pending('meterCode');
    const rollover = v.rollover === YES ? true : v.rollover === NO || v.rollover === '' ? false : v.rollover;
    if (typeof rollover === 'string') check.add('rollover', `「翻表」请填「${YES}」或「${NO}」`);
    const input = check.parse(
      contract['register.recordReading'].input,
      { meterId: meter?.id ?? 0, period: v.period, reading: v.reading, readDate: v.readDate, rollover },
      FIELDS,
    );
    check.done();
    const recorded = env.app.sqlite
      .prepare('SELECT reading_e4 FROM meter_readings WHERE meter_id = ? AND period = ?')
      .pluck()
      .get(meter!.id, input!.period) as number | undefined;
    if (recorded !== undefined) {
      if (recorded === decimalToE4(input!.reading)) return { created: false, reason: `表 ${meter!.code} ${input!.period} 的读数已录入，跳过` };
      check.add('reading', `表 ${meter!.code} ${input!.period} 已录入读数 ${e4ToDecimal(recorded)}，与本行不一致；已录入的读数不能用导入修改`);
      check.done();
    }
    recordReading(env.app, input!, env.userId).run();
    return { created: true, amountFen: 0 };
  },

  failureColumn(message) {
    if (message.includes('抄表日期')) return 'readDate';
    if (message.includes('更晚')) return 'period';
    return 'reading';
  },
});
