import type { Camera } from '$lib/domain/explore-params';

/** Where the camera stands, rounded as the address writes it (4 decimals ≈ 10 m, zoom to the hundredth). */
export function roundCamera(lng: number, lat: number, zoom: number): Camera {
	return { lat: Math.round(lat * 1e4) / 1e4, lng: Math.round(lng * 1e4) / 1e4, zoom: Math.round(zoom * 100) / 100 };
}

export function sameCamera(a: Camera | null | undefined, b: Camera | null | undefined): boolean {
	return a === b || (a != null && b != null && a.lat === b.lat && a.lng === b.lng && a.zoom === b.zoom);
}

/**
 * Calls `write` once the camera has stayed still for `waitMs` (a pan or a wheel zoom fires many `moveend`s):
 * the address is rewritten once per gesture, not at every frame. `cancel` drops a pending write.
 */
export function debounceCamera(write: (c: Camera) => void, waitMs = 300): { moved: (c: Camera) => void; cancel: () => void } {
	let timer: ReturnType<typeof setTimeout> | null = null;
	let last: Camera | null = null;
	return {
		moved(c) {
			if (timer) clearTimeout(timer);
			timer = setTimeout(() => {
				timer = null;
				if (sameCamera(last, c)) return;
				last = c;
				write(c);
			}, waitMs);
		},
		cancel() {
			if (timer) clearTimeout(timer);
			timer = null;
		}
	};
}
