export const accountsCalls = {};
