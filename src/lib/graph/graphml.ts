/** GraphML (Cytoscape desktop, yEd, Gephi): keys declared with names and types, then data per node and edge. */
import { edgeColumns, edgeKey, edgeLabels, nodeColumns, nodeKey, type Column, type ExportGraph } from './export-model';
import { xmlEscape } from './xml';

const keyType = (t: Column<unknown>['type']) => (t === 'integer' ? 'int' : t);

function dataOf<T>(prefix: string, columns: Column<T>[], item: T): string {
	return columns
		.flatMap((c) => {
			const v = c.value(item);
			return v === null || v === '' ? [] : [`<data key="${prefix}${c.id}">${xmlEscape(v)}</data>`];
		})
		.join('');
}

export function writeGraphml(graph: ExportGraph): string {
	const label = edgeLabels(graph);
	const keys = [
		'  <key id="label" for="node" attr.name="label" attr.type="string"/>',
		...nodeColumns.map((c) => `  <key id="n_${c.id}" for="node" attr.name="${c.title}" attr.type="${keyType(c.type)}"/>`),
		'  <key id="e_label" for="edge" attr.name="label" attr.type="string"/>',
		...edgeColumns.map((c) => `  <key id="e_${c.id}" for="edge" attr.name="${c.title}" attr.type="${keyType(c.type)}"/>`)
	];
	const lines = [
		'<?xml version="1.0" encoding="UTF-8"?>',
		'<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
		`  <desc>${xmlEscape(graph.description)}</desc>`,
		...keys,
		'  <graph id="connecteur-carto" edgedefault="directed">',
		...graph.nodes.map((n) => `    <node id="${nodeKey(n.id)}"><data key="label">${xmlEscape(n.label)}</data>${dataOf('n_', nodeColumns, n)}</node>`),
		...graph.edges.map(
			(e) =>
				`    <edge id="${edgeKey(e.id)}" source="${nodeKey(e.source)}" target="${nodeKey(e.target)}"><data key="e_label">${xmlEscape(label(e))}</data>${dataOf('e_', edgeColumns, e)}</edge>`
		),
		'  </graph>',
		'</graphml>',
		''
	];
	return lines.join('\n');
}
