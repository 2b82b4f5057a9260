/**
 * The « Image PNG » export: the graph as it is on screen, framed for publication, with a title, the
 * legend, the date and the credit (« Connecteur Carto — données … », and the demo notice when the data
 * are the demo's), so that a picture taken out of the site still says what it shows and where it is from.
 * Drawn on a canvas in the browser; sizes are in pixels of the graph image (twice the screen's).
 */
import type { LegendMark, LegendSection } from './legend-model';
import { m } from '$lib/paraglide/messages';

export interface PngFrame {
	title: string;
	/** One line under the title: what the view holds (counts, year, filters). */
	subtitle: string;
	legend: { sections: LegendSection[]; sizeNote: string | null };
	credit: string;
	/** « Exporté le 3 mars 2026 ». */
	date: string;
	/** The view's address, so that a reader can open it. */
	url: string;
	/** Shown in the publication's colours when the data are fictional. */
	demoNotice: string | null;
}

const FONT = 'system-ui, -apple-system, "Segoe UI", sans-serif';
const INK = '#1f1b16';
const MUTED = '#6b6259';

function shapePath(ctx: CanvasRenderingContext2D, shape: string, x: number, y: number, r: number) {
	ctx.beginPath();
	if (shape === 'round-rectangle') ctx.roundRect(x - r, y - r * 0.8, 2 * r, 1.6 * r, r * 0.35);
	else if (shape === 'hexagon') {
		for (let i = 0; i < 6; i++) {
			const a = (Math.PI / 3) * i;
			ctx.lineTo(x + r * Math.cos(a), y + r * Math.sin(a));
		}
		ctx.closePath();
	} else if (shape === 'diamond') {
		ctx.moveTo(x, y - r);
		ctx.lineTo(x + r, y);
		ctx.lineTo(x, y + r);
		ctx.lineTo(x - r, y);
		ctx.closePath();
	} else ctx.arc(x, y, r, 0, 2 * Math.PI);
}

function drawMark(ctx: CanvasRenderingContext2D, mark: LegendMark, x: number, y: number, unit: number) {
	ctx.save();
	if (mark.type === 'shape' || mark.type === 'dot') {
		shapePath(ctx, mark.type === 'dot' ? 'ellipse' : mark.shape, x + unit, y, unit * 0.75);
		ctx.fillStyle = mark.colour;
		ctx.fill();
	} else if (mark.type === 'line') {
		ctx.strokeStyle = mark.colour;
		ctx.lineWidth = unit * 0.3;
		ctx.setLineDash(mark.dash === 'dashed' ? [unit * 0.6, unit * 0.35] : mark.dash === 'dotted' ? [unit * 0.2, unit * 0.3] : []);
		ctx.beginPath();
		ctx.moveTo(x, y);
		ctx.lineTo(x + unit * 2, y);
		ctx.stroke();
	} else {
		ctx.fillStyle = '#5b5249';
		ctx.font = `${unit * 1.5}px ${FONT}`;
		ctx.textBaseline = 'middle';
		ctx.fillText('→', x, y);
	}
	ctx.restore();
}

/** Words that fit `width` on each line (the title and subtitle may be long); no break at a no-break space (« source : »). */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/[^\S\u00a0\u202f]+/)) {
		const next = line ? `${line} ${word}` : word;
		if (ctx.measureText(next).width > width && line) {
			lines.push(line);
			line = word;
		} else line = next;
	}
	if (line) lines.push(line);
	return lines;
}

type Op = { text: string; x: number; y: number; font: string; colour: string } | { mark: LegendMark; x: number; y: number };

/** The legend's texts and marks, placed from (x, y) within `width`; returns them and the bottom reached. */
function legendOps(
	ctx: CanvasRenderingContext2D,
	legend: PngFrame['legend'],
	x: number,
	y: number,
	width: number,
	unit: number
): { ops: Op[]; bottom: number } {
	const ops: Op[] = [];
	const text = (t: string, font: string, dx: number, step: number, w = width) => {
		ctx.font = font;
		for (const line of wrap(ctx, t, w)) {
			ops.push({ text: line, x: x + dx, y, font, colour: INK });
			y += step;
		}
	};
	text(m.network_legend_title(), `bold ${unit * 1.3}px ${FONT}`, 0, unit * 2);
	for (const section of legend.sections) {
		if (section.title) text(section.title, `bold ${unit * 1.1}px ${FONT}`, 0, unit * 1.5);
		for (const item of section.items) {
			ops.push({ mark: item.mark, x, y: y + unit * 0.7 });
			text(item.note ? `${item.label} ${item.note}` : item.label, `${unit * 1.05}px ${FONT}`, unit * 3, unit * 1.45, width - unit * 3);
		}
		y += unit * 0.6;
	}
	if (legend.sizeNote) text(legend.sizeNote, `bold ${unit * 1.05}px ${FONT}`, 0, unit * 1.45);
	return { ops, bottom: y };
}

export async function framedPng(graph: Blob, frame: PngFrame): Promise<Blob> {
	const image = await createImageBitmap(graph);
	const unit = Math.max(12, Math.round(image.width / 110));
	const margin = unit * 2;
	const legendWidth = unit * 22;
	const canvas = document.createElement('canvas');
	const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
	const width = image.width + legendWidth + margin * 3;

	ctx.font = `bold ${unit * 2.2}px ${FONT}`;
	const titleLines = wrap(ctx, frame.title, width - 2 * margin);
	ctx.font = `${unit * 1.25}px ${FONT}`;
	const subtitleLines = wrap(ctx, frame.subtitle, width - 2 * margin);
	const top = Math.round(margin + titleLines.length * unit * 2.7 + subtitleLines.length * unit * 1.7 + unit);
	const legend = legendOps(ctx, frame.legend, margin * 2 + image.width, top, legendWidth, unit);
	const body = Math.max(image.height, legend.bottom - top);
	const footer = unit * (frame.demoNotice ? 6 : 4.2);
	// Sizing the canvas resets its context: everything was measured above, everything is drawn below.
	canvas.width = width;
	canvas.height = Math.round(top + body + footer + margin);

	ctx.fillStyle = '#ffffff';
	ctx.fillRect(0, 0, canvas.width, canvas.height);
	ctx.textBaseline = 'top';
	let y = margin;
	ctx.fillStyle = INK;
	ctx.font = `bold ${unit * 2.2}px ${FONT}`;
	for (const line of titleLines) {
		ctx.fillText(line, margin, y);
		y += unit * 2.7;
	}
	ctx.fillStyle = MUTED;
	ctx.font = `${unit * 1.25}px ${FONT}`;
	for (const line of subtitleLines) {
		ctx.fillText(line, margin, y);
		y += unit * 1.7;
	}

	ctx.drawImage(image, margin, top);
	ctx.strokeStyle = '#e2dbd2';
	ctx.lineWidth = 2;
	ctx.strokeRect(margin, top, image.width, image.height);

	for (const op of legend.ops) {
		if ('mark' in op) drawMark(ctx, op.mark, op.x, op.y, unit);
		else {
			ctx.textBaseline = 'top';
			ctx.font = op.font;
			ctx.fillStyle = op.colour;
			ctx.fillText(op.text, op.x, op.y);
		}
	}

	// The credit, the date and the address under the graph.
	let fy = top + body + unit;
	ctx.textBaseline = 'top';
	if (frame.demoNotice) {
		ctx.fillStyle = '#fdf3c4';
		ctx.fillRect(margin, fy - unit * 0.3, canvas.width - 2 * margin, unit * 1.9);
		ctx.fillStyle = '#5c4a00';
		ctx.font = `bold ${unit * 1.1}px ${FONT}`;
		ctx.fillText(frame.demoNotice, margin + unit * 0.6, fy);
		fy += unit * 2;
	}
	ctx.fillStyle = INK;
	ctx.font = `bold ${unit * 1.1}px ${FONT}`;
	ctx.fillText(frame.credit, margin, fy);
	ctx.fillStyle = MUTED;
	ctx.font = `${unit * 1.05}px ${FONT}`;
	ctx.fillText(`${frame.date} · ${frame.url}`, margin, fy + unit * 1.6);

	image.close();
	return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error(m.network_png_failed()))), 'image/png'));
}
