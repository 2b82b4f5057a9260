/**
 * Which actors an article speaks of: their names found in its text, as whole words, accents and case aside.
 *
 * Both the names and the text are cut into words (letters and digits); hyphens, apostrophes and spaces between
 * words are the same separator (« Saint-Flour » is « Saint Flour », « d'Ambert Innovation » holds « Ambert
 * Innovation »), other punctuation must be the name's own (« Auvergne.io »). The names go into a tree of folded
 * words built once (`buildMentionIndex`), so a text is read once whatever the number of names.
 *
 * A name's leading article (« La Couveuse », « L'Atelier ») may be missing in the text, or contracted (« au Cowork
 * des Dômes » for « Le Cowork des Dômes »); missing, the match is less sure. When matches overlap the longest wins
 * (« Incubateur Busi » hides the « Busi » inside it).
 */
import { foldAccents } from '$lib/domain/fold';

export interface MentionActor {
	id: number;
	name: string;
	kind: string;
}

export interface Mention {
	entityId: number;
	/** The words as written in the text, at the surest occurrence (the article included when present). */
	phrase: string;
	/** 0..1: the surest occurrence. */
	confidence: number;
	count: number;
}

interface Word {
	/** As written (NFC). */
	raw: string;
	folded: string;
	start: number;
	end: number;
	/** The separator before this word, reduced: ' ' for spaces, hyphens and apostrophes, else the punctuation. */
	gap: string;
}

interface Ending {
	entityId: number;
	/** The name's words after its article, as written: an exact match is surer. */
	raw: string[];
	article: string | null;
	/** A single word too short or too common to be sure of alone (« Lab », « Cap », « Agence »). */
	weak: boolean;
	person: boolean;
}

interface Node {
	next: Map<string, Node>;
	endings: Ending[];
}

export interface MentionIndex {
	root: Node;
	size: number;
}

const ARTICLES = new Set(['la', 'le', 'les', 'l']);
/** Contractions standing for a name's article: « au Cowork » for « Le Cowork », « des Ateliers » for « Les Ateliers ». */
const CONTRACTED: Record<string, string[]> = { le: ['au', 'du'], les: ['aux', 'des'], la: [], l: [] };

/** Names that are, alone, a common French (or franglais) word: found alone they prove little. Folded. */
const COMMON_WORDS = new Set(
	(
		'agence projet projets lab labs atelier ateliers fabrique maison association collectif reseau club groupe studio centre ' +
		'incubateur pepiniere cluster espace cowork coworking accelerateur campus festival forum salon conseil region departement ' +
		'ville mairie territoire territoires innovation innovations startup entreprise entreprises initiative initiatives fondation ' +
		'institut ecole universite hub village local ferme garage usine jardin cafe bureau lieu capital digital numerique avenir ' +
		'impact ensemble demain horizon synergie pole communaute solidaire mobilite energie transition foire marche rencontres ' +
		'programme challenge concours prix trophees open source design data tech media academie cooperative scop fablab tiers'
	).split(' ')
);

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;
/** Separators that are all the same: white space, hyphens, apostrophes. */
const SOFT_GAP = /^[\s\u00a0\u202f\-\u2010\u2011'’ʼ]+$/;

function words(text: string, folds?: Map<string, string>): Word[] {
	const out: Word[] = [];
	let last = 0;
	for (const match of text.matchAll(WORD)) {
		const raw = match[0];
		const start = match.index;
		let folded = folds?.get(raw);
		if (folded === undefined) {
			folded = foldAccents(raw);
			folds?.set(raw, folded);
		}
		out.push({ raw, folded, start, end: start + raw.length, gap: gapOf(text.slice(last, start)) });
		last = start + raw.length;
	}
	return out;
}

function gapOf(between: string): string {
	if (between === '' || SOFT_GAP.test(between)) return between === '' ? '' : ' ';
	return between.replace(/\s+/g, '');
}

export function buildMentionIndex(actors: readonly MentionActor[]): MentionIndex {
	const root: Node = { next: new Map(), endings: [] };
	let size = 0;
	for (const actor of actors) {
		for (const name of variants(actor.name)) {
			const all = words(name.normalize('NFC'));
			const first = all[0];
			const article = first && all.length > 1 && ARTICLES.has(first.folded) ? first.folded : null;
			const core = article ? all.slice(1) : all;
			if (core.length === 0) continue;
			let node = root;
			core.forEach((word, i) => {
				const key = i === 0 ? word.folded : word.gap + word.folded;
				let child = node.next.get(key);
				if (!child) node.next.set(key, (child = { next: new Map(), endings: [] }));
				node = child;
			});
			const single = core[0] as Word;
			const weak = core.length === 1 && (single.folded.length <= 3 || COMMON_WORDS.has(single.folded) || /^\d+$/.test(single.folded));
			if (!node.endings.some((e) => e.entityId === actor.id)) {
				node.endings.push({ entityId: actor.id, raw: core.map((w) => w.raw), article, weak, person: actor.kind === 'person' });
				size++;
			}
		}
	}
	return { root, size };
}

/** The name, and without a trailing parenthesis (« Busi (Business Incubator) » is written « Busi »). */
function variants(name: string): string[] {
	const trimmed = name.trim();
	const bare = trimmed.replace(/\s*\([^)]*\)\s*$/, '').trim();
	return bare && bare !== trimmed ? [trimmed, bare] : [trimmed];
}

interface Found {
	start: number;
	end: number;
	/** In words, to let the longest win. */
	length: number;
	ending: Ending;
	confidence: number;
	phrase: string;
}

export function findMentionsWith(index: MentionIndex, text: string): Mention[] {
	const source = text.normalize('NFC');
	const all = words(source, new Map());
	const found: Found[] = [];
	for (let i = 0; i < all.length; i++) {
		let node = index.root.next.get((all[i] as Word).folded);
		for (let j = i; node;) {
			for (const ending of node.endings) {
				const match = scored(source, all, i, j, ending);
				if (match) found.push(match);
			}
			const following = all[++j];
			if (!following || following.gap === '') break;
			node = node.next.get(following.gap + following.folded);
		}
	}
	return tally(longestFirst(found));
}

export function findMentions(text: string, actors: readonly MentionActor[]): Mention[] {
	return findMentionsWith(buildMentionIndex(actors), text);
}

function scored(source: string, all: Word[], first: number, last: number, ending: Ending): Found | null {
	const matched = all.slice(first, last + 1);
	const exact = matched.every((word, k) => word.raw === ending.raw[k]);
	const before = all[first - 1];
	const softBefore = (all[first] as Word).gap === ' ';
	const withArticle = ending.article !== null && before !== undefined && softBefore && before.folded === ending.article;
	const contracted = ending.article !== null && before !== undefined && softBefore && (CONTRACTED[ending.article] ?? []).includes(before.folded);
	let confidence: number;
	if (ending.weak) {
		// Alone, « lab » or « cap » is a common word: only the name as written (its capitals) counts, and barely.
		if (!exact) return null;
		confidence = withArticle || contracted ? 0.45 : 0.35;
	} else {
		confidence = exact ? 0.95 : 0.8;
		const alone = !withArticle && !contracted;
		if (matched.length === 1 && alone) confidence -= ending.person ? 0.3 : 0.1;
		if (ending.article && alone) confidence -= 0.2;
	}
	const start = withArticle ? (before as Word).start : (all[first] as Word).start;
	let end = (all[last] as Word).end;
	// A name ending with a parenthesis (« Puys Capital Innovation (PCI) ») ends after it.
	if (source[end] === ')' && source.lastIndexOf('(', end) >= start) end++;
	return { start, end, length: matched.length, ending, confidence: round(confidence), phrase: source.slice(start, end) };
}

const round = (value: number) => Math.round(value * 100) / 100;

/** The longest matches first; a match overlapping one already kept is dropped, unless it is the same words. */
function longestFirst(found: Found[]): Found[] {
	const sorted = [...found].sort((a, b) => b.length - a.length || a.start - b.start);
	const kept: Found[] = [];
	const taken: Array<[number, number]> = [];
	for (const match of sorted) {
		const same = taken.some(([s, e]) => s === match.start && e === match.end);
		const overlaps = taken.some(([s, e]) => match.start < e && s < match.end);
		if (overlaps && !same) continue;
		kept.push(match);
		if (!same) taken.push([match.start, match.end]);
	}
	return kept;
}

function tally(found: Found[]): Mention[] {
	const byEntity = new Map<number, Mention & { first: number }>();
	for (const match of found.sort((a, b) => a.start - b.start)) {
		const mention = byEntity.get(match.ending.entityId);
		if (!mention) {
			byEntity.set(match.ending.entityId, {
				entityId: match.ending.entityId,
				phrase: match.phrase,
				confidence: match.confidence,
				count: 1,
				first: match.start
			});
			continue;
		}
		mention.count++;
		if (match.confidence > mention.confidence) {
			mention.confidence = match.confidence;
			mention.phrase = match.phrase;
		}
	}
	return [...byEntity.values()]
		.sort((a, b) => b.confidence - a.confidence || a.first - b.first)
		.map(({ entityId, phrase, confidence, count }) => ({ entityId, phrase, confidence, count }));
}
