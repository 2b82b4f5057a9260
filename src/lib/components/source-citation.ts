/** A relation's source as a reader checks it: its URLs are links, the citation around them stays text. */
export type SourcePart = { text: string } | { url: string };

const URL_RE = /https?:\/\/[^\s<>«»"]+/gi;

/**
 * A source is free text that may hold URLs (« Rapport d'activité 2024, https://… »): cut it into
 * text and links so each URL is clickable and the citation around it stays readable.
 */
export function sourceParts(source: string): SourcePart[] {
	const parts: SourcePart[] = [];
	let last = 0;
	for (const match of source.matchAll(URL_RE)) {
		// A URL at the end of a sentence keeps its full stop or comma outside the link.
		const url = match[0].replace(/[.,;:)]+$/, '');
		const at = match.index;
		if (at > last) parts.push({ text: source.slice(last, at) });
		parts.push({ url });
		last = at + url.length;
	}
	if (last < source.length) parts.push({ text: source.slice(last) });
	return parts;
}

/** « https://www.example.org/a/b/ » -> « example.org/a/b »: shorter on a phone, still recognisable. */
export function shortUrl(url: string): string {
	return url.replace(/^https?:\/\/(www\.)?/i, '').replace(/\/$/, '');
}
