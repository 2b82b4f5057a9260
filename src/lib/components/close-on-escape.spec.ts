import { describe, expect, it } from 'vitest';
import { closeOnEscape } from './close-on-escape';

/**
 * Hands one cancelable key press to the handlers of `panels` open panels, in the order the window calls
 * them: which panels closed, and whether the key press came out answered.
 */
function press(key: string, panels: number): { closed: number[]; answered: boolean } {
	const event = Object.assign(new Event('keydown', { cancelable: true }), { key });
	const closed: number[] = [];
	for (let i = 0; i < panels; i++) closeOnEscape(() => closed.push(i))(event);
	return { closed, answered: event.defaultPrevented };
}

describe('closeOnEscape', () => {
	it('closes on Escape and marks the key press as answered', () => {
		expect(press('Escape', 1)).toEqual({ closed: [0], answered: true });
	});

	it('ignores other keys', () => {
		expect(press('Enter', 1)).toEqual({ closed: [], answered: false });
	});

	it('leaves alone an Escape something else already answered: one key press closes one panel', () => {
		expect(press('Escape', 2)).toEqual({ closed: [0], answered: true });
	});
});
