import { normaliseWebsite } from './values';

/*
 * Portals put several links in one cell: fablabs.io a JSON list (`["https://…", "https://facebook.com/…"]`),
 * spreadsheets `;` or line breaks, a flattened JSON array whatever its reader joined it with. The listing
 * keeps the first link that is a usable website.
 */

/** The cell's links in order, or the cell itself when it is a single value. */
export function websiteCandidates(raw: string): string[] {
	const s = raw.trim();
	if (s.startsWith('[')) {
		try {
			const parsed: unknown = JSON.parse(s);
			if (Array.isArray(parsed))
				return parsed
					.flatMap((v) => (typeof v === 'string' ? [v.trim()] : v && typeof v === 'object' && 'url' in v ? [String(v.url).trim()] : []))
					.filter(Boolean);
		} catch {
			// Not JSON after all (« [site en travaux] »): read it as text below.
		}
	}
	// Commas only split when what follows starts a new link, since a URL's query may hold one.
	return s
		.split(/\s*[;|\n\r\t ]\s*|\s*,\s*(?=(?:https?:\/\/|www\.))/i)
		.map((p) => p.trim().replace(/^[["']+|[\]"',]+$/g, ''))
		.filter(Boolean);
}

/** The first usable website of the cell, with how many links it held; null when none is usable. */
export function firstWebsite(raw: string): { url: string; repaired: boolean; count: number } | null {
	const candidates = websiteCandidates(raw);
	for (const candidate of candidates) {
		const website = normaliseWebsite(candidate);
		if (website) return { ...website, count: candidates.length };
	}
	return null;
}
