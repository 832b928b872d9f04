// `npm ci`, unless node_modules was installed by `npm ci` from this very package-lock.json (a stamp holds its hash):
// a fresh clone or a changed lock installs anew, a rebuild of the same tree does not spend its time reinstalling.
// CARAVAN_NPM_CI=always installs whatever the stamp says.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const lock = readFileSync(path.join(root, 'package-lock.json'));
const hash = createHash('sha256').update(lock).update(process.version).digest('hex');
const stamp = path.join(root, 'node_modules', '.caravan-npm-ci');

if (process.env.CARAVAN_NPM_CI !== 'always' && existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === hash) {
  console.log('node_modules is what package-lock.json says: npm ci skipped');
  process.exit(0);
}
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: root, stdio: 'inherit' });
if (result.status !== 0) {
  process.exit(result.status ?? 1);
}
writeFileSync(stamp, `${hash}\n`);
