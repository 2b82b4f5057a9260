/**
 * GEXF 1.3 (Gephi's format): a directed, dynamic graph whose attributes are declared then valued. Each
 * relation carries its span (from its dates) and each actor the spans when one of its relations holds,
 * so that Gephi's timeline replays the network as the year slider of /reseau does. Undated relations,
 * and actors with one, hold at all times (no spell).
 */
import { edgeColumns, edgeKey, edgeLabels, nodeColumns, nodeKey, type Column, type ExportGraph } from './export-model';
import { relationSpell, unionSpells, type Spell } from './spells';
import { xmlEscape } from './xml';

const declare = <T>(cls: 'node' | 'edge', columns: Column<T>[]) => [
	`    <attributes class="${cls}" mode="static">`,
	...columns.map((c) => `      <attribute id="${c.id}" title="${c.title}" type="${c.type}"/>`),
	'    </attributes>'
];

function attvalues<T>(columns: Column<T>[], item: T): string {
	const values = columns.flatMap((c) => {
		const v = c.value(item);
		return v === null || v === '' ? [] : [`<attvalue for="${c.id}" value="${xmlEscape(v)}"/>`];
	});
	return values.length ? `<attvalues>${values.join('')}</attvalues>` : '';
}

const spellTag = (s: Spell) => `<spell${s.start ? ` start="${s.start}"` : ''}${s.end ? ` end="${s.end}"` : ''}/>`;
const spellsOf = (list: Spell[] | null) => (list && list.length ? `<spells>${list.map(spellTag).join('')}</spells>` : '');

export function writeGexf(graph: ExportGraph, lastModified: string): string {
	const label = edgeLabels(graph);
	const edgeSpell = new Map(graph.edges.map((e) => [e.id, relationSpell(e.startDate, e.endDate)]));
	const byNode = new Map<number, (Spell | null)[]>();
	for (const e of graph.edges) {
		for (const end of [e.source, e.target]) byNode.set(end, [...(byNode.get(end) ?? []), edgeSpell.get(e.id) ?? null]);
	}
	const lines = [
		'<?xml version="1.0" encoding="UTF-8"?>',
		'<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
		`  <meta lastmodifieddate="${xmlEscape(lastModified)}">`,
		'    <creator>Connecteur Carto (Le Connecteur)</creator>',
		`    <description>${xmlEscape(graph.description)}</description>`,
		'  </meta>',
		'  <graph mode="dynamic" defaultedgetype="directed" timeformat="date" timerepresentation="interval">',
		...declare('node', nodeColumns),
		...declare('edge', edgeColumns),
		'    <nodes>',
		...graph.nodes.map(
			(n) =>
				`      <node id="${nodeKey(n.id)}" label="${xmlEscape(n.label)}">${attvalues(nodeColumns, n)}${spellsOf(unionSpells(byNode.get(n.id) ?? []))}</node>`
		),
		'    </nodes>',
		'    <edges>',
		...graph.edges.map((e) => {
			const spell = edgeSpell.get(e.id) ?? null;
			return `      <edge id="${edgeKey(e.id)}" source="${nodeKey(e.source)}" target="${nodeKey(e.target)}" label="${xmlEscape(label(e))}">${attvalues(edgeColumns, e)}${spellsOf(spell ? [spell] : null)}</edge>`;
		}),
		'    </edges>',
		'  </graph>',
		'</gexf>',
		''
	];
	return lines.join('\n');
}
