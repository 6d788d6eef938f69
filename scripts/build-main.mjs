// Bundles the Electron main process and the preload. The preload runs sandboxed, where only
// require('electron') works, so it must be one self-contained file; better-sqlite3 stays external
// because its native binding is loaded from disk (see src-main/electron/startup.ts).
import { build } from 'esbuild';

const common = { bundle: true, format: 'cjs', logLevel: 'info', legalComments: 'none' };

await Promise.all([
  build({
    ...common,
    entryPoints: ['src-main/electron/main.ts'],
    outfile: 'dist/main/electron-main.js',
    platform: 'node',
    target: 'node20',
    // pdfkit reads its own data files (standard fonts, ICC profile) next to itself at run time.
    external: ['electron', 'better-sqlite3', 'pdfkit'],
  }),
  // Batch PDFs render in a worker thread (src-main/documents/pdf/batch.ts looks for this file).
  build({
    ...common,
    entryPoints: ['src-main/documents/pdf/batchWorker.ts'],
    outfile: 'dist/main/pdf-worker.js',
    platform: 'node',
    target: 'node20',
    external: ['pdfkit'],
  }),
  // Large Excel exports are written in a worker thread (src-main/documents/excel/offThread.ts).
  build({
    ...common,
    entryPoints: ['src-main/documents/excel/excelWorker.ts'],
    outfile: 'dist/main/excel-worker.js',
    platform: 'node',
    target: 'node20',
    external: ['better-sqlite3'],
  }),
  build({
    ...common,
    entryPoints: ['src-main/electron/preload.ts'],
    outfile: 'dist/main/preload.js',
    // 'browser' makes esbuild refuse any Node built-in the sandbox could not load anyway.
    platform: 'browser',
    target: 'es2022',
    external: ['electron'],
  }),
]);
