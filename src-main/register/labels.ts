// Chinese names of the register's codes, for audit summaries and messages.
export const USE_LABELS = { residential: '住宅', shop: '商铺', office: '办公', garage: '车库' } as const;
export const STATUS_LABELS = { undelivered: '未交付', vacant: '空置', occupied: '已入住', renovating: '装修中' } as const;
export const ROLE_LABELS = { owner: '业主', tenant: '租户', payer: '付款人' } as const;
export const PARKING_TYPE_LABELS = { owned: '产权', leased: '租赁', civil_defense: '人防', temporary: '临时' } as const;
export const METER_KIND_LABELS = { water: '水表', power: '电表' } as const;
