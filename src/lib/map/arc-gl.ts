/**
 * A MapLibre custom layer that draws the arcs (arc-vertices.ts) straight with WebGL 2: one buffer upload per
 * new set of arcs, one small upload when a year turns some on or off, one draw call per frame. Lines keep
 * their width in pixels (offset on the screen by the vertex shader) and are anti-aliased over one pixel.
 */
import type { CustomLayerInterface, CustomRenderMethodInput, Map as MapLibreMap } from 'maplibre-gl';
import { FEATHER, MAIN_STRIDE, STATE_STRIDE, type ArcVertices } from './arc-vertices';

const VERTEX = `#version 300 es
uniform mat4 u_matrix;
uniform vec2 u_half;
uniform float u_on;
uniform float u_off;
uniform float u_heads;
in vec2 a_pos;
in vec2 a_other;
in float a_across;
in vec3 a_color;
in vec2 a_state;
out vec4 v_color;
out float v_across;
out float v_half;
void main() {
	vec4 p = u_matrix * vec4(a_pos, 0.0, 1.0);
	if (a_across != 0.0) {
		vec4 q = u_matrix * vec4(a_other, 0.0, 1.0);
		vec2 d = (q.xy / q.w - p.xy / p.w) * u_half;
		float l = length(d);
		vec2 n = l > 0.0 ? vec2(-d.y, d.x) / l : vec2(0.0);
		p.xy += n * a_across / u_half * p.w;
	}
	float alpha = (a_state.x > 0.5 ? u_on : u_off) * (a_state.y > 0.5 ? u_heads : 1.0);
	v_color = vec4(a_color * alpha, alpha);
	v_across = a_across;
	v_half = a_across == 0.0 ? 1e6 : abs(a_across) - ${FEATHER.toFixed(1)};
	gl_Position = p;
}`;

const FRAGMENT = `#version 300 es
precision mediump float;
in vec4 v_color;
in float v_across;
in float v_half;
out vec4 fragColor;
void main() {
	fragColor = v_color * clamp(v_half + 0.5 - abs(v_across), 0.0, 1.0);
}`;

/** Opacities: arcs active in the year asked, the others; many arcs are drawn lighter (see ArcLayer). */
export interface ArcLook {
	on: number;
	off: number;
	/** Arrowheads fade in with the zoom when arcs are many (at the région's scale they bury the lines). */
	headsFrom: number | null;
}

function compile(gl: WebGL2RenderingContext, type: number, source: string): WebGLShader {
	const shader = gl.createShader(type)!;
	gl.shaderSource(shader, source);
	gl.compileShader(shader);
	if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS)) throw new Error(`Arcs shader: ${gl.getShaderInfoLog(shader)}`);
	return shader;
}

export class ArcGlLayer implements CustomLayerInterface {
	readonly type = 'custom' as const;
	readonly renderingMode = '2d' as const;
	private map?: MapLibreMap;
	private gl?: WebGL2RenderingContext;
	private program?: WebGLProgram;
	private mainBuffer?: WebGLBuffer;
	private stateBuffer?: WebGLBuffer;
	/** Our own vertex array: the map's own stay untouched. */
	private vao?: WebGLVertexArrayObject;
	private vertices: ArcVertices | null = null;
	private uploaded = { main: false, state: false };
	private look: ArcLook = { on: 0.85, off: 0.12, headsFrom: null };

	constructor(readonly id: string) {}

	onAdd(map: MapLibreMap, gl: WebGLRenderingContext | WebGL2RenderingContext): void {
		this.map = map;
		this.gl = gl as WebGL2RenderingContext;
		const program = this.gl.createProgram()!;
		this.gl.attachShader(program, compile(this.gl, this.gl.VERTEX_SHADER, VERTEX));
		this.gl.attachShader(program, compile(this.gl, this.gl.FRAGMENT_SHADER, FRAGMENT));
		this.gl.linkProgram(program);
		if (!this.gl.getProgramParameter(program, this.gl.LINK_STATUS)) throw new Error(`Arcs program: ${this.gl.getProgramInfoLog(program)}`);
		this.program = program;
		this.uploaded = { main: false, state: false };
	}

	onRemove(): void {
		const gl = this.gl;
		if (!gl) return;
		if (this.program) gl.deleteProgram(this.program);
		if (this.mainBuffer) gl.deleteBuffer(this.mainBuffer);
		if (this.stateBuffer) gl.deleteBuffer(this.stateBuffer);
		if (this.vao) gl.deleteVertexArray(this.vao);
		this.vao = undefined;
		this.gl = undefined;
	}

	/** Buffers bound here, at a frame, not in onAdd: MapLibre resets its own GL state after a custom layer draws. */
	private setUp(g: WebGL2RenderingContext): void {
		this.mainBuffer = g.createBuffer()!;
		this.stateBuffer = g.createBuffer()!;
		this.vao = g.createVertexArray()!;
		g.bindVertexArray(this.vao);
		const attribute = (buffer: WebGLBuffer, name: string, size: number, stride: number, offset: number) => {
			const at = g.getAttribLocation(this.program!, name);
			g.bindBuffer(g.ARRAY_BUFFER, buffer);
			g.enableVertexAttribArray(at);
			g.vertexAttribPointer(at, size, g.FLOAT, false, stride * 4, offset * 4);
		};
		attribute(this.mainBuffer, 'a_pos', 2, MAIN_STRIDE, 0);
		attribute(this.mainBuffer, 'a_other', 2, MAIN_STRIDE, 2);
		attribute(this.mainBuffer, 'a_across', 1, MAIN_STRIDE, 4);
		attribute(this.mainBuffer, 'a_color', 3, MAIN_STRIDE, 5);
		attribute(this.stateBuffer, 'a_state', 2, STATE_STRIDE, 0);
		g.bindVertexArray(null);
	}

	/** New arcs: uploaded at the next frame. */
	setVertices(vertices: ArcVertices, look: ArcLook): void {
		this.vertices = vertices;
		this.look = look;
		this.uploaded = { main: false, state: false };
		this.map?.triggerRepaint();
	}

	/** The same arcs, some turned on or off (the vertices' state was changed in place). */
	stateChanged(): void {
		this.uploaded.state = false;
		this.map?.triggerRepaint();
	}

	render(gl: WebGL2RenderingContext | WebGLRenderingContext, options: CustomRenderMethodInput): void {
		const g = gl as WebGL2RenderingContext;
		const v = this.vertices;
		if (!v || v.count === 0 || !this.program || !this.map) return;
		g.useProgram(this.program);
		if (!this.vao) this.setUp(g);
		g.bindVertexArray(this.vao!);
		if (!this.uploaded.main) {
			g.bindBuffer(g.ARRAY_BUFFER, this.mainBuffer!);
			g.bufferData(g.ARRAY_BUFFER, v.main, g.STATIC_DRAW);
			this.uploaded.main = true;
		}
		if (!this.uploaded.state) {
			g.bindBuffer(g.ARRAY_BUFFER, this.stateBuffer!);
			g.bufferData(g.ARRAY_BUFFER, v.state, g.DYNAMIC_DRAW);
			this.uploaded.state = true;
		}

		const canvas = this.map.getCanvas();
		const zoom = this.map.getZoom();
		const heads = this.look.headsFrom === null ? 1 : Math.max(0, Math.min(1, (zoom - this.look.headsFrom) / 1.5));
		g.uniformMatrix4fv(g.getUniformLocation(this.program, 'u_matrix'), false, new Float32Array(options.defaultProjectionData.mainMatrix));
		g.uniform2f(g.getUniformLocation(this.program, 'u_half'), canvas.clientWidth / 2, canvas.clientHeight / 2);
		g.uniform1f(g.getUniformLocation(this.program, 'u_on'), this.look.on);
		g.uniform1f(g.getUniformLocation(this.program, 'u_off'), this.look.off);
		g.uniform1f(g.getUniformLocation(this.program, 'u_heads'), heads);
		g.enable(g.BLEND);
		g.blendFunc(g.ONE, g.ONE_MINUS_SRC_ALPHA);
		g.disable(g.DEPTH_TEST);
		g.disable(g.STENCIL_TEST);
		g.drawArrays(g.TRIANGLES, 0, v.count);
		g.bindVertexArray(null);
	}
}
