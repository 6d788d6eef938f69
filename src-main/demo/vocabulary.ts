// Word lists for a believable Shenzhen-area property company. Surnames carry rough frequency
// weights; 单/曾/解/仇/查/朴 are in on purpose: their surname readings (shan, zeng, xie, qiu …)
// differ from the everyday reading and are what the desk's pinyin search must get right.

export const COMPANY_NAME = '阳光物业服务有限公司';

export const COMMUNITY_NAMES: ReadonlyArray<readonly [code: string, name: string, address: string]> = [
  ['YGHY', '阳光花园', '深圳市南山区桃园路 88 号'],
  ['CHY', '翠湖苑', '深圳市福田区香蜜湖路 16 号'],
  ['JXHT', '锦绣华庭', '深圳市罗湖区东门北路 203 号'],
  ['JSJY', '金色家园', '深圳市宝安区新安六路 51 号'],
  ['BSW', '碧水湾', '深圳市龙岗区龙城大道 129 号'],
  ['LCYY', '绿城雅苑', '深圳市龙华区民治大道 366 号'],
  ['YJHF', '御景华府', '深圳市南山区科苑南路 9 号'],
  ['BJMY', '滨江名苑', '深圳市宝安区滨海大道 172 号'],
  ['GHY', '桂花园', '深圳市光明区华夏路 45 号'],
  ['XHXQ', '幸福小区', '深圳市坪山区深汕路 77 号'],
];

export const SURNAMES: ReadonlyArray<readonly [string, number]> = [
  ['王', 72], ['李', 70], ['张', 68], ['刘', 54], ['陈', 52], ['杨', 36], ['黄', 34], ['赵', 30],
  ['吴', 28], ['周', 27], ['徐', 20], ['孙', 19], ['马', 18], ['朱', 17], ['胡', 16], ['郭', 15],
  ['何', 15], ['林', 14], ['罗', 13], ['高', 13], ['郑', 12], ['梁', 12], ['谢', 11], ['宋', 10],
  ['唐', 10], ['许', 9], ['韩', 9], ['冯', 9], ['邓', 9], ['曹', 8], ['彭', 8], ['曾', 8],
  ['肖', 7], ['田', 7], ['董', 7], ['潘', 6], ['袁', 6], ['蔡', 6], ['蒋', 6], ['余', 6],
  ['于', 5], ['杜', 5], ['叶', 5], ['程', 5], ['魏', 5], ['苏', 5], ['吕', 5], ['丁', 5],
  ['任', 4], ['卢', 4], ['姚', 4], ['沈', 4], ['钟', 4], ['姜', 4], ['崔', 4], ['谭', 4],
  ['陆', 3], ['范', 3], ['汪', 3], ['廖', 3], ['石', 3], ['金', 3], ['韦', 3], ['贾', 3],
  ['单', 3], ['解', 3], ['仇', 3], ['查', 2], ['朴', 2], ['欧阳', 2], ['司马', 1], ['诸葛', 1],
];

export const GIVEN_NAMES: readonly string[] = [
  '伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明',
  '超', '秀英', '霞', '平', '刚', '桂英', '建华', '建国', '建军', '志强', '志明', '秀兰', '玉兰',
  '海燕', '晓东', '晓明', '晓燕', '文', '斌', '宇', '浩', '鹏', '辉', '婷', '雪', '琳', '欣怡',
  '子涵', '梓涵', '浩然', '宇轩', '雨涵', '一诺', '思远', '嘉怡', '佳琪', '欣然', '俊杰', '子轩',
  '诗涵', '梦琪', '家豪', '志伟', '春梅', '国庆', '红梅', '丽娟', '淑珍', '德华', '少华', '振华',
  '永红', '美玲', '慧敏', '雅琴', '凤英', '金凤', '立新', '卫东', '向东', '红军', '长青', '海涛',
  '晨曦', '若曦', '天佑', '博文', '睿', '昊天', '紫萱', '铭', '凯', '晗', '悦', '璐', '倩', '蕾',
  '建平', '小红', '小军', '玉梅', '秋菊', '宝珠', '亚楠', '冬梅', '世杰', '兆丰', '乐', '行',
];

/** Mobile prefixes of the three carriers' 13x/15x/18x ranges. */
export const MOBILE_PREFIXES: readonly string[] = [
  '130', '131', '132', '133', '134', '135', '136', '137', '138', '139', '150', '151', '152', '153',
  '155', '156', '157', '158', '159', '180', '181', '182', '183', '184', '185', '186', '187', '188', '189',
];

/** Plate prefixes: mostly local 粤B, then the rest of Guangdong and the big sending provinces. */
export const PLATE_PREFIXES: ReadonlyArray<readonly [string, number]> = [
  ['粤B', 78], ['粤A', 4], ['粤S', 3], ['粤E', 2], ['湘A', 3], ['赣B', 2], ['桂A', 2], ['川A', 2],
  ['鄂A', 2], ['闽D', 1], ['豫A', 1],
];

/** Plate letters: I and O are never used. */
export const PLATE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

export const STAFF: ReadonlyArray<readonly [username: string, displayName: string, role: 'admin' | 'supervisor' | 'cashier']> = [
  ['admin', '系统管理员', 'admin'],
  ['zhuguan1', '李秀英', 'supervisor'],
  ['zhuguan2', '陈建国', 'supervisor'],
  ['shouyin1', '王芳', 'cashier'],
  ['shouyin2', '刘婷', 'cashier'],
  ['shouyin3', '黄晓燕', 'cashier'],
  ['shouyin4', '周杰', 'cashier'],
];

export const WAIVER_REASONS: readonly string[] = [
  '房屋空置期物业费减免 30%（物业服务合同第十二条）',
  '楼上漏水维修期间物业费减免，经主管批准',
  '低保困难户物业费减免，业委会批准',
  '电梯停运超过 15 天，按约定减免',
];

export const VOID_REASONS: readonly string[] = ['收款方式选错', '收款金额录错，重新收取', '业主要求更换付款方式', '房号选错'];

export const SHORT_OVER_NOTES = { short: '现金短款，已由收银员当班补齐', over: '长款，已登记待查' } as const;
