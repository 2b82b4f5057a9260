/**
 * Each public entity's kind, category and département as small codes in arrays indexed by id, so a search
 * counts its facets over thousands of results in a fraction of a millisecond (a Map of objects took 1 ms
 * for 8,000 ids).
 */
export interface FacetRow {
	id: number;
	kind: string;
	category: string;
	departementCode: string | null;
}

export interface FacetFilter {
	kind?: string;
	category?: string;
	departement?: string;
}

export interface FacetCounts {
	kind: Map<string, number>;
	category: Map<string, number>;
	departement: Map<string, number>;
	/** How many the filter lets through. */
	total: number;
}

const NONE = 0;

class Codes {
	readonly names: string[] = [''];
	readonly #index = new Map<string, number>();
	of(name: string | null): number {
		if (!name) return NONE;
		let code = this.#index.get(name);
		if (code === undefined) {
			code = this.names.length;
			this.names.push(name);
			this.#index.set(name, code);
		}
		return code;
	}
	find(name: string | undefined): number {
		return name ? (this.#index.get(name) ?? -1) : NONE;
	}
}

export class FacetTable {
	readonly #kinds = new Codes();
	readonly #categories = new Codes();
	readonly #departements = new Codes();
	readonly #kind: Uint8Array;
	readonly #category: Uint8Array;
	readonly #departement: Uint8Array;

	constructor(rows: FacetRow[]) {
		const size = rows.reduce((m, r) => Math.max(m, r.id), 0) + 1;
		this.#kind = new Uint8Array(size);
		this.#category = new Uint8Array(size);
		this.#departement = new Uint8Array(size);
		for (const r of rows) {
			this.#kind[r.id] = this.#kinds.of(r.kind);
			this.#category[r.id] = this.#categories.of(r.category);
			this.#departement[r.id] = this.#departements.of(r.departementCode);
		}
	}

	/** Whether the entity is public (in the table) and passes the filter. */
	keeps(id: number, filter: FacetFilter): boolean {
		const kind = this.#kind[id] ?? NONE;
		if (kind === NONE) return false;
		const want = [this.#kinds.find(filter.kind), this.#categories.find(filter.category), this.#departements.find(filter.departement)];
		return (!want[0] || kind === want[0]) && (!want[1] || this.#category[id] === want[1]) && (!want[2] || this.#departement[id] === want[2]);
	}

	/** The facets of everything found (public entities only), and how many pass the filter. */
	count(found: Iterable<number>, filter: FacetFilter): FacetCounts {
		const kinds = new Uint32Array(this.#kinds.names.length);
		const categories = new Uint32Array(this.#categories.names.length);
		const departements = new Uint32Array(this.#departements.names.length);
		const [wantKind, wantCategory, wantDepartement] = [
			this.#kinds.find(filter.kind),
			this.#categories.find(filter.category),
			this.#departements.find(filter.departement)
		];
		let total = 0;
		for (const id of found) {
			const kind = this.#kind[id] ?? NONE;
			if (kind === NONE) continue;
			const category = this.#category[id]!;
			const departement = this.#departement[id]!;
			kinds[kind]!++;
			categories[category]!++;
			departements[departement]!++;
			if ((!wantKind || kind === wantKind) && (!wantCategory || category === wantCategory) && (!wantDepartement || departement === wantDepartement)) total++;
		}
		const toMap = (counts: Uint32Array, names: string[]) =>
			new Map(names.flatMap((name, code) => (code !== NONE && counts[code]! > 0 ? [[name, counts[code]!] as const] : [])));
		return {
			kind: toMap(kinds, this.#kinds.names),
			category: toMap(categories, this.#categories.names),
			departement: toMap(departements, this.#departements.names),
			total
		};
	}
}
