/**
 * The /carte view as one static SVG picture (issue 20: a récit read without JavaScript is a sequence of
 * pictures). Pure: the service (services/map-preview.service.ts) gathers the data, this draws it with the
 * client's symbols (kind colours, cluster discs, statistics ramp, radius circle) in Web Mercator, the
 * projection MapLibre uses, so that the picture and the live map agree. Same input, same bytes (ETag).
 */
import { xmlEscape } from '$lib/graph/xml';
import type { AreaGeometry, BBox2D, LonLat } from '$lib/geo/geometry';
import { kindColor } from '$lib/map/kind-colors';
import {
	APPROX_POINT,
	CLUSTER,
	clusterRadius,
	POINT_OPACITY_UNDER_STATS,
	PRECISE_POINT,
	radiusAtZoom,
	STAT_CIRCLE,
	STAT_FILL,
	statCircleFillOpacity
} from '$lib/map/map-symbols';
import { classColors, CIRCLE_COLOR } from '$lib/map/stats-scale';

export type PreviewLang = 'fr' | 'en';

/** What the picture shows: its size in pixels, its centre and its zoom (MapLibre's: a 512-pixel world at zoom 0). */
export interface MapFrame {
	width: number;
	height: number;
	center: LonLat;
	zoom: number;
}

export interface PreviewOutline {
	code: string;
	name: string;
	geometry: AreaGeometry;
}

export type PreviewMark =
	{ type: 'point'; id: number; at: LonLat; kind: string; approx: boolean } | { type: 'cluster'; at: LonLat; count: number; kinds: Record<string, number> };

export interface PreviewStats {
	measure: 'count' | 'rate';
	level: 'departement' | 'epci';
	breaks: number[];
	/** Choropleth (rates where an outline is known) and proportional circles, as StatsLayer gets them (statsFeatures). */
	fills: { geometry: GeoJSON.Geometry; color: string }[];
	circles: { at: LonLat; radius: number; color: string }[];
}

export interface MapPreviewInput {
	frame: MapFrame;
	lang: PreviewLang;
	departements: PreviewOutline[];
	/** Commune outlines, when the view is close enough (or statistics are on); [] otherwise. */
	communes: PreviewOutline[];
	/** The territory the filters keep, drawn with a stronger line. */
	focus: PreviewOutline | null;
	stats: PreviewStats | null;
	marks: PreviewMark[];
	/** The filtered set's located actors (the marks may hold fewer: only those in the frame). */
	located: number;
	/** Legend entries of the kinds shown, in the picture's language. */
	kinds: { code: string; label: string }[];
	selected: { name: string; at: LonLat | null; kindLabel: string } | null;
	radius: { km: number; communeName: string; center: LonLat; ring: LonLat[] } | null;
	attribution: string;
	demo: boolean;
}

const WORDS = {
	fr: {
		map: 'Carte',
		auvergne: 'Auvergne',
		colon: '\u00a0: ',
		actors: (n: string, one: boolean) => `${n} ${one ? 'acteur' : 'acteurs'}`,
		located: (n: string, one: boolean) => `${n} ${one ? 'acteur localisé' : 'acteurs localisés'}`,
		inFrame: (n: string) => `${n} dans le cadre`,
		marks: (clusters: string, points: string) => `dessinés en ${clusters} groupes (disques sombres portant leur nombre) et ${points} points colorés par type`,
		outlines: (communes: boolean) => `Contours des départements${communes ? ' et des communes' : ''}`,
		focus: (name: string) => `territoire filtré\u00a0: ${name}`,
		statCount: (level: string) => `Statistiques\u00a0: nombre d’acteurs par ${level} (cercles proportionnels)`,
		statRate: (level: string, n: number) => `Statistiques\u00a0: acteurs pour 10 000 habitants par ${level} (aplats en ${n} classes)`,
		levels: { departement: 'département', epci: 'intercommunalité' },
		selected: (name: string, kind: string) => `Acteur sélectionné\u00a0: ${name} (${kind})`,
		unplaced: 'sans position connue',
		radius: (km: string, name: string) => `Cercle de ${km}\u00a0km autour de ${name}`,
		cluster: 'Groupe d’acteurs',
		approx: 'Placé à sa commune',
		perTenK: 'Acteurs pour 10 000 hab.',
		countCircle: 'Nombre d’acteurs',
		demo: 'Données de démonstration\u00a0: acteurs fictifs',
		contours: 'Contours'
	},
	en: {
		map: 'Map',
		auvergne: 'Auvergne',
		colon: ': ',
		actors: (n: string, one: boolean) => `${n} ${one ? 'actor' : 'actors'}`,
		located: (n: string, one: boolean) => `${n} located ${one ? 'actor' : 'actors'}`,
		inFrame: (n: string) => `${n} in the frame`,
		marks: (clusters: string, points: string) => `drawn as ${clusters} groups (dark discs with their count) and ${points} points coloured by kind`,
		outlines: (communes: boolean) => `Outlines of the départements${communes ? ' and communes' : ''}`,
		focus: (name: string) => `filtered territory: ${name}`,
		statCount: (level: string) => `Statistics: number of actors per ${level} (proportional circles)`,
		statRate: (level: string, n: number) => `Statistics: actors per 10,000 inhabitants per ${level} (${n} shaded classes)`,
		levels: { departement: 'département', epci: 'intercommunality' },
		selected: (name: string, kind: string) => `Selected actor: ${name} (${kind})`,
		unplaced: 'no known position',
		radius: (km: string, name: string) => `${km} km circle around ${name}`,
		cluster: 'Group of actors',
		approx: 'Placed at its commune',
		perTenK: 'Actors per 10,000 inhab.',
		countCircle: 'Number of actors',
		demo: 'Demonstration data: fictional actors',
		contours: 'Outlines'
	}
} as const;

const NUMBERS = { fr: new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }), en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }) };
const TILE = 512;
const FONT = 'system-ui, -apple-system, Segoe UI, Roboto, sans-serif';

/** Web Mercator, as a share of the world (0..1 both ways, y down). */
const mercator = ([lon, lat]: LonLat): [number, number] => {
	const s = Math.sin((Math.max(-85.05, Math.min(85.05, lat)) * Math.PI) / 180);
	return [(lon + 180) / 360, 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)];
};
const unmercator = (x: number, y: number): LonLat => [x * 360 - 180, (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI];

/**
 * The frame of a view: the address's camera when it has one, else `bounds` fitted inside a margin (and never
 * closer than zoom 13: one actor alone is not a street map).
 */
export function frameFor(
	width: number,
	height: number,
	view: { camera: { lng: number; lat: number; zoom: number } | null; bounds: BBox2D },
	margin = 28
): MapFrame {
	if (view.camera) return { width, height, center: [view.camera.lng, view.camera.lat], zoom: view.camera.zoom };
	const [w, s, e, n] = view.bounds;
	const [x0, y1] = mercator([w, s]);
	const [x1, y0] = mercator([e, n]);
	const fit = Math.min((width - 2 * margin) / Math.max(x1 - x0, 1e-9), (height - 2 * margin) / Math.max(y1 - y0, 1e-9));
	const zoom = Math.min(13, Math.log2(fit / TILE));
	return { width, height, center: unmercator((x0 + x1) / 2, (y0 + y1) / 2), zoom };
}

/** Longitude/latitude -> the picture's pixels. */
export function projector(frame: MapFrame): (p: LonLat) => [number, number] {
	const scale = TILE * 2 ** frame.zoom;
	const [cx, cy] = mercator(frame.center);
	return (p) => {
		const [x, y] = mercator(p);
		return [(x - cx) * scale + frame.width / 2, (y - cy) * scale + frame.height / 2];
	};
}

/** What the frame covers, in longitude/latitude [west, south, east, north], `pad` pixels wider on each side. */
export function frameBounds(frame: MapFrame, pad = 0): BBox2D {
	const scale = TILE * 2 ** frame.zoom;
	const [cx, cy] = mercator(frame.center);
	const [w, n] = unmercator(cx - (frame.width / 2 + pad) / scale, cy - (frame.height / 2 + pad) / scale);
	const [e, s] = unmercator(cx + (frame.width / 2 + pad) / scale, cy + (frame.height / 2 + pad) / scale);
	return [w, s, e, n];
}

const r1 = (v: number) => Math.round(v * 10) / 10;

/** An SVG path of polygons' rings: pixels to the tenth, points under MIN_STEP pixels from the last one dropped. */
const MIN_STEP = 0.8;
function pathOf(geometry: GeoJSON.Geometry, project: (p: LonLat) => [number, number]): string {
	const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
	let d = '';
	for (const rings of polygons)
		for (const ring of rings) {
			let part = '';
			let n = 0;
			let lx = NaN;
			let ly = NaN;
			for (let i = 0; i < ring.length; i++) {
				const [x, y] = project(ring[i] as LonLat);
				if (Math.abs(x - lx) + Math.abs(y - ly) < MIN_STEP && i < ring.length - 1) continue;
				part += `${n === 0 ? 'M' : 'L'}${r1(x)},${r1(y)}`;
				lx = x;
				ly = y;
				n++;
			}
			// A ring smaller than a pixel or two says nothing at this scale.
			if (n >= 4) d += `${part}Z`;
		}
	return d;
}

/** The words of a picture: its `<title>` and `<desc>`, in its language. */
export function describeMap(input: MapPreviewInput): { title: string; desc: string } {
	const w = WORDS[input.lang];
	const fmt = (n: number) => NUMBERS[input.lang].format(n);
	const place = input.focus?.name ?? input.radius?.communeName ?? w.auvergne;
	const title = `${w.map}${w.colon}${w.actors(fmt(input.located), input.located === 1)}, ${place}`;
	const clusters = input.marks.filter((m) => m.type === 'cluster').length;
	const inFrame = input.marks.reduce((sum, m) => sum + (m.type === 'cluster' ? m.count : 1), 0);
	const parts = [
		`${w.located(fmt(input.located), input.located === 1)}${inFrame !== input.located ? `, ${w.inFrame(fmt(inFrame))}` : ''}, ${w.marks(fmt(clusters), fmt(input.marks.length - clusters))}`,
		`${w.outlines(input.communes.length > 0)}${input.focus ? `, ${w.focus(input.focus.name)}` : ''}`
	];
	if (input.stats) {
		const level = w.levels[input.stats.level];
		parts.push(input.stats.measure === 'rate' ? w.statRate(level, input.stats.breaks.length) : w.statCount(level));
	}
	if (input.selected) parts.push(w.selected(input.selected.name, input.selected.kindLabel) + (input.selected.at ? '' : `, ${w.unplaced}`));
	if (input.radius) parts.push(w.radius(fmt(input.radius.km), input.radius.communeName));
	if (input.demo) parts.push(w.demo);
	parts.push(`${w.contours}${w.colon}${input.attribution}`);
	return { title, desc: `${parts.join('. ')}.` };
}

/** The legend box (top left): kinds, groups, statistics classes or circles, the radius. */
function legend(input: MapPreviewInput): string {
	const w = WORDS[input.lang];
	const fmt = (n: number) => NUMBERS[input.lang].format(n);
	const rows: { swatch: string; label: string }[] = [];
	for (const k of input.kinds) rows.push({ swatch: `<circle r="5" fill="${kindColor(k.code)}" stroke="#fff" stroke-width="1.5"/>`, label: k.label });
	if (input.marks.some((m) => m.type === 'cluster'))
		rows.push({ swatch: `<circle r="6" fill="${CLUSTER.color}" stroke="${CLUSTER.strokeColor}" stroke-width="1.5"/>`, label: w.cluster });
	if (input.marks.some((m) => m.type === 'point' && m.approx))
		rows.push({ swatch: `<circle r="4" fill="${APPROX_POINT.fill}" stroke="#6b6158" stroke-width="${APPROX_POINT.strokeWidth}"/>`, label: w.approx });
	const stats = input.stats;
	if (stats?.measure === 'rate' && stats.fills.length) {
		const colors = classColors(stats.breaks.length);
		rows.push({ swatch: '', label: w.perTenK });
		stats.breaks.forEach((upper, i) =>
			rows.push({
				swatch: `<rect x="-6" y="-5" width="12" height="10" fill="${colors[i]}" fill-opacity="${STAT_FILL.opacity}"/>`,
				label: i === 0 ? `≤ ${fmt(upper)}` : `${fmt(stats.breaks[i - 1]!)} – ${fmt(upper)}`
			})
		);
	} else if (stats?.circles.length)
		rows.push({
			swatch: `<circle r="6" fill="${CIRCLE_COLOR}" fill-opacity="${STAT_CIRCLE.fillOpacity}" stroke="${CIRCLE_COLOR}" stroke-width="1.5"/>`,
			label: w.countCircle
		});
	if (input.radius)
		rows.push({
			swatch: `<line x1="-6" x2="6" stroke="#1a5fb4" stroke-width="1.6" stroke-dasharray="4 2"/>`,
			label: w.radius(fmt(input.radius.km), input.radius.communeName)
		});
	if (!rows.length) return '';
	const width = Math.min(input.frame.width - 20, 34 + Math.max(...rows.map((r) => r.label.length)) * 6.2);
	const body = rows.map((r, i) => {
		const text = r.swatch ? `<text x="16" y="4">${xmlEscape(r.label)}</text>` : `<text x="-6" y="4" font-weight="600">${xmlEscape(r.label)}</text>`;
		return `<g transform="translate(16,${17 + i * 18})">${r.swatch}${text}</g>`;
	});
	return `<g class="legend" font-size="11" fill="#2b2520" transform="translate(10,10)"><rect width="${r1(width)}" height="${12 + rows.length * 18}" rx="5" fill="#fffdf9" fill-opacity="0.92" stroke="#d8cdbf"/>${body.join('')}</g>`;
}

/** The picture: paper, départements (and communes), statistics, radius, actors, selection, legend, credits. */
export function mapPreviewSvg(input: MapPreviewInput): string {
	const { width, height, zoom } = input.frame;
	const project = projector(input.frame);
	const w = WORDS[input.lang];
	const { title, desc } = describeMap(input);
	const paths = (outlines: PreviewOutline[]) => outlines.map((o) => pathOf(o.geometry, project)).join('');
	const out: string[] = [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="map-title map-desc" font-family="${FONT}">`,
		`<title id="map-title">${xmlEscape(title)}</title><desc id="map-desc">${xmlEscape(desc)}</desc>`,
		`<rect width="${width}" height="${height}" fill="#f4efe8"/>`
	];
	const land = paths(input.departements);
	out.push(`<g class="land"><path d="${land}" fill="none" stroke="#e6dccf" stroke-width="7" stroke-linejoin="round"/><path d="${land}" fill="#fffdf9"/></g>`);
	if (input.stats?.fills.length)
		out.push(
			`<g class="stats-fills" stroke="${STAT_FILL.lineColor}" stroke-width="${STAT_FILL.lineWidth}">${input.stats.fills.map((f) => `<path d="${pathOf(f.geometry, project)}" fill="${f.color}" fill-opacity="${STAT_FILL.opacity}"/>`).join('')}</g>`
		);
	if (input.communes.length) out.push(`<path class="communes" d="${paths(input.communes)}" fill="none" stroke="#d8cdbf" stroke-width="0.6"/>`);
	out.push(`<path class="departements" d="${land}" fill="none" stroke="#9d8d7a" stroke-width="${zoom >= 9 ? 1.8 : 1.2}" stroke-linejoin="round"/>`);
	if (input.focus)
		out.push(
			`<path class="focus" d="${paths([input.focus])}" fill="#e88a58" fill-opacity="0.12" stroke="#8f3414" stroke-width="2.5" stroke-linejoin="round"/>`
		);
	if (input.stats?.circles.length) {
		const opacity = statCircleFillOpacity(input.stats.measure);
		const circles = [...input.stats.circles].sort((a, b) => b.radius - a.radius || a.at[0] - b.at[0] || a.at[1] - b.at[1]);
		out.push(
			`<g class="stats-circles" stroke-width="${STAT_CIRCLE.strokeWidth}">${circles
				.map((c) => {
					const [x, y] = project(c.at);
					return `<circle cx="${r1(x)}" cy="${r1(y)}" r="${r1(c.radius)}" fill="${c.color}" fill-opacity="${opacity}" stroke="${c.color}"/>`;
				})
				.join('')}</g>`
		);
	}
	if (input.radius) {
		const [cx, cy] = project(input.radius.center);
		out.push(
			`<g class="radius"><path data-radius-km="${input.radius.km}" d="${pathOf({ type: 'Polygon', coordinates: [input.radius.ring] }, project)}" fill="#1a5fb4" fill-opacity="0.07" stroke="#1a5fb4" stroke-width="1.6" stroke-dasharray="4 2"/><circle cx="${r1(cx)}" cy="${r1(cy)}" r="5" fill="#1a5fb4" stroke="#fff" stroke-width="2"/></g>`
		);
	}
	out.push(marksSvg(input, project));
	if (input.selected?.at) {
		const [x, y] = project(input.selected.at);
		const right = x < width - 180;
		out.push(
			`<g class="selected"><circle cx="${r1(x)}" cy="${r1(y)}" r="11" fill="none" stroke="#fff" stroke-width="5"/><circle cx="${r1(x)}" cy="${r1(y)}" r="11" fill="none" stroke="#1f1b16" stroke-width="2.5"/>` +
				`<text x="${r1(right ? x + 15 : x - 15)}" y="${r1(y + 4)}" text-anchor="${right ? 'start' : 'end'}" font-size="13" font-weight="700" fill="#1f1b16" stroke="#fff" stroke-width="3.5" stroke-linejoin="round" paint-order="stroke">${xmlEscape(input.selected.name)}</text></g>`
		);
	}
	out.push(legend(input));
	const credits = [input.demo ? w.demo : '', `${w.contours}${w.colon}${input.attribution}`].filter(Boolean);
	out.push(
		`<g class="credits" font-size="10" fill="#5a5048" text-anchor="end">${credits
			.map((c, i) => {
				const y = height - 6 - (credits.length - 1 - i) * 13;
				return `<text x="${width - 6}" y="${y}" stroke="#f4efe8" stroke-width="3" paint-order="stroke">${xmlEscape(c)}</text>`;
			})
			.join('')}</g>`
	);
	out.push('</svg>');
	return out.join('');
}

/** The actors: groups as dark discs with their count, single actors as the client draws them (disc or ring). */
function marksSvg(input: MapPreviewInput, project: (p: LonLat) => [number, number]): string {
	const zoom = input.frame.zoom;
	const compact = input.stats != null;
	const placed = input.marks.map((m) => ({ m, xy: project(m.at) }));
	// North first: a southern mark overlaps the one above it, as on a map; ties by position then id, for stable bytes.
	placed.sort((a, b) => a.xy[1] - b.xy[1] || a.xy[0] - b.xy[0] || (a.m.type === 'point' ? a.m.id : -1) - (b.m.type === 'point' ? b.m.id : -1));
	const opacity = compact ? ` opacity="${POINT_OPACITY_UNDER_STATS}"` : '';
	const body = placed.map(({ m, xy: [x, y] }) => {
		if (m.type === 'cluster') {
			const r = clusterRadius(m.count, compact);
			return `<g data-mark="cluster" data-count="${m.count}"><circle cx="${r1(x)}" cy="${r1(y)}" r="${r}" fill="${CLUSTER.color}" fill-opacity="${CLUSTER.opacity}" stroke="${CLUSTER.strokeColor}" stroke-width="${CLUSTER.strokeWidth}"/><text x="${r1(x)}" y="${r1(y + 4)}" text-anchor="middle" font-size="11" font-weight="700" fill="#fff">${m.count}</text></g>`;
		}
		const color = kindColor(m.kind);
		if (m.approx)
			return `<circle data-mark="point" data-kind="${xmlEscape(m.kind)}" cx="${r1(x)}" cy="${r1(y)}" r="${r1(radiusAtZoom(APPROX_POINT.radius, zoom))}" fill="${APPROX_POINT.fill}" fill-opacity="${APPROX_POINT.fillOpacity}" stroke="${color}" stroke-width="${APPROX_POINT.strokeWidth}"${opacity}/>`;
		return `<circle data-mark="point" data-kind="${xmlEscape(m.kind)}" cx="${r1(x)}" cy="${r1(y)}" r="${r1(radiusAtZoom(PRECISE_POINT.radius, zoom))}" fill="${color}" stroke="${PRECISE_POINT.strokeColor}" stroke-width="${PRECISE_POINT.strokeWidth}"${opacity}/>`;
	});
	return `<g class="actors">${body.join('')}</g>`;
}
