/**
 * What `npm run bench:crash` sends to the real server, as a browser would post its forms (SvelteKit's
 * `x-sveltekit-action` answer, the one its enhanced forms read): a moderated partner's proposal, the editor's
 * approval from the moderation queue, a direct partner's save, an import analysed then committed. A write
 * counts as acknowledged only once the server answered « success »: what the page would have shown.
 */
import { randomBytes } from 'node:crypto';

export interface Acks {
	/** Summaries a moderated partner's save put in the queue (acknowledged « envoyé à la rédaction »). */
	proposals: string[];
	/** Summaries the editor approved (acknowledged « approuvé »). */
	approvals: string[];
	/** Summaries a direct partner saved on their listing (acknowledged « publié »). */
	edits: string[];
	/** Import jobs analysed (they exist as previews) and those whose commit was acknowledged. */
	started: Set<number>;
	imports: Set<number>;
}

export const emptyAcks = (): Acks => ({ proposals: [], approvals: [], edits: [], started: new Set(), imports: new Set() });

interface ActionResult {
	type: 'success' | 'failure' | 'redirect' | 'error';
	status?: number;
	location?: string;
}

export class CrashClient {
	constructor(
		private readonly baseUrl: string,
		private readonly cookies: { editor: string; partner: string; direct: string }
	) {}

	private async page(path: string, who: keyof CrashClient['cookies']): Promise<string> {
		const res = await fetch(this.baseUrl + path, { headers: { cookie: `carto_session=${this.cookies[who]}` } });
		if (res.status !== 200) throw new Error(`GET ${path} : ${res.status}`);
		return res.text();
	}

	private async post(path: string, who: keyof CrashClient['cookies'], body: URLSearchParams | FormData): Promise<ActionResult> {
		const res = await fetch(this.baseUrl + path, {
			method: 'POST',
			headers: { cookie: `carto_session=${this.cookies[who]}`, origin: this.baseUrl, accept: 'application/json', 'x-sveltekit-action': 'true' },
			body
		});
		return (await res.json()) as ActionResult;
	}

	/** The listing's version as its edit form carries it (`<input name="version">`). */
	private async versionOf(listingId: number, who: 'partner' | 'direct'): Promise<string> {
		const html = await this.page(`/espace/fiches/${listingId}`, who);
		const version = /name="version" value="(\d+)"/.exec(html)?.[1];
		if (!version) throw new Error(`fiche ${listingId} : pas de version dans le formulaire`);
		return version;
	}

	private async saveSummary(listingId: number, who: 'partner' | 'direct', summary: string): Promise<void> {
		const version = await this.versionOf(listingId, who);
		const r = await this.post(`/espace/fiches/${listingId}?/modifier`, who, new URLSearchParams({ summary, version }));
		if (r.type !== 'success') throw new Error(`enregistrement de « ${summary} » refusé (${r.type} ${r.status ?? ''})`);
	}

	/** The moderated partner proposes, then the editor approves the one proposal in the queue. */
	async proposeAndApprove(listingId: number, summary: string, acks: Acks): Promise<void> {
		await this.saveSummary(listingId, 'partner', summary);
		acks.proposals.push(summary);
		const queue = await this.page('/moderation', 'editor');
		const pendingId = /name="pendingId" value="(\d+)"/.exec(queue)?.[1];
		if (!pendingId) throw new Error(`« ${summary} » confirmé mais absent de la file de modération`);
		const r = await this.post('/moderation?/approuver', 'editor', new URLSearchParams({ pendingId }));
		if (r.type !== 'success') throw new Error(`approbation de « ${summary} » refusée (${r.type} ${r.status ?? ''})`);
		acks.approvals.push(summary);
	}

	/** A partner whose saves are published at once. */
	async directEdit(listingId: number, summary: string, acks: Acks): Promise<void> {
		await this.saveSummary(listingId, 'direct', summary);
		acks.edits.push(summary);
	}

	/**
	 * A direct partner links their listing to another actor (the « relier » form): a new relation, hence a new
	 * graph revision and the metrics recomputed (bench:load). Resolves to null when the server accepted it, else
	 * to what it answered.
	 */
	async relate(listingId: number, otherId: number): Promise<string | null> {
		const form = new URLSearchParams({
			otherId: String(otherId),
			type: 'partner_of',
			direction: 'out',
			startDate: '',
			endDate: '',
			source: 'bench:load, partenariat déclaré'
		});
		const r = await this.post(`/espace/fiches/${listingId}?/relier`, 'direct', form);
		if (r.type === 'success') return null;
		// The failure's data is devalue's flat array: the root object's fields are indexes into it.
		const said = (() => {
			try {
				const flat = JSON.parse(String((r as { data?: unknown }).data)) as unknown[];
				return String(flat[(flat[0] as Record<string, number>).message!] ?? '');
			} catch {
				return '';
			}
		})();
		return `${r.type} ${r.status ?? ''} ${said}`.trim();
	}

	/** The import page without JavaScript: upload (analysis, redirected to the report), then « Importer ». */
	async importRows(batch: string, acks: Acks): Promise<void> {
		// Names far apart (a hex token each), so the duplicate finder sees 40 new places every time.
		const rows = Array.from({ length: 40 }, () => `Lieu ${randomBytes(6).toString('hex')};coworking;Aurillac`);
		const form = new FormData();
		form.set('file', new File([['Nom;Type;Commune', ...rows].join('\r\n')], `lot-${batch}.csv`, { type: 'text/csv' }));
		form.set('preset', '');
		const analysed = await this.post('/admin/import?/analyse', 'editor', form);
		const jobId = Number(/\/admin\/import\/(\d+)/.exec(analysed.location ?? '')?.[1]);
		if (analysed.type !== 'redirect' || !jobId) throw new Error(`analyse du lot ${batch} : ${analysed.type} ${analysed.status ?? ''}`);
		acks.started.add(jobId);
		const committed = await this.post(`/admin/import/${jobId}?/commit`, 'editor', new URLSearchParams());
		if (committed.type !== 'success') throw new Error(`import ${jobId} refusé (${committed.type} ${committed.status ?? ''})`);
		acks.imports.add(jobId);
	}
}
