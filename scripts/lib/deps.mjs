// Installs npm dependencies when they are missing or stale.
//
// This module runs before node_modules exists, so it may only use Node
// built-ins.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, utimesSync } from 'node:fs';
import { basename, join } from 'node:path';

// npm install on a slow network can take a while, but it must never hang forever.
const NPM_TIMEOUT_MS = 30 * 60 * 1000;

function mtimeMs(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return null;
  }
}

/** Returns why an install is needed, or null when node_modules is current. */
function installReason(root) {
  const nodeModules = join(root, 'node_modules');
  if (!existsSync(nodeModules)) return 'node_modules is missing';
  // npm writes node_modules/.package-lock.json after every install, so its
  // mtime tells us when node_modules was last brought up to date.
  const installedAt = mtimeMs(join(nodeModules, '.package-lock.json'));
  if (installedAt === null) return 'node_modules/.package-lock.json is missing';
  const lockAt = mtimeMs(join(root, 'package-lock.json'));
  if (lockAt !== null && lockAt > installedAt) return 'package-lock.json is newer than node_modules';
  const pkgAt = mtimeMs(join(root, 'package.json'));
  if (pkgAt !== null && pkgAt > installedAt) return 'package.json is newer than node_modules';
  return null;
}

/** The command that runs npm: the npm that launched us if known, else npm on PATH. */
function npmCommand() {
  const execPath = process.env.npm_execpath;
  if (execPath && /^npm(-cli)?\.c?js$/.test(basename(execPath)) && existsSync(execPath)) {
    return { file: process.execPath, prefix: [execPath] };
  }
  return { file: process.platform === 'win32' ? 'npm.cmd' : 'npm', prefix: [] };
}

/**
 * Runs `npm install` (which follows package-lock.json) in `root`
 * when node_modules is missing or older than package.json/package-lock.json.
 *
 * @param {{ root: string, log?: (line: string) => void }} options
 */
export async function ensureDependencies({ root, log = () => {} }) {
  const reason = installReason(root);
  if (reason === null) return;

  const hasLock = existsSync(join(root, 'package-lock.json'));
  // Not `npm ci`: npm 11 records only this platform's optional packages of
  // msgpackr-extract (a BullMQ dependency) in the lock and then calls its own lock
  // "out of sync". `npm install` installs the locked versions all the same.
  const subcommand = 'install';
  log(`npm ${subcommand}: ${reason}`);

  const npm = npmCommand();
  const result = spawnSync(npm.file, [...npm.prefix, subcommand, '--no-audit', '--no-fund'], {
    cwd: root,
    stdio: 'inherit',
    timeout: NPM_TIMEOUT_MS,
    // npm.cmd can only be run through a shell on Windows.
    shell: process.platform === 'win32' && npm.prefix.length === 0,
  });

  if (result.error?.code === 'ENOENT') {
    throw new Error('npm was not found on PATH: install Node.js 20 with npm and try again.');
  }
  if (result.error?.code === 'ETIMEDOUT') {
    throw new Error(`npm ${subcommand} did not finish within 30 minutes: check your network connection and try again.`);
  }
  if (result.error) {
    throw new Error(`npm ${subcommand} could not be run (${result.error.message}): check your Node.js installation.`);
  }
  if (result.status !== 0) {
    const how = result.signal ? `was killed by ${result.signal}` : `failed with exit code ${result.status}`;
    const hint = hasLock
      ? 'see the npm output above (if package.json and package-lock.json are out of sync, run npm install)'
      : 'see the npm output above';
    throw new Error(`npm ${subcommand} ${how}: ${hint}.`);
  }

  // Mark node_modules as fresh even if npm wrote package-lock.json after its
  // hidden lockfile; otherwise the next run would reinstall needlessly.
  const nodeModules = join(root, 'node_modules');
  mkdirSync(nodeModules, { recursive: true });
  const marker = join(nodeModules, '.package-lock.json');
  if (existsSync(marker)) {
    const now = new Date();
    utimesSync(marker, now, now);
  }
  log(`npm ${subcommand}: done`);
}
