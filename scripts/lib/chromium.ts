/**
 * The browser the end-to-end tests and the browser benchmarks drive: Debian's Chromium (playwright-core
 * never downloads one). CARTO_CHROMIUM_PATH points elsewhere (another build, or nowhere in the test of
 * the check below).
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export const CHROMIUM_PATH = process.env.CARTO_CHROMIUM_PATH || '/usr/bin/chromium';

/** Said when Chromium is missing and cannot be installed here: one line, French then English. */
export const CHROMIUM_MISSING = `Chromium est introuvable (${CHROMIUM_PATH}) : installez-le avec « sudo apt-get install -y chromium » puis relancez « npm test » / Chromium not found (${CHROMIUM_PATH}): install it with "sudo apt-get install -y chromium", then run "npm test" again.`;

const executable = (path: string) => {
	try {
		accessSync(path, constants.X_OK);
		return true;
	} catch {
		return false;
	}
};

export const chromiumPresent = () => executable(CHROMIUM_PATH);

/** The command's full path if it is on PATH. */
export function onPath(command: string, path = process.env.PATH ?? ''): string | null {
	for (const dir of path.split(delimiter)) {
		if (dir && executable(join(dir, command))) return join(dir, command);
	}
	return null;
}

/**
 * Present: true. Missing: as root with apt-get, installs it the way .ci/run does and says so; otherwise
 * false at once (the caller stops with CHROMIUM_MISSING).
 */
export function ensureChromium(log: (line: string) => void = console.log): boolean {
	if (chromiumPresent()) return true;
	const aptGet = onPath('apt-get');
	if (process.getuid?.() !== 0 || !aptGet) return false;
	log(`Chromium est introuvable (${CHROMIUM_PATH}) : installation avec apt-get, comme .ci/run (apt-get update, puis apt-get install -y chromium)…`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const updated = spawnSync(aptGet, ['update', '-qq'], { stdio: 'inherit', env });
	if (updated.status !== 0) return false;
	const installed = spawnSync(aptGet, ['install', '-y', '-qq', 'chromium'], { stdio: ['ignore', 'ignore', 'inherit'], env });
	return installed.status === 0 && chromiumPresent();
}
