export const shiftsCalls = {};
