/** GEXF 1.3 (Gephi's format): directed graph, node and edge attributes declared then valued. */
import { edgeColumns, edgeKey, edgeLabel, nodeColumns, nodeKey, type Column, type ExportGraph } from './export-model';
import { xmlEscape } from './xml';

const declare = <T>(cls: 'node' | 'edge', columns: Column<T>[]) =>
	[`    <attributes class="${cls}" mode="static">`, ...columns.map((c) => `      <attribute id="${c.id}" title="${c.title}" type="${c.type}"/>`), '    </attributes>'];

function attvalues<T>(columns: Column<T>[], item: T): string {
	const values = columns.flatMap((c) => {
		const v = c.value(item);
		return v === null || v === '' ? [] : [`<attvalue for="${c.id}" value="${xmlEscape(v)}"/>`];
	});
	return values.length ? `<attvalues>${values.join('')}</attvalues>` : '';
}

export function writeGexf(graph: ExportGraph, lastModified: string): string {
	const lines = [
		'<?xml version="1.0" encoding="UTF-8"?>',
		'<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
		`  <meta lastmodifieddate="${xmlEscape(lastModified)}">`,
		'    <creator>Connecteur Carto (Le Connecteur)</creator>',
		`    <description>${xmlEscape(graph.description)}</description>`,
		'  </meta>',
		'  <graph mode="static" defaultedgetype="directed">',
		...declare('node', nodeColumns),
		...declare('edge', edgeColumns),
		'    <nodes>',
		...graph.nodes.map((n) => `      <node id="${nodeKey(n.id)}" label="${xmlEscape(n.label)}">${attvalues(nodeColumns, n)}</node>`),
		'    </nodes>',
		'    <edges>',
		...graph.edges.map(
			(e) => `      <edge id="${edgeKey(e.id)}" source="${nodeKey(e.source)}" target="${nodeKey(e.target)}" label="${xmlEscape(edgeLabel(e))}">${attvalues(edgeColumns, e)}</edge>`
		),
		'    </edges>',
		'  </graph>',
		'</gexf>',
		''
	];
	return lines.join('\n');
}
