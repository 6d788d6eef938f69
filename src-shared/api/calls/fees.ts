export const feesCalls = {};
