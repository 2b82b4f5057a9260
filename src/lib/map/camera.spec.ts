import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeExplore, encodeExplore } from '$lib/domain/explore-params';
import { debounceCamera, roundCamera, sameCamera } from './camera';

describe('map camera', () => {
	afterEach(() => vi.useRealTimers());

	it('rounds as the address writes it, so a reload reads back the same camera', () => {
		const c = roundCamera(3.087012345, 45.777198765, 9.5049);
		expect(c).toEqual({ lat: 45.7772, lng: 3.087, zoom: 9.5 });
		const params = encodeExplore({ at: c }, 'carte');
		expect(params.toString()).toBe('at=45.7772%2C3.0870%2C9.5');
		expect(decodeExplore(params).value.at).toEqual(c);
	});

	it('compares cameras by value', () => {
		expect(sameCamera({ lat: 45, lng: 3, zoom: 8 }, { lat: 45, lng: 3, zoom: 8 })).toBe(true);
		expect(sameCamera({ lat: 45, lng: 3, zoom: 8 }, { lat: 45, lng: 3, zoom: 8.01 })).toBe(false);
		expect(sameCamera(null, { lat: 45, lng: 3, zoom: 8 })).toBe(false);
		expect(sameCamera(null, undefined)).toBe(false);
	});

	it('writes once per gesture, after the camera stops, and not twice the same place', () => {
		vi.useFakeTimers();
		const writes: unknown[] = [];
		const camera = debounceCamera((c) => writes.push(c), 300);
		camera.moved({ lat: 45, lng: 3, zoom: 8 });
		vi.advanceTimersByTime(100);
		camera.moved({ lat: 45.1, lng: 3, zoom: 8 });
		vi.advanceTimersByTime(299);
		expect(writes).toEqual([]);
		vi.advanceTimersByTime(1);
		expect(writes).toEqual([{ lat: 45.1, lng: 3, zoom: 8 }]);
		camera.moved({ lat: 45.1, lng: 3, zoom: 8 });
		vi.advanceTimersByTime(400);
		expect(writes).toHaveLength(1);
		camera.moved({ lat: 46, lng: 3, zoom: 8 });
		camera.cancel();
		vi.advanceTimersByTime(400);
		expect(writes).toHaveLength(1);
	});
});
