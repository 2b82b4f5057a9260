/**
 * `npm test`: type check, formatting and lint, unit + integration tests (vitest, real SQLite files), build, then browser
 * end-to-end tests against the built server. Ends with the line `N passed, N failed` that CI reads.
 * Chromium is checked first: a machine without it gets one sentence saying how, not dozens of failures.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { CHROMIUM_MISSING, ensureChromium } from './lib/chromium';

if (!ensureChromium()) {
	console.error(CHROMIUM_MISSING);
	process.exit(1);
}

interface VitestJson {
	numPassedTests: number;
	numFailedTests: number;
	numPendingTests: number;
}

mkdirSync('test-results', { recursive: true });
let passed = 0;
let failed = 0;
let skipped = 0;
const failures: string[] = [];

function step(name: string, command: string, args: string[], env: Record<string, string> = {}): boolean {
	console.log(`\n=== ${name} ===`);
	const started = Date.now();
	const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
	const ok = result.status === 0;
	console.log(`=== ${name} : ${ok ? 'ok' : 'ÉCHEC'} (${((Date.now() - started) / 1000).toFixed(1)} s) ===`);
	if (!ok) failures.push(name);
	return ok;
}

function vitest(name: string, report: string, args: string[]) {
	rmSync(report, { force: true });
	const ok = step(name, 'npx', ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
	if (!existsSync(report)) {
		failed += 1; // the runner itself crashed: count it, so a broken suite can never look green
		return;
	}
	const json = JSON.parse(readFileSync(report, 'utf8')) as VitestJson;
	passed += json.numPassedTests;
	failed += json.numFailedTests;
	skipped += json.numPendingTests;
	if (!ok && json.numFailedTests === 0) failed += 1;
}

const checked = step('Vérification des types (svelte-check)', 'npm', ['run', 'check']);
if (!checked) failed += 1;
const linted = step('Mise en forme et règles du code (Prettier, ESLint)', 'npm', ['run', 'lint']);
if (!linted) failed += 1;
vitest('Tests unitaires et d’intégration', 'test-results/vitest-unit.json', []);
const built = step('Construction', 'npx', ['vite', 'build']);
if (built) vitest('Tests de bout en bout (Chromium)', 'test-results/vitest-e2e.json', ['--config', 'vitest.e2e.config.ts']);
else failed += 1;

console.log(failures.length ? `\nÉtapes en échec : ${failures.join(', ')}` : '\nToutes les étapes ont réussi.');
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failures.length || failed ? 1 : 0);
