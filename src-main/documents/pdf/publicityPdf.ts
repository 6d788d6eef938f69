import type { AppContext } from '../../app/context';
import { AppFailure } from '../../ipc/failure';
import { getMeta } from '../../system/meta';
import { A4, GREY, INK, hline, mm, newDocument, pageMarks, put, row, toBuffer, type Column } from './kit';
import type { PublicityModel } from './models';
import { isTraining } from './receiptModel';

const PRICE_TYPES: Record<string, string> = { government_guided: '政府指导价', market: '市场调节价' };
const METHODS: Record<string, string> = {
  AREA: '按面积按月计收',
  FIXED: '按户（车位）定额计收',
  METERED: '按表计量计收',
  APPORTION: '按规则分摊',
  ONE_OFF: '按次计收',
  DEPOSIT: '押金，按约定退还',
};
const PRICE_UNITS: Record<string, string> = { AREA: '元/㎡·月', FIXED: '元/月', METERED: '元/单位用量', APPORTION: '元', ONE_OFF: '元/次', DEPOSIT: '元' };

/** 价格举报电话: the 12358 price complaint line every 收费公示 must show. */
export const COMPLAINT_LINE = '12358';

/** 收费公示表: the standards in force in a community on a date, as the price bureau asks. */
export function publicityModel(app: AppContext, communityId: number, asOf: string): PublicityModel {
  const community = app.sqlite.prepare('SELECT name FROM communities WHERE id = ?').get(communityId) as { name: string } | undefined;
  if (!community) throw new AppFailure('NOT_FOUND', '小区不存在');
  const rows = app.sqlite
    .prepare(
      `SELECT fi.name, fi.basis_doc, fi.price_type, fi.method, s.price, s.start_date, s.scope,
         b.name AS building_name, s.unit_use, s.parking_type, u.code AS unit_code
       FROM fee_standards s JOIN fee_items fi ON fi.id = s.fee_item_id
       LEFT JOIN buildings b ON b.id = s.building_id LEFT JOIN units u ON u.id = s.unit_id
       WHERE s.community_id = ? AND s.start_date <= ? AND (s.end_date IS NULL OR s.end_date >= ?) AND fi.active = 1
       ORDER BY fi.priority, fi.code, s.scope, s.start_date, s.id`,
    )
    .all(communityId, asOf, asOf) as Array<{
    name: string; basis_doc: string; price_type: string; method: string; price: string; start_date: string; scope: string;
    building_name: string | null; unit_use: string | null; parking_type: string | null; unit_code: string | null;
  }>;
  const USE: Record<string, string> = { residential: '住宅', shop: '商铺', office: '办公', garage: '车库' };
  const PARKING: Record<string, string> = { owned: '产权车位', leased: '租赁车位', civil_defense: '人防车位', temporary: '临时车位' };
  const target = (r: (typeof rows)[number]): string =>
    r.scope === 'community' ? '全小区' : r.scope === 'building' ? (r.building_name ?? '') : r.scope === 'use' ? (USE[r.unit_use ?? ''] ?? '') : r.scope === 'unit' ? (r.unit_code ?? '') : (PARKING[r.parking_type ?? ''] ?? '');
  return {
    companyName: getMeta(app, 'company_name') ?? '',
    communityName: community.name,
    asOf,
    rows: rows.map((r) => ({
      item: r.name,
      basis: r.basis_doc || '物业服务合同',
      priceType: PRICE_TYPES[r.price_type] ?? r.price_type,
      price: `${r.price} ${PRICE_UNITS[r.method] ?? '元'}`,
      method: METHODS[r.method] ?? r.method,
      target: target(r),
      startDate: r.start_date,
    })),
    complaintLine: COMPLAINT_LINE,
    training: isTraining(app),
  };
}

export async function renderPublicityPdf(m: PublicityModel): Promise<Buffer> {
  const size: [number, number] = [A4[1], A4[0]];
  const doc = newDocument({ title: `收费公示表 ${m.communityName}`, size });
  const x = mm(15);
  const w = size[0] - 2 * x;
  const bottom = size[1] - mm(25);
  const columns: Column[] = [
    { title: '收费项目', width: w * 0.12 },
    { title: '收费依据', width: w * 0.24 },
    { title: '价格类型', width: w * 0.1 },
    { title: '收费标准', width: w * 0.13, align: 'right' },
    { title: '计费方式', width: w * 0.15 },
    { title: '适用范围', width: w * 0.13 },
    { title: '执行日期', width: w * 0.13 },
  ];
  let y = 0;
  const page = (first: boolean) => {
    doc.addPage({ size, margin: 0 });
    pageMarks(doc, { training: m.training });
    y = mm(14);
    put(doc, first ? '收费公示表' : '收费公示表（续）', x, y, { size: first ? 20 : 13, bold: true, align: 'center', width: w });
    y += first ? 32 : 22;
    put(doc, `收费单位：${m.companyName}\u3000\u3000小区：${m.communityName}\u3000\u3000公示日期：${m.asOf}`, x, y, { size: 10, width: w });
    y += 20;
    hline(doc, x, x + w, y - 2, INK, 0.8);
    y += row(doc, columns, columns.map((c) => c.title), x, y, { size: 9.5, bold: true }) + 2;
    hline(doc, x, x + w, y - 1, GREY);
    y += 2;
  };
  page(true);
  for (const r of m.rows) {
    const cells = [r.item, r.basis, r.priceType, r.price, r.method, r.target, r.startDate];
    if (y + 30 > bottom) page(false);
    y += row(doc, columns, cells, x, y, { size: 9.5 }) + 3;
    hline(doc, x, x + w, y - 1, '#dddddd', 0.4);
  }
  if (m.rows.length === 0) y += put(doc, '该小区当前没有执行中的收费标准。', x, y, { size: 10 }) + 4;
  y += 8;
  put(doc, `以上收费标准明码标价，接受业主和社会监督。价格投诉举报电话：${m.complaintLine}`, x, Math.min(y, bottom + 4), { size: 10.5, bold: true, width: w });
  return toBuffer(doc);
}
