/** Shared by the browser tests and the browser benchmarks: the built server on a free loopback port. */
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { createServer } from 'node:net';

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const address = srv.address();
			srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
		});
	});
}

export async function waitUntilUp(url: string, server: ChildProcess, timeoutMs = 30_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (server.exitCode !== null) throw new Error(`Le serveur s'est arrêté (code ${server.exitCode}).`);
		try {
			if ((await fetch(url)).status < 500) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`Le serveur ne répond pas sur ${url} après ${timeoutMs / 1000} s.`);
}

export interface StartedApp {
	baseUrl: string;
	server: ChildProcess;
	stop: () => Promise<void>;
}

/**
 * Starts the app the way the README does (`npm start`, i.e. scripts/start.ts: build check, database
 * preparation, then the server) with only the variables it documents, on a free port of `host`. Its own
 * process group, so stopping it stops the server it spawned too.
 */
export async function startApp(env: NodeJS.ProcessEnv, options: { host?: string; stdio?: StdioOptions; timeoutMs?: number } = {}): Promise<StartedApp> {
	const host = options.host ?? '127.0.0.1';
	const port = await freePort();
	const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
		env: { ...env, HOST: host, PORT: String(port) },
		// stdout carries one JSON line per request (the access log): a test run would drown in them.
		stdio: options.stdio ?? ['ignore', 'ignore', 'inherit'],
		detached: true
	});
	const baseUrl = `http://${host}:${port}`;
	const stop = () => stopGroup(server);
	try {
		// Generous: start.ts rebuilds first when the sources are newer than build/ (a minute on two busy cores).
		await waitUntilUp(baseUrl, server, options.timeoutMs ?? 180_000);
	} catch (e) {
		await stop();
		throw e;
	}
	return { baseUrl, server, stop };
}

async function stopGroup(server: ChildProcess): Promise<void> {
	if (server.exitCode !== null || server.signalCode !== null || !server.pid) return;
	const exited = new Promise((r) => server.once('exit', r));
	const signal = (s: NodeJS.Signals) => {
		try {
			process.kill(-server.pid!, s);
		} catch {
			// already gone
		}
	};
	signal('SIGTERM');
	await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
	signal('SIGKILL');
}

export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/**
 * Chromium 156 (Debian, November 2026) builds its address bar's popup as a WebUI page in a renderer of its
 * own as soon as a window opens, headless included: 1.3 to 1.7 s of CPU in the first seconds of every
 * browser context, on the two cores the page under test needs (seen in a trace as « WebUI Top Renderer »
 * parsing chrome://omnibox-popup.top-chrome/*.js; the explorer's start measured 1.8 times slower than the
 * same build under the Chromium before). The three WebUIOmnibox* features turn it off. Chromium reads only
 * the last --disable-features, and Playwright passes its own list before ours: that list (playwright-core
 * 1.65.1, chromiumSwitches.ts) is repeated here so none of its features comes back.
 */
const PLAYWRIGHT_DISABLED_FEATURES = [
	'AvoidUnnecessaryBeforeUnloadCheckSync',
	'DestroyProfileOnBrowserClose',
	'HttpsUpgrades',
	'HttpsFirstBalancedModeAutoEnable',
	'LensOverlay',
	'MediaRouter',
	'PaintHolding',
	'ThirdPartyStoragePartitioning',
	'AvoidCorsURLLoaderRestartOnRedirect',
	'TcpPortRandomizationWin',
	'OptimizationHints',
	'NetworkTimeServiceQuerying',
	'AimEnabled',
	'PreconnectToSearch'
];
export const DISABLED_FEATURES_ARG = `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, 'WebUIOmniboxPopup', 'WebUIOmniboxFullPopup', 'WebUIOmniboxAimPopup'].join(',')}`;

/** Flags from STACK.md gotcha 4 (never --user-data-dir, never --disable-software-rasterizer). */
export const CHROMIUM_BASE_ARGS = [
	'--use-gl=angle',
	'--use-angle=swiftshader',
	'--enable-unsafe-swiftshader',
	'--disable-quic',
	'--disable-background-networking',
	'--disable-component-update',
	'--no-first-run',
	'--disable-sync',
	DISABLED_FEATURES_ARG
];

/**
 * Cytoscape draws on a 2D canvas: through SwiftShader's emulated GPU each frame took ~0.5 s for the demo
 * graph, with Skia's CPU raster ~10x less. WebGL (the map) is unaffected by this flag.
 */
export const CPU_2D_CANVAS_ARG = '--disable-accelerated-2d-canvas';
