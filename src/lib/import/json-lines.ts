import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { TableProblem } from './csv-table';

export type JsonPath = (string | number)[];

export type JsonWithLines =
	| {
			ok: true;
			value: unknown;
			/** Line where the value at `path` starts (or its nearest existing parent). */
			lineOf(path: JsonPath): number;
			/** Keys of the object at `path` in the order written: Object.keys puts '2019' first. */
			keysOf(path: JsonPath): string[];
	  }
	| { ok: false; problems: TableProblem[] };

// Keyed by the code's printed name: ParseErrorCode is a const enum, which isolated modules cannot read.
const MESSAGES: Record<string, string> = {
	InvalidSymbol: 'caractère inattendu',
	InvalidNumberFormat: 'nombre mal écrit',
	PropertyNameExpected: 'nom de propriété entre guillemets attendu',
	ValueExpected: 'valeur attendue',
	ColonExpected: 'deux-points attendu',
	CommaExpected: 'virgule attendue',
	CloseBraceExpected: 'accolade fermante « } » attendue',
	CloseBracketExpected: 'crochet fermant « ] » attendu',
	EndOfFileExpected: 'contenu en trop après la fin du document',
	InvalidCommentToken: 'les commentaires ne sont pas permis en JSON',
	UnexpectedEndOfComment: 'commentaire jamais refermé',
	UnexpectedEndOfString: 'texte entre guillemets jamais refermé',
	UnexpectedEndOfNumber: 'nombre incomplet',
	InvalidUnicode: 'séquence \\u invalide',
	InvalidEscapeCharacter: 'caractère d’échappement invalide',
	InvalidCharacter: 'caractère de contrôle interdit dans un texte'
};

/**
 * Strict JSON with line numbers, so an import can say « ligne 4 » rather than « position 87 ».
 * jsonc-parser gives the positions; the value itself
 * comes from JSON.parse, whose semantics (e.g. a "__proto__" key is plain data) are the reference.
 */
export function parseJsonWithLines(text: string): JsonWithLines {
	const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
	const lineStarts = lineStartOffsets(source);
	const lineAt = (offset: number) => lineOfOffset(lineStarts, offset);

	const errors: ParseError[] = [];
	let root: Node | undefined;
	try {
		root = parseTree(source, errors, {
			disallowComments: true,
			allowTrailingComma: false,
			allowEmptyContent: false
		});
	} catch {
		return { ok: false, problems: [{ row: 1, message: 'JSON illisible' }] };
	}
	const [first] = errors;
	if (first) {
		// Only the first error: the parser's recovery turns one missing comma into a cascade of
		// follow-up errors that would send the user to the wrong lines.
		const row = lineAt(first.offset);
		const detail = MESSAGES[printParseErrorCode(first.error)] ?? 'erreur de syntaxe';
		return { ok: false, problems: [{ row, message: `JSON invalide ligne ${row} : ${detail}` }] };
	}

	let value: unknown;
	try {
		value = JSON.parse(source);
	} catch (error) {
		// Should not happen once jsonc-parser accepted the text; keep a useful line anyway.
		const position = /position (\d+)/.exec(String(error))?.[1];
		const row = position === undefined ? 1 : lineAt(Number(position));
		return { ok: false, problems: [{ row, message: `JSON invalide ligne ${row}` }] };
	}

	const lineOf = (path: JsonPath): number => {
		if (!root) return 1;
		// A missing member is reported where its nearest existing parent starts.
		for (let length = path.length; length >= 0; length--) {
			const node = findNodeAtLocation(root, path.slice(0, length));
			if (node) return lineAt(node.offset);
		}
		return 1;
	};
	const keysOf = (path: JsonPath): string[] => {
		const node = root && findNodeAtLocation(root, path);
		if (node?.type !== 'object') return [];
		const keys = (node.children ?? []).map((property) => String(property.children?.[0]?.value));
		return [...new Set(keys)];
	};
	return { ok: true, value, lineOf, keysOf };
}

function lineStartOffsets(text: string): number[] {
	const starts = [0];
	for (let i = 0; i < text.length; i++) {
		const char = text.charCodeAt(i);
		if (char === 10) starts.push(i + 1);
		else if (char === 13) {
			if (text.charCodeAt(i + 1) === 10) i++;
			starts.push(i + 1);
		}
	}
	return starts;
}

function lineOfOffset(starts: number[], offset: number): number {
	let low = 0;
	let high = starts.length - 1;
	while (low < high) {
		const mid = (low + high + 1) >> 1;
		if ((starts[mid] ?? 0) <= offset) low = mid;
		else high = mid - 1;
	}
	return low + 1;
}
