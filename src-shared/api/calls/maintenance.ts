export const maintenanceCalls = {};
