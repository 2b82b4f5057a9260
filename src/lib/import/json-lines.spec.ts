import { describe, expect, it } from 'vitest';
import { parseJsonWithLines } from './json-lines';

const problemsOf = (text: string) => {
	const result = parseJsonWithLines(text);
	return result.ok ? [] : result.problems;
};

describe('parseJsonWithLines', () => {
	it('gives the value and the line where each member starts', () => {
		const text = '{\n  "features": [\n    { "a": 1 },\n\n    { "b": [10,\n 20] }\n  ]\n}';
		const result = parseJsonWithLines(text);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.value).toEqual({ features: [{ a: 1 }, { b: [10, 20] }] });
		expect(result.lineOf([])).toBe(1);
		expect(result.lineOf(['features'])).toBe(2);
		expect(result.lineOf(['features', 0])).toBe(3);
		expect(result.lineOf(['features', 1])).toBe(5);
		expect(result.lineOf(['features', 1, 'b', 1])).toBe(6);
	});
	it('lists object keys in the order written', () => {
		const result = parseJsonWithLines('{"p": {"nom": 1, "2019": 2, "a": 3, "nom": 4}, "q": [1]}');
		expect(result.ok && result.keysOf(['p'])).toEqual(['nom', '2019', 'a']);
		expect(result.ok && result.keysOf(['q'])).toEqual([]);
		expect(result.ok && result.keysOf(['missing'])).toEqual([]);
	});
	it('falls back to the nearest existing parent for a missing member', () => {
		const result = parseJsonWithLines('{\n"x": {\n"y": 1}}');
		expect(result.ok && result.lineOf(['x', 'missing', 3])).toBe(2);
	});
	it('counts CRLF and CR line ends once', () => {
		const result = parseJsonWithLines('[\r\n1,\r2,\r\n3]');
		expect(result.ok && result.lineOf([2])).toBe(4);
	});
	it('reports a missing comma on its line, in French', () => {
		expect(problemsOf('{\n  "a": 1,\n  "b": 2\n  "c": 3\n}')).toEqual([{ row: 4, message: 'JSON invalide ligne 4 : virgule attendue' }]);
	});
	it('refuses trailing commas and comments', () => {
		expect(problemsOf('[1,\n2,\n]')[0]?.row).toBe(3);
		expect(problemsOf('{\n// note\n"a": 1}')).toEqual([{ row: 2, message: 'JSON invalide ligne 2 : les commentaires ne sont pas permis en JSON' }]);
	});
	it('reports an unterminated string and an empty file', () => {
		expect(problemsOf('{\n"a": "oups\n}')[0]?.row).toBe(2);
		expect(problemsOf('')).toEqual([{ row: 1, message: 'JSON invalide ligne 1 : valeur attendue' }]);
	});
	it('reports content after the document', () => {
		expect(problemsOf('{}\n{}')[0]?.row).toBe(2);
	});
	it('keeps a "__proto__" key as plain data', () => {
		const result = parseJsonWithLines('{"__proto__": {"polluted": true}}');
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(Object.getPrototypeOf(result.value)).toBe(Object.prototype);
		expect(Object.keys(result.value as object)).toEqual(['__proto__']);
	});
	it('accepts a leading BOM', () => {
		expect(parseJsonWithLines('\uFEFF{"a": 1}').ok).toBe(true);
	});
	it('never throws on deep nesting', () => {
		const result = parseJsonWithLines('['.repeat(100_000));
		expect(result.ok).toBe(false);
	});
});
