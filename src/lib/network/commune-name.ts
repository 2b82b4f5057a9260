import { fetchJson } from '$lib/map/map-data';

const names = new Map<string, Promise<string | null>>();

/**
 * A commune's name from its INSEE code, asked of the commune search (a few hundred bytes, not the towns'
 * outlines the map loads): a card never shows « 63430 » for Thiers. Remembered for the page's life.
 */
export function communeName(code: string): Promise<string | null> {
	let name = names.get(code);
	if (!name) {
		name = fetchJson<{ items: { code: string; name: string }[] }>(`/api/v1/communes?q=${encodeURIComponent(code)}&limit=5`).then(
			(r) => r.items.find((c) => c.code === code)?.name ?? null,
			() => (names.delete(code), null)
		);
		names.set(code, name);
	}
	return name;
}
