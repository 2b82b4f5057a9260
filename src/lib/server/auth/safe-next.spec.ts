import { describe, expect, it } from 'vitest';
import { safeNext } from './safe-next';

describe('safeNext', () => {
	it('keeps local paths', () => {
		expect(safeNext('/acteurs/volcabio?x=1')).toBe('/acteurs/volcabio?x=1');
	});

	it('refuses anything that could leave the site', () => {
		for (const next of [null, '', 'https://evil.example', '//evil.example', '/\\evil.example', 'javascript:alert(1)', '/a\\b', '/\tx']) {
			expect(safeNext(next)).toBe('/espace');
		}
	});
});
