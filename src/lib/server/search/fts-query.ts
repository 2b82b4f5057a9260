/**
 * Turns what a person typed into a safe FTS5 MATCH expression: every word must match,
 * the last one as a prefix (search as you type). Punctuation and FTS operators typed by the user
 * are treated as separators, so « tiers-lieu », « tiers lieu » and « "tiers" OR » are all harmless.
 */
export function toFtsQuery(input: string, options: { prefixLast?: boolean } = {}): string | null {
	const words = input
		.normalize('NFC')
		.split(/[^\p{L}\p{N}]+/u)
		.filter((w) => w.length > 0)
		.slice(0, 12);
	if (words.length === 0) return null;
	const prefixLast = options.prefixLast ?? true;
	return words
		.map((w, i) => {
			const quoted = `"${w.replaceAll('"', '""')}"`;
			return prefixLast && i === words.length - 1 ? `${quoted}*` : quoted;
		})
		.join(' ');
}
