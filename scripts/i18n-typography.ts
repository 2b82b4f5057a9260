/**
 * Puts French typography into the French catalogues (no-break spaces before « : ; ! ? » and inside « »),
 * so translators and developers type plain spaces and this one rule writes what a reader sees.
 * `npm run i18n:typography` rewrites them; `-- --check` only lists what it would change (exit 1).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { frenchPunctuationSpaces } from '../src/lib/domain/french/typography';

const settings = JSON.parse(readFileSync('project.inlang/settings.json', 'utf8')) as { 'plugin.inlang.messageFormat': { pathPattern: string[] } };
const files = settings['plugin.inlang.messageFormat'].pathPattern.map((pattern) => pattern.replace('{locale}', 'fr'));
/** Variables and selectors are code, not text. */
const CODE = new Set(['$schema', 'declarations', 'selectors']);
const check = process.argv.includes('--check');

let changed = 0;
function fix(value: unknown, key: string): unknown {
	if (typeof value === 'string') {
		const fixed = frenchPunctuationSpaces(value);
		if (fixed !== value) {
			changed++;
			if (check) console.log(`${key}: ${JSON.stringify(value)}`);
		}
		return fixed;
	}
	if (Array.isArray(value)) return value.map((inner) => fix(inner, key));
	if (value && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([name, inner]) => [name, CODE.has(name) ? inner : fix(inner, key)]));
	}
	return value;
}

for (const file of files) {
	const catalogue = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
	const fixed = Object.fromEntries(Object.entries(catalogue).map(([key, value]) => [key, CODE.has(key) ? value : fix(value, key)]));
	if (!check) writeFileSync(file, JSON.stringify(fixed, null, '\t') + '\n');
}
console.log(check ? `${changed} texte(s) sans espaces insécables` : `${changed} texte(s) mis à la typographie française`);
if (check && changed > 0) process.exit(1);
