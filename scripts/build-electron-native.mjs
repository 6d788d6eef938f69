// Puts an Electron-ABI build of better-sqlite3 at build/electron-native/better_sqlite3.node, the
// file electron-builder ships as resources/native/better_sqlite3.node and the dev shell loads via
// better-sqlite3's `nativeBinding` option.
//
// node_modules/better-sqlite3/build is never touched: rebuilding it in place for Electron would
// break the next Node test run (NODE_MODULE_VERSION mismatch). The package is copied to a temp
// folder and built there. Needs network (prebuilt download, or Electron headers for node-gyp), so
// a developer runs it by hand, again after any Electron or better-sqlite3 upgrade:
//
//   node scripts/build-electron-native.mjs                                  # this machine
//   node scripts/build-electron-native.mjs --platform win32 --arch x64      # the NSIS target
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
const { values } = parseArgs({
  options: { platform: { type: 'string', default: process.platform }, arch: { type: 'string', default: process.arch } },
});
const electronVersion = require('electron/package.json').version;
const sqliteDir = path.dirname(require.resolve('better-sqlite3/package.json'));
const sqliteVersion = require('better-sqlite3/package.json').version;
const outDir = path.resolve('build', 'electron-native');

function run(args, cwd) {
  console.log(`> ${path.basename(args[0])} ${args.slice(1).join(' ')}`);
  return spawnSync(process.execPath, args, { cwd, stdio: 'inherit' }).status === 0;
}

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'feedesk-sqlite-electron-'));
try {
  fs.cpSync(sqliteDir, workDir, {
    recursive: true,
    filter: (source) => !source.startsWith(path.join(sqliteDir, 'build')),
  });
  console.log(`better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${values.platform}-${values.arch})`);

  const target = ['--runtime', 'electron', '--target', electronVersion, '--arch', values.arch];
  const downloaded = run(
    [require.resolve('prebuild-install/bin.js'), ...target, '--platform', values.platform, '--verbose'],
    workDir,
  );
  // node-gyp can only compile for the machine it runs on.
  const crossTarget = values.platform !== process.platform || values.arch !== process.arch;
  if (!downloaded && !crossTarget) {
    run(
      [
        require.resolve('node-gyp/bin/node-gyp.js'),
        'rebuild',
        '--release',
        `--target=${electronVersion}`,
        `--arch=${values.arch}`,
        '--dist-url=https://electronjs.org/headers',
      ],
      workDir,
    );
  }

  const built = path.join(workDir, 'build', 'Release', 'better_sqlite3.node');
  if (!fs.existsSync(built)) {
    console.error('No Electron build of better-sqlite3 was produced (see the output above).');
    process.exitCode = 1;
  } else {
    fs.mkdirSync(outDir, { recursive: true });
    fs.copyFileSync(built, path.join(outDir, 'better_sqlite3.node'));
    console.log(`Wrote ${path.relative(process.cwd(), path.join(outDir, 'better_sqlite3.node'))}`);
  }
} finally {
  fs.rmSync(workDir, { recursive: true, force: true });
}
