/**
 * Every relation of the demo database written out through the French-phrasing module, from both sides,
 * as the pages and the API say them: the sentences, the actor pages' headings and dates, the pathway
 * steps, the path finder's sentences, the graph's relation labels (API, GEXF, GraphML, relations CSV).
 * What a French editor would strike out must not appear.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from './fresh-db';
import { loadTerritories } from '../../src/lib/server/territories/territory-loader';
import { seedDemo } from '../../src/lib/server/seed/index';
import type { Db } from '../../src/lib/server/db/index';
import { getPortrait } from '../../src/lib/server/services/entity.service';
import { entityPathway } from '../../src/lib/server/services/pathway.service';
import { commonRelations, findPaths } from '../../src/lib/server/services/path.service';
import { graphExport, graphView, relationsCsv } from '../../src/lib/server/services/graph.service';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import {
	actorLead,
	eventDates,
	inTerritory,
	ofTerritory,
	relationClause,
	relationDates,
	relationSentence,
	relationWithDetails,
	stepParts,
	thanTerritory
} from '../../src/lib/domain/french';
import { proposalTitle, relationState } from '../../src/lib/server/services/proposal-words';
import { distanceFrom, originNote, showDistance } from '../../src/lib/geo/distance-precision';
import { markdownToPlainText } from '../../src/lib/server/markdown';

let ctx: ReturnType<typeof freshDb>;
let db: Db;

interface Row {
	id: number;
	type: string;
	start_date: string | null;
	end_date: string | null;
	confirmation: string;
	source: string | null;
	s_name: string;
	s_kind: string;
	s_category: string;
	t_name: string;
	t_kind: string;
	t_category: string;
}
let rows: Row[];

beforeAll(() => {
	ctx = freshDb();
	db = ctx.db;
	loadTerritories(db);
	seedDemo(db);
	rows = db.$client
		.prepare(
			`select r.id, r.type, r.start_date, r.end_date, r.confirmation, r.source, s.name s_name, s.kind s_kind, s.category s_category, t.name t_name, t.kind t_kind, t.category t_category
			 from relations r join entities s on s.id = r.source_id join entities t on t.id = r.target_id where r.deleted_at is null`
		)
		.all() as Row[];
});
afterAll(() => ctx.close());

const MONTH = '(janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)';
/** What an editor strikes out in any generated sentence. */
function faults(text: string): string[] {
	const found: string[] = [];
	if (/·/.test(text)) found.push('point médian');
	if (new RegExp(`\\bde (\\d{1,2}|1er) ${MONTH}`).test(text)) found.push('« de 1… » au lieu de « du 1er… »');
	if (/(^|\s)(de|le|la|que) [aeiouàâéèêîôû]/i.test(text)) found.push('« de o… » / « de a… » sans élision');
	if (/ {2}|\s$|^\s/.test(text)) found.push('espaces doublées');
	if (/\b(à le|à les|de le|de les)\s/i.test(text)) found.push('article non contracté');
	if (/jusqu'à/.test(text)) found.push("« jusqu'à » au lieu de « jusqu'en »");
	if (/(^|[^\u00a0])[:;?!](\s|$)/.test(text.replace(/https?:\/\/\S+/g, ''))) found.push('espace insécable manquante avant : ; ? !');
	return found;
}

describe('every relation of the demo database, through the French-phrasing module', () => {
	it('reads as French from both sides, founding dates as moments', () => {
		expect(rows.length).toBeGreaterThan(1000);
		const bad: string[] = [];
		const today = '2026-12-05';
		for (const r of rows) {
			const source = { name: r.s_name, kind: r.s_kind, category: r.s_category };
			const target = { name: r.t_name, kind: r.t_kind, category: r.t_category };
			const facts = { type: r.type, startDate: r.start_date, endDate: r.end_date };
			const texts = [
				relationSentence(facts, source, target, 'out', today),
				relationSentence(facts, target, source, 'in', today),
				relationWithDetails({ ...facts, confirmation: r.confirmation, source: r.source }, source, target, today)
					.replace(/\(.*\)$/, '')
					.trim(),
				relationDates(facts, today)
			];
			for (const text of texts) for (const f of faults(text)) bad.push(`${f} : ${text}`);
			if (r.type === 'founded' && texts.some((t) => /depuis|à partir/.test(t))) bad.push(`fondation en durée : ${texts[0]}`);
			if (['participates_in', 'organises', 'takes_place_at'].includes(r.type) && texts.some((t) => /depuis/.test(t)))
				bad.push(`événement en durée : ${texts[0]}`);
		}
		expect(bad.slice(0, 20)).toEqual([]);
	});

	it('says an organisation or a place with its article in the middle of a sentence', () => {
		const couveuse = rows.find((r) => r.t_name.startsWith('Couveuse ') && r.type === 'incubated_by' && r.s_category === 'startup');
		expect(couveuse, 'une startup incubée par une couveuse dans la démo').toBeDefined();
		const c = couveuse as Row;
		expect(
			relationSentence(
				{ type: c.type, startDate: c.start_date, endDate: c.end_date },
				{ name: c.s_name, kind: c.s_kind, category: c.s_category },
				{ name: c.t_name, kind: c.t_kind, category: c.t_category }
			)
		).toContain(`incubée par la ${c.t_name}`);
	});

	it('heads, dates and describes every actor page without repeating its lead or its sidebar', () => {
		const actors = db.$client
			.prepare('select slug, kind, category, name, summary, founded_year, starts_at, ends_at from entities where deleted_at is null')
			.all() as {
			slug: string;
			kind: string;
			category: string;
			name: string;
			summary: string;
			founded_year: number | null;
			starts_at: string | null;
			ends_at: string | null;
		}[];
		const bad: string[] = [];
		for (const a of actors) {
			const p = getPortrait(db, a.slug);
			for (const g of p.relationGroups) {
				for (const f of faults(g.label)) bad.push(`${f} (titre) : ${g.label} — ${a.name}`);
				for (const r of g.relations) for (const f of faults(relationDates(r))) bad.push(`${f} (dates) : ${relationDates(r)}`);
			}
			const description = markdownToPlainText(p.descriptionHtml.replace(/<[^>]+>/g, ' '));
			if (a.summary && description.toLowerCase().includes(a.summary.toLowerCase().slice(1, -1))) bad.push(`résumé répété : ${a.name}`);
			if (/Implantation|Création :|Secteurs :|Stades accompagnés|Offres :|Fiche de démonstration/.test(description))
				bad.push(`fait répété : ${a.name} — ${description}`);
			if (a.starts_at) for (const f of faults(eventDates(a.starts_at, a.ends_at))) bad.push(`${f} : ${eventDates(a.starts_at, a.ends_at)}`);
			// A person's category keeps its vocabulary label (« Entrepreneur·e »): no gender is recorded.
			const lead = actorLead({ kind: a.kind, category: a.category, foundedYear: a.founded_year, communeName: 'Le Puy-en-Velay' });
			for (const f of faults(a.kind === 'person' ? lead.replace(/·e\b/g, 'e') : lead)) bad.push(`${f} : chapeau ${lead}`);
		}
		expect(bad.slice(0, 20)).toEqual([]);
	});

	it('writes every pathway step and every path sentence the same way', () => {
		const projects = db.$client.prepare("select slug from entities where category in ('startup', 'company', 'entrepreneur') and deleted_at is null").all() as {
			slug: string;
		}[];
		const bad: string[] = [];
		let steps = 0;
		for (const { slug } of projects) {
			const pathway = entityPathway(db, slug);
			if (!pathway) continue;
			for (const s of pathway.steps) {
				steps++;
				const words = stepParts(pathway.subject, s.type, s.structure);
				for (const text of [s.label, `${words.before}${words.name}`]) for (const f of faults(text)) bad.push(`${f} : ${text}`);
			}
		}
		expect(steps).toBeGreaterThan(200);
		const ids = db.$client.prepare("select slug from entities where category = 'startup' limit 12").all() as { slug: string }[];
		for (let i = 0; i + 1 < ids.length; i += 2) {
			const found = findPaths(db, new URLSearchParams({ from: ids[i]!.slug, to: ids[i + 1]!.slug, k: '3' }));
			for (const p of found.paths) {
				for (const s of p.sentences) for (const f of faults(s.replace(/\(.*\)$/, '').trim())) bad.push(`${f} : ${s}`);
				// The page's version: the same sentence, its source apart (a link when it is a URL).
				p.details.forEach((d, j) => {
					expect(p.sentences[j]!.startsWith(`${d.sentence} (`)).toBe(true);
					for (const f of [...faults(d.sentence), ...d.notes.flatMap(faults)]) bad.push(`${f} : ${d.sentence}`);
				});
			}
		}
		expect(bad.slice(0, 20)).toEqual([]);
	});

	it('labels every relation of the graph agreed with its source: API, GEXF, GraphML and relations CSV (no « · » but for a person)', () => {
		const view = graphView(db, new URLSearchParams());
		expect(view.edges.length).toBeGreaterThan(1000);
		const kindOf = new Map(view.nodes.map((n) => [n.id, n.kind]));
		const nameOf = new Map(view.nodes.map((n) => [n.id, n.label]));
		const bad: string[] = [];
		const check = (where: string, sourceId: number, label: string, type: string) => {
			const kind = kindOf.get(sourceId);
			if (!label || label === type) bad.push(`${where} : pas de libellé pour ${type}`);
			// A person has no recorded gender: the vocabulary's « incubé·e par » stays (the sentences turn it round instead).
			for (const f of faults(kind === 'person' ? label.replace(/·e\b/g, 'e') : label)) bad.push(`${f} (${where}, ${kind}) : ${nameOf.get(sourceId)} ${label}`);
		};
		for (const e of view.edges) check('API', e.source, e.label, e.type);
		const feminine = view.edges.find((e) => e.type === 'incubated_by' && view.nodes.find((n) => n.id === e.source)?.category === 'startup');
		expect(feminine?.label, 'une startup incubée dans la démo').toBe('incubée par');

		const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['node', 'edge', 'attvalue', 'data'].includes(name) });
		type Attrs = { source: string; label: string };
		const gexf = parser.parse(graphExport(db, new URLSearchParams(), 'gexf').body).gexf.graph.edges.edge as (Attrs & {
			attvalues: { attvalue: { for: string; value: string }[] };
		})[];
		expect(gexf).toHaveLength(view.edges.length);
		for (const e of gexf) {
			const type = e.attvalues.attvalue.find((a) => a.for === 'type')!.value;
			check('GEXF', Number(e.source.slice(1)), e.label, type);
		}
		const graphml = parser.parse(graphExport(db, new URLSearchParams(), 'graphml').body).graphml.graph.edge as (Attrs & {
			data: { key: string; '#text': string }[];
		})[];
		expect(graphml).toHaveLength(view.edges.length);
		for (const e of graphml) {
			const data = Object.fromEntries(e.data.map((d) => [d.key, String(d['#text'])]));
			check('GraphML', Number(e.source.slice(1)), data.e_label!, data.e_type!);
		}
		const csv: Record<string, string>[] = parseCsv(relationsCsv(db, new URLSearchParams()).body, {
			bom: true,
			delimiter: ';',
			columns: true,
			record_delimiter: '\r\n'
		});
		expect(csv).toHaveLength(view.edges.length);
		for (const r of csv) check('CSV', Number(r.source_id), r.relation!, r.type!);
		// The files keep the vocabulary's code next to the label.
		expect(new Set(csv.map((r) => r.type))).toEqual(new Set(view.edges.map((e) => e.type)));

		const ids = db.$client.prepare("select id from entities where category in ('startup', 'incubator') and deleted_at is null limit 10").all() as {
			id: number;
		}[];
		for (let i = 0; i + 1 < ids.length; i += 2) {
			const a = String(ids[i]!.id);
			const b = String(ids[i + 1]!.id);
			for (const p of findPaths(db, new URLSearchParams({ from: a, to: b, k: '3' })).paths) for (const e of p.edges) check('chemin', e.source, e.label, e.type);
			for (const c of commonRelations(db, new URLSearchParams({ a, b })).items)
				for (const e of [c.viaA, c.viaB]) check('relations communes', e.source, e.label, e.type);
		}
		expect(bad.slice(0, 20)).toEqual([]);
	});

	it('names every relation of the demo in a partner’s proposal, its state and a map card, from both sides', () => {
		const bad: string[] = [];
		const today = '2026-12-05';
		for (const r of rows) {
			const source = { name: r.s_name, kind: r.s_kind, category: r.s_category };
			const target = { name: r.t_name, kind: r.t_kind, category: r.t_category };
			const facts = { type: r.type, startDate: r.start_date, endDate: r.end_date };
			const relation = { source, type: r.type, target };
			const texts = [
				proposalTitle({ kind: 'relation_create', relation }),
				proposalTitle({ kind: 'relation_update', relation, fields: ['endDate'] }),
				proposalTitle({ kind: 'relation_delete', relation }),
				relationState({ confirmation: 'declared', declaredBy: source, otherSide: target, viewerConfirms: false }),
				relationState({ confirmation: 'declared', declaredBy: target, otherSide: source, viewerConfirms: false })
			];
			for (const [subject, other, direction] of [
				[source, target, 'out'],
				[target, source, 'in']
			] as const) {
				const c = relationClause(facts, subject, other, direction, today);
				texts.push([c.before + c.name, c.tail, c.dates].filter(Boolean).join(' '));
			}
			for (const text of texts) for (const f of faults(text)) bad.push(`${f} : ${text}`);
		}
		expect(bad.slice(0, 20)).toEqual([]);
	});

	it('names every commune after « de », « à » and « que », and in every distance sentence', () => {
		const communes = db.$client.prepare("select name from territories where kind = 'commune'").all() as { name: string }[];
		expect(communes.length).toBeGreaterThan(1000);
		const bad: string[] = [];
		const shown = showDistance(12, { accuracy: 'exact' }, { accuracy: 'exact' });
		for (const { name } of communes) {
			const texts = [
				`Autour ${ofTerritory(name, 'commune')}`,
				`installée ${inTerritory(name, 'commune')}`,
				`dans la même commune ${thanTerritory(name, 'commune')}`,
				distanceFrom(shown, { name, accuracy: 'exact' }),
				originNote({ name, accuracy: 'epci_seat', seatName: 'Le Puy-en-Velay' }) as string
			];
			for (const text of texts) {
				for (const f of faults(text)) bad.push(`${f} : ${text}`);
				if (/(^|\s)(de|à) (Le|Les) /.test(text)) bad.push(`article non contracté : ${text}`);
			}
		}
		expect(bad.slice(0, 20)).toEqual([]);
	});
});
