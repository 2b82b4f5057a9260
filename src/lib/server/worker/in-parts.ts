import { deserialize, serialize } from 'node:v8';
import { handOver } from './hand-over';

/*
 * A large answer of plain data (arrays, Maps, plain objects) sent from a worker in parts the server takes in
 * one per turn of its event loop. Sent whole, the pathways' flows and finder indexes (29 MB at 100,000 actors)
 * took the server 0.8 s to take in, in one piece, and every visitor waited. Here each large array or Map, down
 * to the second level, is cut in runs of entries (at most PART entries and about PART_BYTES), each serialised on
 * its own in the worker (node:v8, as postMessage does) and handed over; the server deserialises them one by one
 * (`fromPartsSteps`, a step each).
 * Objects are not shared between parts: what is cut must not rely on two places holding the same object.
 */

const PART = 2_000;
/** A part's most bytes (a run of entries is halved until it fits): about 10-15 ms to take in here. */
const PART_BYTES = 256 * 1024;

type Path = string[];
interface Part {
	path: Path;
	/** 'whole': the value itself; 'array' / 'map': PART entries to append. */
	kind: 'whole' | 'array' | 'map';
	bytes: Uint8Array;
}

/** `T`: what the parts put together are (for the types only). */
export interface InParts<T> {
	parts: Part[];
	of?: T;
}

const isPlain = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype;

/** Own bytes (a Buffer may sit in Node's shared pool, which cannot be handed over). */
const bytesOf = (value: unknown) => new Uint8Array(serialize(value));

/** Entries from..to as one part, or halved until each half is small enough (a single entry is sent as it is). */
function runs(entries: unknown[], from: number, to: number, path: Path, kind: 'array' | 'map', parts: Part[]): void {
	const bytes = bytesOf(entries.slice(from, to));
	if (bytes.byteLength <= PART_BYTES || to - from === 1) return void parts.push({ path, kind, bytes });
	const middle = (from + to) >> 1;
	runs(entries, from, middle, path, kind, parts);
	runs(entries, middle, to, path, kind, parts);
}

function cut(value: unknown, path: Path, depth: number, parts: Part[]): void {
	const list = Array.isArray(value) ? { kind: 'array' as const, entries: value } : value instanceof Map ? { kind: 'map' as const, entries: [...value] } : null;
	if (list && list.entries.length > 1) {
		for (let i = 0; i < list.entries.length; i += PART) runs(list.entries, i, Math.min(i + PART, list.entries.length), path, list.kind, parts);
	} else if (isPlain(value) && depth < 2) {
		parts.push({ path, kind: 'whole', bytes: bytesOf({}) });
		for (const [key, inner] of Object.entries(value)) cut(inner, [...path, key], depth + 1, parts);
	} else parts.push({ path, kind: 'whole', bytes: bytesOf(value) });
}

/** In the worker: the value as parts, their buffers handed over with the answer. */
/** In the worker: the value as parts, their buffers handed over with the answer; `keep` is sent as is beside them. */
export function inParts<T extends object, K extends object>(value: T, keep: K): K & InParts<T> {
	const parts: Part[] = [];
	cut(value, [], 0, parts);
	const answer: K & InParts<T> = { ...keep, parts };
	return handOver(
		answer,
		parts.map((p) => p.bytes.buffer as ArrayBuffer)
	);
}

/** The value put together again, one part per step (run it with inSlices, or whole in tests). */
export function* fromPartsSteps<T>({ parts }: InParts<T>): Generator<void, T> {
	let root: unknown;
	const started = new Set<string>();
	for (const part of parts) {
		const piece = deserialize(part.bytes);
		const key = part.path.join('\u0000');
		const fresh = !started.has(key);
		started.add(key);
		if (part.path.length === 0) {
			if (part.kind === 'whole') root = piece;
			else root = fresh ? (part.kind === 'array' ? piece : new Map(piece as [unknown, unknown][])) : append(root, part.kind, piece);
		} else {
			let holder = root as Record<string, unknown>;
			for (const k of part.path.slice(0, -1)) holder = holder[k] as Record<string, unknown>;
			const last = part.path.at(-1)!;
			if (part.kind === 'whole') holder[last] = piece;
			else holder[last] = fresh ? (part.kind === 'array' ? piece : new Map(piece as [unknown, unknown][])) : append(holder[last], part.kind, piece);
		}
		yield;
	}
	return root as T;
}

function append(into: unknown, kind: 'array' | 'map', piece: unknown): unknown {
	if (kind === 'array') for (const x of piece as unknown[]) (into as unknown[]).push(x);
	else for (const [k, v] of piece as [unknown, unknown][]) (into as Map<unknown, unknown>).set(k, v);
	return into;
}
