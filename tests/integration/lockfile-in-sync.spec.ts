/**
 * CI installs with `npm ci`, which refuses a lock file that names an optional dependency it does not hold.
 * That happens when a package lists per-platform binaries that were never published for some platforms
 * (@lix-js/sdk 0.17 did): `npm install` here skips the missing ones silently, and CI then fails after
 * one second. This reads the committed lock file the way `npm ci` does, so the mistake shows in `npm test`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type LockEntry = { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string>; dev?: boolean };
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { lockfileVersion: number; packages: Record<string, LockEntry> };

/** Where node would find `name` from the package at `from`: its own node_modules, then each parent's. */
function resolves(from: string, name: string): boolean {
	let dir = from;
	for (;;) {
		if (lock.packages[`${dir ? `${dir}/` : ''}node_modules/${name}`]) return true;
		if (!dir) return false;
		const cut = dir.lastIndexOf('/node_modules/');
		dir = cut < 0 ? '' : dir.slice(0, cut);
	}
}

describe('package-lock.json as npm ci reads it', () => {
	it('is a version 3 lock file', () => {
		expect(lock.lockfileVersion).toBe(3);
	});

	it('holds every optional dependency it names (npm ci stops at the first one missing)', () => {
		const missing: string[] = [];
		for (const [at, entry] of Object.entries(lock.packages)) {
			for (const name of Object.keys(entry.optionalDependencies ?? {})) {
				if (!resolves(at, name)) missing.push(`${at || '(racine)'} -> ${name}`);
			}
		}
		expect(missing).toEqual([]);
	});

	it('holds every ordinary dependency it names', () => {
		const missing: string[] = [];
		for (const [at, entry] of Object.entries(lock.packages)) {
			for (const name of Object.keys(entry.dependencies ?? {})) {
				if (!resolves(at, name)) missing.push(`${at || '(racine)'} -> ${name}`);
			}
		}
		expect(missing).toEqual([]);
	});
});
