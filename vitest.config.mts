import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Tests never load the real Electron (its binary cannot be downloaded here).
    alias: { electron: path.resolve(import.meta.dirname, 'tests/stubs/electron.ts') },
  },
  test: {
    environment: 'node',
    include: ['tests/unit/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 30_000,
  },
});
