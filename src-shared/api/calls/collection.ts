export const collectionCalls = {};
