import { describe, expect, it } from 'vitest';
import { Highlighter } from './highlight';

const h = new Highlighter({ words: ['financeur'], prefixes: ['clerm'], stems: ['incub'] });
const marked = (text: string) =>
	h
		.excerpt(text)
		?.map((s) => (s.hit ? `[${s.text}]` : s.text))
		.join('');

describe('Highlighter', () => {
	it('marks typed words, the word being typed and words of the same stem, whatever the accents and case', () => {
		expect(marked('Un Incubateur à Clermont-Ferrand, financeur.')).toBe('Un [Incubateur] à [Clermont]-Ferrand, [financeur].');
	});

	it('cuts a long text around the first hit', () => {
		const text = `${'mot '.repeat(30)}les incubateurs ${'suite '.repeat(30)}`;
		expect(marked(text)).toBe(`…mot mot les [incubateurs] ${'suite '.repeat(11)}suite…`);
	});

	it('says when nothing is a hit', () => {
		expect(h.excerpt('Rien à voir.')).toBeNull();
		expect(h.excerpt('')).toBeNull();
	});
});
