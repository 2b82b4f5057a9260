import type { MessagePart } from '$lib/paraglide/runtime';

/** A run of a message's text, inside one markup tag (`{#strong}…{/strong}` -> tag 'strong') or outside any. */
export interface MessageSegment {
	text: string;
	tag?: string;
}

/**
 * A message with markup (a link or bold words inside a sentence) as runs of text, so a translation may move
 * the link anywhere in its sentence. One level only: the site's sentences never nest tags.
 */
export function messageSegments(parts: readonly MessagePart[]): MessageSegment[] {
	const segments: MessageSegment[] = [];
	let tag: string | undefined;
	for (const part of parts) {
		if (part.type === 'markup-start') tag = part.name;
		else if (part.type === 'markup-end') tag = undefined;
		else if (part.type === 'text') {
			const last = segments.at(-1);
			if (last && last.tag === tag) last.text += part.value;
			else segments.push(tag ? { text: part.value, tag } : { text: part.value });
		}
	}
	return segments;
}
