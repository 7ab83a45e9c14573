#!/usr/bin/env node
/**
 * Serves the static build (`build/`) exactly as a plain web server or CDN would: files only, no
 * rewrites, HTTP range requests (the basemap is one PMTiles archive read in ranges), and an
 * optional base path. Used by `npm start`, the end-to-end tests, the benchmarks and the render
 * CLI.
 *
 *   node scripts/serve.js [--port 4173] [--host 127.0.0.1] [--dir build] [--base /atlas]
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** @type {Record<string, string>} */
const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.geojson': 'application/geo+json; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.woff2': 'font/woff2',
	'.pmtiles': 'application/octet-stream',
	'.txt': 'text/plain; charset=utf-8',
	'.webmanifest': 'application/manifest+json'
};

/**
 * @param {string[]} args
 * @param {string} name
 * @param {string} fallback
 * @returns {string}
 */
function option(args, name, fallback) {
	const i = args.indexOf(`--${name}`);
	return (i >= 0 && args[i + 1]) || fallback;
}

/**
 * Creates the server. `base` is a path prefix such as `/atlas` (or '' for the root).
 * @param {{ dir: string, base?: string }} options
 */
export function createStaticServer({ dir, base = '' }) {
	const rootDir = resolve(dir);
	return createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://localhost');
		let path = decodeURIComponent(url.pathname);
		if (base && !path.startsWith(`${base}/`) && path !== base) {
			res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
			return;
		}
		path = path.slice(base.length) || '/';
		let file = normalize(join(rootDir, path));
		if (file !== rootDir && !file.startsWith(rootDir + sep)) {
			res.writeHead(403).end();
			return;
		}
		if (existsSync(file) && statSync(file).isDirectory()) {
			if (!path.endsWith('/')) {
				res.writeHead(301, { location: `${base}${path}/${url.search}` }).end();
				return;
			}
			file = join(file, 'index.html');
		}
		if (!existsSync(file) && existsSync(`${file}.html`)) file = `${file}.html`;
		if (!existsSync(file)) {
			res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
			return;
		}
		const size = statSync(file).size;
		const headers = {
			'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
			'accept-ranges': 'bytes',
			'cache-control': 'no-cache'
		};
		const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
		if (range) {
			const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
			const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
			if (start >= size || start > end) {
				res.writeHead(416, { 'content-range': `bytes */${size}` }).end();
				return;
			}
			res.writeHead(206, {
				...headers,
				'content-range': `bytes ${start}-${end}/${size}`,
				'content-length': end - start + 1
			});
			if (req.method === 'HEAD') res.end();
			else createReadStream(file, { start, end }).pipe(res);
			return;
		}
		res.writeHead(200, { ...headers, 'content-length': size });
		if (req.method === 'HEAD') res.end();
		else createReadStream(file).pipe(res);
	});
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const args = process.argv.slice(2);
	const port = Number(option(args, 'port', process.env.PORT ?? '4173'));
	const host = option(args, 'host', '127.0.0.1');
	const dir = option(args, 'dir', 'build');
	const base = option(args, 'base', process.env.BASE_PATH ?? '').replace(/\/$/, '');
	if (!existsSync(join(dir, 'index.html'))) {
		console.error(`No built site in ${dir}/: run "npm run build" first.`);
		process.exit(1);
	}
	createStaticServer({ dir, base }).listen(port, host, () => {
		console.log(`Deployment Atlas is running at http://${host}:${port}${base}/`);
		console.log('Fully offline: every file is served from this folder. Press Ctrl+C to stop.');
	});
}
