/**
 * Which step the reader is on: the one crossing the middle band of the window. Returns the disconnect function
 * (for onMount). The steps are the container's children marked `data-step`.
 */
export function stepObserver(container: HTMLElement, onactive: (index: number) => void): () => void {
	const observer = new IntersectionObserver(
		(entries) => {
			for (const e of entries) if (e.isIntersecting) onactive(Number((e.target as HTMLElement).dataset.step));
		},
		{ rootMargin: '-45% 0px -45% 0px' }
	);
	for (const el of container.querySelectorAll<HTMLElement>('[data-step]')) observer.observe(el);
	return () => observer.disconnect();
}
