import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'carto-chromium-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm test sur une machine sans Chromium', () => {
	it('stops at once with one French/English sentence, before any step, when it cannot install it', () => {
		const started = Date.now();
		// The real scripts/test.ts; a PATH with no apt-get (nor npx: a step would fail loudly if one started).
		const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/test.ts'], {
			env: { HOME: process.env.HOME, CARTO_CHROMIUM_PATH: join(dir, 'nulle-part', 'chromium'), PATH: join(dir, 'bin-vide') },
			encoding: 'utf8',
			timeout: 20_000
		});
		const elapsed = Date.now() - started;
		console.info(`[npm test sans Chromium] arrêt en ${elapsed} ms`);
		expect(run.status).toBe(1);
		expect(elapsed).toBeLessThan(4_000);
		const lines = run.stderr.trim().split('\n');
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatch(
			/^Chromium est introuvable \(.*nulle-part\/chromium\) : installez-le avec « sudo apt-get install -y chromium » .* \/ Chromium not found .*: install it with "sudo apt-get install -y chromium"/
		);
		// No step started: test.ts prints « === <step> === » before each one.
		expect(run.stdout).not.toContain('===');
		expect(run.stdout.trim()).toBe('');
	});

	it.skipIf(process.getuid?.() !== 0)('as root with apt-get, installs it the way .ci/run does, and says so', async () => {
		const bin = join(dir, 'bin');
		const chromium = join(dir, 'installe', 'chromium');
		const calls = join(dir, 'apt-get.log');
		rmSync(bin, { recursive: true, force: true });
		spawnSync('mkdir', ['-p', bin, join(dir, 'installe')]);
		// A stand-in apt-get: records how it is called; « install » puts an executable where Chromium goes.
		writeFileSync(
			join(bin, 'apt-get'),
			`#!/bin/sh\necho "$DEBIAN_FRONTEND $*" >> '${calls}'\nif [ "$1" = install ]; then printf '#!/bin/sh\\n' > '${chromium}'; chmod +x '${chromium}'; fi\n`
		);
		chmodSync(join(bin, 'apt-get'), 0o755);
		const path = process.env.PATH;
		process.env.CARTO_CHROMIUM_PATH = chromium;
		process.env.PATH = `${bin}:/bin`; // the stand-in comes first: the real apt-get is never reached
		try {
			vi.resetModules();
			const { ensureChromium, chromiumPresent } = await import('../../scripts/lib/chromium');
			expect(chromiumPresent()).toBe(false);
			const said: string[] = [];
			expect(ensureChromium((line) => said.push(line))).toBe(true);
			expect(said).toEqual([expect.stringMatching(/installation avec apt-get, comme \.ci\/run/)]);
			expect(readFileSync(calls, 'utf8').trim().split('\n')).toEqual(['noninteractive update -qq', 'noninteractive install -y -qq chromium']);
			expect(chromiumPresent()).toBe(true);
		} finally {
			process.env.PATH = path;
			delete process.env.CARTO_CHROMIUM_PATH;
		}
	});
});
