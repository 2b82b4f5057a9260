/** How the browser tests type listings' names, as a person does. */

/** A name as a regular expression's literal text. */
export const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The longest word of a name, cut to 5 letters: part of a name, as a person would type it. */
export const partOf = (name: string) =>
	[...name.split(/[^\p{L}\p{N}]+/u)]
		.sort((a, b) => b.length - a.length)[0]!
		.slice(0, 5)
		.toLowerCase();
