import { unitSortKey } from '../../../src-shared/domain/unitCode';
import type { AppContext } from '../../../src-main/app/context';
import { namePinyin } from '../../../src-main/register/pinyin';
import { markAllDirty } from '../../../src-main/register/searchIndex';

// Surnames chosen so no generated name's pinyin starts with z, s, d or x: the search tests look
// for 张三 (zs), 单田芳 (s…) and 解缙 (x…) among the crowd without the crowd answering first.
const SURNAMES = ['李', '王', '刘', '陈', '杨', '黄', '吴', '何', '林', '罗'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '洋', '艳', '勇', '军'];

export interface SeedResult {
  communityIds: number[];
  units: number;
}

/**
 * A large register for the search test and the benchmark, in one transaction of prepared inserts:
 * `units` units (codes 楼栋-单元-楼层房号, two communities), an owner each, a tenant on every fifth,
 * a parking space with a plate on every third. Phones are 139 + the unit's number in 8 digits.
 */
export function seedLargeRegister(app: AppContext, units: number): SeedResult {
  const db = app.sqlite;
  const now = app.clock.nowIso();
  const pinyinCache = new Map<string, { initials: string; full: string }>();
  const keys = (name: string) => {
    let k = pinyinCache.get(name);
    if (!k) pinyinCache.set(name, (k = namePinyin(name)));
    return k;
  };
  const insertCommunity = db.prepare('INSERT INTO communities (code, name, created_at) VALUES (?, ?, ?)');
  const insertBuilding = db.prepare('INSERT INTO buildings (community_id, code, name) VALUES (?, ?, ?)');
  const insertUnit = db.prepare(
    `INSERT INTO units (community_id, building_id, code, sort_key, building_area_e4, use, status, created_at)
     VALUES (?, ?, ?, ?, 895000, 'residential', 'occupied', ?)`,
  );
  const insertCustomer = db.prepare(
    'INSERT INTO customers (name, phone, pinyin_initials, pinyin_full, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const insertLink = db.prepare("INSERT INTO unit_customers (unit_id, customer_id, role, start_date) VALUES (?, ?, ?, '2020-01-01')");
  const insertParking = db.prepare("INSERT INTO parking_spaces (community_id, code, type, unit_id, plates) VALUES (?, ?, 'owned', ?, ?)");
  const person = (i: number) => `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i >> 2) % GIVEN.length]}${i % 3 === 0 ? GIVEN[(i >> 4) % GIVEN.length] : ''}`;
  const customer = (name: string, phone: string) => {
    const k = keys(name);
    return Number(insertCustomer.run(name, phone, k.initials, k.full, now).lastInsertRowid);
  };

  const communityIds: number[] = [];
  db.transaction(() => {
    const perCommunity = Math.ceil(units / 2);
    let n = 0;
    for (const [code, name] of [['SEED-A', '翠湖苑'], ['SEED-B', '锦绣园']] as const) {
      const communityId = Number(insertCommunity.run(code, name, now).lastInsertRowid);
      communityIds.push(communityId);
      const buildings = new Map<number, number>();
      for (let k = 0; k < perCommunity && n < units; k++, n++) {
        // 2 units (单元) × 33 floors × 4 rooms per building.
        const b = Math.floor(k / 264) + 1;
        const unit = (Math.floor(k / 132) % 2) + 1;
        const floor = (Math.floor(k / 4) % 33) + 1;
        const room = (k % 4) + 1;
        if (!buildings.has(b)) buildings.set(b, Number(insertBuilding.run(communityId, String(b), `${b}号楼`).lastInsertRowid));
        const unitCode = `${b}-${unit}-${floor}${String(room).padStart(2, '0')}`;
        const unitId = Number(insertUnit.run(communityId, buildings.get(b)!, unitCode, unitSortKey(unitCode), now).lastInsertRowid);
        insertLink.run(unitId, customer(person(n), `139${String(n).padStart(8, '0')}`), 'owner');
        if (n % 5 === 0) insertLink.run(unitId, customer(person(n + 7), `137${String(n).padStart(8, '0')}`), 'tenant');
        if (n % 3 === 0) insertParking.run(communityId, `P-${k}`, unitId, `粤B${String(n).padStart(5, '0')}`);
      }
    }
  })();
  markAllDirty(app);
  return { communityIds, units };
}
