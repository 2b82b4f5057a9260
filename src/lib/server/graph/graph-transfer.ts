import type { EntityKind } from '$lib/domain/vocabulary';
import type { GraphEdge, GraphIndex, GraphNode } from '$lib/graph/graph-index';

/*
 * The graph's index as it crosses from the read thread to the server (issue 18: « no request ever waits on
 * another's computation »). Sent as objects, 100,000 actors and 500,000 relations took the server 2 s to
 * take in, in one piece, between two turns of its event loop: every visitor waited. Here it crosses as
 * columns in buffers that are handed over, not copied (a few milliseconds), and the server rebuilds the
 * objects in slices of a few milliseconds (`unpackGraphIndexSteps`), answering requests in between.
 *
 * Text columns are dictionaries: each distinct value once, in UTF-8, and a code per row (-1: null). The
 * 500,000 relations' sources are 205,000 distinct texts, their dates 6,000: the rebuilt objects share them.
 */

export interface PackedText {
	/** The distinct values, end to end, in UTF-8. */
	bytes: Uint8Array;
	/** Byte offset where value i ends (it starts where i - 1 ends). */
	ends: Int32Array;
	/** The value of each row, by its position in the dictionary; -1 for null. */
	codes: Int32Array;
}

export interface PackedGraphIndex {
	nodes: {
		id: Int32Array;
		slug: PackedText;
		label: PackedText;
		kind: PackedText;
		category: PackedText;
		communeCode: PackedText;
		communeName: PackedText;
		/** NaN for null. */
		lon: Float64Array;
		lat: Float64Array;
		coverage: Int32Array;
	};
	edges: {
		id: Int32Array;
		type: PackedText;
		source: Int32Array;
		target: Int32Array;
		startDate: PackedText;
		endDate: PackedText;
		confirmation: PackedText;
		sourceRef: PackedText;
	};
	edgeSource: Int32Array;
	edgeTarget: Int32Array;
	offsets: Int32Array;
	neighbour: Int32Array;
	via: Int32Array;
}

function packText<T>(rows: readonly T[], of: (row: T) => string | null): PackedText {
	const codes = new Int32Array(rows.length);
	const dictionary = new Map<string, number>();
	const values: string[] = [];
	rows.forEach((row, i) => {
		const value = of(row);
		if (value === null || value === undefined) {
			codes[i] = -1;
			return;
		}
		let code = dictionary.get(value);
		if (code === undefined) {
			code = values.length;
			dictionary.set(value, code);
			values.push(value);
		}
		codes[i] = code;
	});
	const ends = new Int32Array(values.length);
	let end = 0;
	values.forEach((v, i) => (ends[i] = end += Buffer.byteLength(v, 'utf8')));
	// TextEncoder, not Buffer.from: a small Buffer lives in Node's shared pool, which cannot be handed over.
	return { bytes: new TextEncoder().encode(values.join('')), ends, codes };
}

const numbers = (values: readonly (number | null)[]) => Float64Array.from(values, (v) => v ?? NaN);

/** The index as columns (in the read thread). */
export function packGraphIndex(index: GraphIndex): PackedGraphIndex {
	const { nodes, edges } = index;
	return {
		nodes: {
			id: Int32Array.from(nodes, (n) => n.id),
			slug: packText(nodes, (n) => n.slug),
			label: packText(nodes, (n) => n.label),
			kind: packText(nodes, (n) => n.kind),
			category: packText(nodes, (n) => n.category),
			communeCode: packText(nodes, (n) => n.communeCode),
			communeName: packText(nodes, (n) => n.communeName),
			lon: numbers(nodes.map((n) => n.lon)),
			lat: numbers(nodes.map((n) => n.lat)),
			coverage: Int32Array.from(nodes, (n) => n.coverage ?? 0)
		},
		edges: {
			id: Int32Array.from(edges, (e) => e.id),
			type: packText(edges, (e) => e.type),
			source: Int32Array.from(edges, (e) => e.source),
			target: Int32Array.from(edges, (e) => e.target),
			startDate: packText(edges, (e) => e.startDate),
			endDate: packText(edges, (e) => e.endDate),
			confirmation: packText(edges, (e) => e.confirmation),
			sourceRef: packText(edges, (e) => e.sourceRef)
		},
		edgeSource: index.edgeSource,
		edgeTarget: index.edgeTarget,
		offsets: index.offsets,
		neighbour: index.neighbour,
		via: index.via
	};
}

/** The buffers to hand over with the message (each once; the read thread keeps none of them). */
export function packedBuffers(packed: PackedGraphIndex): ArrayBuffer[] {
	const buffers = new Set<ArrayBuffer>();
	const add = (a: ArrayBufferView) => buffers.add(a.buffer as ArrayBuffer);
	for (const column of [...Object.values(packed.nodes), ...Object.values(packed.edges)]) {
		if (ArrayBuffer.isView(column)) add(column);
		else [column.bytes, column.ends, column.codes].forEach(add);
	}
	[packed.edgeSource, packed.edgeTarget, packed.offsets, packed.neighbour, packed.via].forEach(add);
	return [...buffers];
}

/** Rows (or dictionary values) rebuilt between two checks of the time. */
const STEP = 2_000;

/** The dictionary's values as strings, STEP at a time (each a string of its own: no slice of a large one kept). */
function* decodeText(text: PackedText, into: string[]): Generator<void> {
	const bytes = Buffer.from(text.bytes.buffer, text.bytes.byteOffset, text.bytes.byteLength);
	let start = 0;
	for (let i = 0; i < text.ends.length; i++) {
		const end = text.ends[i]!;
		into.push(bytes.toString('utf8', start, end));
		start = end;
		if (i % STEP === STEP - 1) yield;
	}
}

const value = (dictionary: readonly string[], code: number): string | null => (code < 0 ? null : (dictionary[code] as string));

/**
 * The index rebuilt from its columns, one step of about STEP rows per `next()`; the generator's return
 * value is the index. Run it whole (`unpackGraphIndex`) or a few milliseconds per turn (worker/in-slices.ts).
 */
export function* unpackGraphIndexSteps(packed: PackedGraphIndex): Generator<void, GraphIndex> {
	const n = packed.nodes;
	const e = packed.edges;
	const texts = { slug: n.slug, label: n.label, kind: n.kind, category: n.category, communeCode: n.communeCode, communeName: n.communeName };
	const edgeTexts = { type: e.type, startDate: e.startDate, endDate: e.endDate, confirmation: e.confirmation, sourceRef: e.sourceRef };
	const words = {} as Record<keyof typeof texts | keyof typeof edgeTexts, string[]>;
	for (const [name, text] of Object.entries({ ...texts, ...edgeTexts })) yield* decodeText(text, (words[name as keyof typeof words] = []));

	const nodes: GraphNode[] = new Array(n.id.length);
	const position = new Map<number, number>();
	const bySlug = new Map<string, number>();
	for (let i = 0; i < n.id.length; i++) {
		const lon = n.lon[i]!;
		const lat = n.lat[i]!;
		const node: GraphNode = {
			id: n.id[i]!,
			slug: words.slug[n.slug.codes[i]!]!,
			label: words.label[n.label.codes[i]!]!,
			kind: words.kind[n.kind.codes[i]!] as EntityKind,
			category: words.category[n.category.codes[i]!]!,
			communeCode: value(words.communeCode, n.communeCode.codes[i]!),
			communeName: value(words.communeName, n.communeName.codes[i]!),
			lon: Number.isNaN(lon) ? null : lon,
			lat: Number.isNaN(lat) ? null : lat,
			coverage: n.coverage[i]!
		};
		nodes[i] = node;
		position.set(node.id, i);
		bySlug.set(node.slug, i);
		if (i % STEP === STEP - 1) yield;
	}

	const edges: GraphEdge[] = new Array(e.id.length);
	for (let k = 0; k < e.id.length; k++) {
		edges[k] = {
			id: e.id[k]!,
			type: words.type[e.type.codes[k]!]!,
			source: e.source[k]!,
			target: e.target[k]!,
			startDate: value(words.startDate, e.startDate.codes[k]!),
			endDate: value(words.endDate, e.endDate.codes[k]!),
			confirmation: words.confirmation[e.confirmation.codes[k]!]!,
			sourceRef: value(words.sourceRef, e.sourceRef.codes[k]!)
		};
		if (k % STEP === STEP - 1) yield;
	}
	const { edgeSource, edgeTarget, offsets, neighbour, via } = packed;
	return { nodes, edges, position, bySlug, edgeSource, edgeTarget, offsets, neighbour, via };
}

/** The index rebuilt in one go (tests, and a server that has nobody else to answer). */
export function unpackGraphIndex(packed: PackedGraphIndex): GraphIndex {
	const steps = unpackGraphIndexSteps(packed);
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
	}
}
