#!/usr/bin/env node
/**
 * Serves the static build (`build/`) as a plain web server or CDN would: files only, no rewrites,
 * HTTP range requests (the basemap is one PMTiles archive read in ranges), and an optional base
 * path. Used by `npm start`, the end-to-end tests, the benchmarks and the render CLI.
 *
 *   node scripts/serve.js [--port 4173] [--host 127.0.0.1] [--dir build] [--base /atlas]
 *
 * Files are found and sent by sirv (what `vite preview` uses). This wrapper adds what sirv leaves
 * to its caller: it answers only GET and HEAD, turns away request targets that are not a plain
 * path (bad percent-escapes, control characters, dot segments, backslashes) with 400 before any
 * lookup, strips the base path, redirects a folder to its trailing slash with a Location built
 * only from a path that exists, normalises Range headers (sirv reads "bytes=-500" as the first
 * 500 bytes), closes the file when a client goes away mid-download, and answers a read error
 * instead of crashing. The same security headers as static/_headers go on every response.
 */
import { existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';

/**
 * Sent with every response; static/_headers carries the same for hosts that read that file
 * (tests/unit/scripts/serve.test.ts keeps the two equal). The page's own policy, with the hashes
 * of its inline bootstrap script, is in each page's meta tag (svelte.config.js); both policies
 * apply. This one adds what a meta tag cannot carry (frame-ancestors) and limits every other
 * file served, without naming build-specific hashes.
 */
export const SECURITY_HEADERS = Object.freeze({
	'Content-Security-Policy':
		"frame-ancestors 'none'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; img-src 'self' data: blob:; font-src 'self' data:; worker-src 'self' blob:",
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'no-referrer',
	'X-Frame-Options': 'DENY'
});

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string} text
 * @param {Record<string, string>} [headers]
 */
function answer(res, status, text, headers = {}) {
	res.writeHead(status, {
		...SECURITY_HEADERS,
		...headers,
		'Content-Type': 'text/plain; charset=utf-8',
		'Content-Length': Buffer.byteLength(text)
	});
	res.end(text);
}

/**
 * The request target as a path and query, or null when it is not one. Absolute-form targets
 * ("GET http://host/path") are accepted as HTTP requires of servers; anything else is refused.
 * @param {string} target
 * @returns {{ path: string, query: string } | null}
 */
function splitTarget(target) {
	let raw = target;
	if (!raw.startsWith('/')) {
		if (!URL.canParse(raw)) return null;
		const url = new URL(raw);
		if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
		raw = url.pathname + url.search;
	}
	const q = raw.indexOf('?');
	return q < 0 ? { path: raw, query: '' } : { path: raw.slice(0, q), query: raw.slice(q) };
}

/**
 * Decodes a path, or returns null for one no file can have: a bad escape, a control character,
 * a backslash (browsers read "/\" as "//"), an empty segment or a "." or ".." segment.
 * @param {string} path
 * @returns {string | null}
 */
function decodePath(path) {
	let decoded;
	try {
		decoded = decodeURIComponent(path);
	} catch {
		return null;
	}
	// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
	if (/[\u0000-\u001f\u007f\\]/.test(decoded)) return null;
	const segments = decoded.split('/').slice(1, -1);
	if (segments.some((s) => s === '' || s === '.' || s === '..')) return null;
	const last = decoded.slice(decoded.lastIndexOf('/') + 1);
	return last === '.' || last === '..' ? null : decoded;
}

/**
 * A Range header sirv can follow exactly: one range, suffix ranges made explicit. Returns the
 * header to use, null to ignore it (a server may: the whole file is sent), or 'unsatisfiable'.
 * @param {string | undefined} header
 * @param {number} size
 * @returns {string | null | 'unsatisfiable'}
 */
export function normaliseRange(header, size) {
	if (header === undefined) return null;
	const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
	if (!m || (m[1] === '' && m[2] === '')) return null;
	let start;
	let end;
	if (m[1] === '') {
		const suffix = Number(m[2]);
		if (suffix === 0) return 'unsatisfiable';
		start = Math.max(0, size - suffix);
		end = size - 1;
	} else {
		start = Number(m[1]);
		end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
		if (m[2] !== '' && Number(m[2]) < start) return null;
	}
	if (start >= size || !Number.isSafeInteger(start)) return 'unsatisfiable';
	return `bytes=${start}-${end}`;
}

/**
 * Creates the server. `base` is a path prefix such as `/atlas` (or '' for the root).
 * @param {{ dir: string, base?: string }} options
 */
export function createStaticServer({ dir, base = '' }) {
	const rootDir = resolve(dir);
	const files = sirv(rootDir, {
		etag: true,
		maxAge: 0,
		extensions: ['html'],
		setHeaders(res, pathname) {
			for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
			// sirv's type table does not know PMTiles; with nosniff every file needs a type.
			if (pathname.endsWith('.pmtiles')) res.setHeader('Content-Type', 'application/octet-stream');
		}
	});
	return createServer((req, res) => {
		if (req.method !== 'GET' && req.method !== 'HEAD') {
			answer(res, 405, 'Method not allowed: this server only serves files.', {
				Allow: 'GET, HEAD'
			});
			return;
		}
		const target = splitTarget(req.url ?? '');
		const decoded = target && decodePath(target.path);
		if (!target || decoded === null) {
			answer(res, 400, 'Bad request: not a path to a file.');
			return;
		}
		if (base && decoded !== base && !decoded.startsWith(`${base}/`)) {
			answer(res, 404, 'Not found');
			return;
		}
		const path = decoded.slice(base.length);
		// A page folder needs its trailing slash: the pages load their assets by relative paths.
		if (!path.endsWith('/') && existsSync(join(rootDir, path, 'index.html'))) {
			const safeQuery = /^[\x21-\x7e]*$/.test(target.query) ? target.query : '';
			answer(res, 308, 'Moved', { Location: `${encodeURI(`${base}${path}/`)}${safeQuery}` });
			return;
		}
		if (req.headers.range !== undefined) {
			// Ranges are for files named exactly (the basemap); a page is sent whole.
			const file = join(rootDir, path);
			const size = existsSync(file) && statSync(file).isFile() ? statSync(file).size : null;
			const range = size === null ? null : normaliseRange(req.headers.range, size);
			if (range === 'unsatisfiable') {
				answer(res, 416, 'Range not satisfiable', { 'Content-Range': `bytes */${size}` });
				return;
			}
			if (range === null) delete req.headers.range;
			else req.headers.range = range;
		}
		// sirv pipes a file stream into the response and never closes it: close it when the
		// client goes away, and answer a read error (a file made unreadable) instead of crashing.
		res.once('pipe', (stream) => {
			res.once('close', () => stream.destroy());
			stream.once('error', (error) => {
				console.error(`serve: cannot read ${decoded}: ${error.message}`);
				if (res.headersSent) res.destroy();
				else answer(res, 500, 'The file could not be read.');
			});
		});
		req.url = `${encodeURI(path || '/')}${target.query}`;
		files(req, res, () => answer(res, 404, 'Not found'));
	});
}

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

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const args = process.argv.slice(2);
	const port = Number(option(args, 'port', process.env.PORT ?? '4173'));
	const host = option(args, 'host', '127.0.0.1');
	const dir = option(args, 'dir', 'build');
	const base = option(args, 'base', process.env.BASE_PATH ?? '').replace(/\/$/, '');
	if (!Number.isInteger(port) || port < 0 || port > 65535) {
		console.error(`serve: --port must be a number from 0 to 65535, not "${port}".`);
		process.exit(2);
	}
	if (!existsSync(join(dir, 'index.html'))) {
		console.error(`No built site in ${dir}/: run "npm run build" first.`);
		process.exit(1);
	}
	const server = createStaticServer({ dir, base });
	server.on('error', (/** @type {NodeJS.ErrnoException} */ error) => {
		const reason =
			error.code === 'EADDRINUSE'
				? `port ${port} is already in use on ${host}; stop what is using it or pass --port <another>.`
				: error.code === 'EACCES'
					? `not allowed to listen on ${host}:${port}; use a port above 1023.`
					: error.code === 'EADDRNOTAVAIL'
						? `${host} is not an address of this machine.`
						: error.message;
		console.error(`serve: cannot start: ${reason}`);
		process.exit(1);
	});
	server.listen(port, host, () => {
		console.log(`Deployment Atlas is running at http://${host}:${port}${base}/`);
		console.log('Fully offline: every file is served from this folder. Press Ctrl+C to stop.');
	});
}
