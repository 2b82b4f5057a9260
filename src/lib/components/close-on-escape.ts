/** What the handler reads of a key press (a KeyboardEvent in the page). */
type KeyPress = Pick<KeyboardEvent, 'key' | 'defaultPrevented' | 'preventDefault'>;

/**
 * The window's keydown handler of a panel that Escape closes (`<svelte:window onkeydown={closeOnEscape(onclose)} />`).
 * An Escape something else already answered (a list of suggestions closing, another panel) is left alone,
 * and the one it answers is marked answered, so that one key press closes one thing. It does not stop the
 * event, and leaves the focus where it is.
 */
export function closeOnEscape(close: () => void): (event: KeyPress) => void {
	return (event) => {
		if (event.key === 'Escape' && !event.defaultPrevented) {
			event.preventDefault();
			close();
		}
	};
}
