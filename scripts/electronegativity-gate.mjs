// Runs Electronegativity over the desktop shell and fails on any finding it is sure about.
//
// Rule: exit 1 if a finding is MEDIUM or HIGH severity and Electronegativity did not mark it for
// manual review (its `manualReview` flag, printed as *REVIEW REQUIRED* by its CLI). Review items
// are heuristics that fire on any use of an API (preload, setPermissionRequestHandler,
// openExternal, setWindowOpenHandler …) whatever its arguments; our tests check those. A file it
// cannot parse fails the gate too, since its checks never saw that file.
//
// Offline by construction: AvailableSecurityFixesGlobalCheck (downloads Electron release data) is
// excluded, the translation download its i18n module attempts on every run is answered locally,
// and any other socket or DNS lookup throws.
import dns from 'node:dns';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';

const require = createRequire(import.meta.url);

function refuseNetwork(what) {
  return () => {
    throw new Error(`electronegativity-gate: network access attempted (${what}); the gate must stay offline`);
  };
}
net.Socket.prototype.connect = refuseNetwork('socket');
dns.lookup = refuseNetwork('dns');
dns.promises.lookup = refuseNetwork('dns');

const toolDir = path.dirname(require.resolve('@doyensec/electronegativity/package.json'));
const gotPath = require.resolve('got', { paths: [path.join(toolDir, 'dist', 'locales')] });
require.cache[gotPath] = {
  id: gotPath,
  filename: gotPath,
  loaded: true,
  exports: async () => ({ statusCode: 404, body: '' }),
};

const run = require('@doyensec/electronegativity').default ?? require('@doyensec/electronegativity');
const electronVersion = require('electron/package.json').version;
const input = path.resolve(process.argv[2] ?? 'src-main/electron');

const { issues, errors } = await run({
  input,
  excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
  electronVersionOverride: electronVersion,
  isRelative: true,
  parserPlugins: [],
});

const blocking = (issue) => issue.severity.value >= 2 && !issue.manualReview;
const rows = issues
  .sort((a, b) => b.severity.value - a.severity.value || a.id.localeCompare(b.id))
  .map((issue) => ({
    check: issue.id,
    severity: issue.severity.name,
    confidence: issue.confidence.name,
    review: issue.manualReview ? 'manual review' : '',
    where: `${issue.file}:${issue.location.line}:${issue.location.column}`,
    verdict: blocking(issue) ? 'FAIL' : 'ok',
  }));

console.log(`Electronegativity ${require('@doyensec/electronegativity/package.json').version} on ${path.relative(process.cwd(), input)} (Electron ${electronVersion})`);
if (rows.length > 0) console.table(rows);
else console.log('No findings.');

const unparsed = errors.filter((error) => !error.tolerable);
for (const error of errors) console.log(`${error.tolerable ? 'warning' : 'ERROR'}: ${error.file}: ${error.message}`);

const failures = rows.filter((row) => row.verdict === 'FAIL').length;
if (failures > 0 || unparsed.length > 0) {
  console.error(`electronegativity gate: FAILED (${failures} blocking finding(s), ${unparsed.length} unparsed file(s))`);
  process.exit(1);
}
console.log(`electronegativity gate: passed (${rows.length} finding(s), none blocking)`);
