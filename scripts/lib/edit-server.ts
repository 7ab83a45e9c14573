/**
 * The server behind `npm run edit`: the static site as scripts/serve.js serves it, plus a
 * write-back endpoint for the editor. The endpoint exists only here (the static build has no
 * server code at all) and accepts a save only when all of these hold:
 *
 * - the connection comes from this machine (the server also listens on loopback only);
 * - the Host header names this server, so a page on another site cannot reach it by pointing a
 *   name of its own at 127.0.0.1 (DNS rebinding);
 * - the Origin header is this server's own origin, so another site's page cannot post to it;
 * - the request carries this run's token, which only a page of this origin can read;
 * - the body is JSON, at most MAX_BODY_BYTES, naming only the geo/ files the editor knows;
 * - the files pass the geo:check rules, and none changed on disk since the draft began.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createStaticServer, SECURITY_HEADERS } from '../serve.js';
import { parseSaveRequest, saveToGeo, snapshotGeo, type SaveResult } from './edit-store.ts';

export const EDIT_API = '/__edit';
export const TOKEN_HEADER = 'x-atlas-edit-token';
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

export interface EditServerOptions {
	/** The built site. */
	dir: string;
	/** The geo/ folder to read and write. */
	geoDir: string;
	/** Called after files were written, before the answer: rebuilds the site. */
	afterSave?: (written: string[]) => Promise<void>;
	token?: string;
}

function json(res: ServerResponse, status: number, body: unknown) {
	const text = JSON.stringify(body);
	res.writeHead(status, {
		...SECURITY_HEADERS,
		'Content-Type': 'application/json; charset=utf-8',
		'Content-Length': Buffer.byteLength(text),
		'Cache-Control': 'no-store'
	});
	res.end(text);
}

function refuse(res: ServerResponse, status: number, message: string) {
	json(res, status, { status: 'refused', message } satisfies SaveResult);
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function sameSecret(a: string, b: string): boolean {
	const x = Buffer.from(a);
	const y = Buffer.from(b);
	return x.length === y.length && timingSafeEqual(x, y);
}

/** Reads the body up to `limit` bytes; null when it is longer (the rest is not read). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
	return new Promise((resolve, reject) => {
		const declared = Number(req.headers['content-length'] ?? 0);
		if (declared > limit) {
			resolve(null);
			return;
		}
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > limit) {
				resolve(null);
				req.destroy();
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

export function createEditServer(options: EditServerOptions) {
	const token = options.token ?? randomBytes(24).toString('hex');
	// sirv lists the site's files once, when it is created: after a rebuild it is made again.
	let files = createStaticServer({ dir: options.dir });
	let saving = false;

	const server = createServer(async (req, res) => {
		const path = (req.url ?? '').split('?')[0]!;
		if (path !== EDIT_API && !path.startsWith(`${EDIT_API}/`)) {
			files.emit('request', req, res);
			return;
		}
		if (!LOOPBACK.has(req.socket.remoteAddress ?? '')) {
			refuse(res, 403, 'The editor accepts requests from this machine only.');
			return;
		}
		const address = server.address();
		const port = address && typeof address === 'object' ? address.port : 0;
		const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
		if (!hosts.includes(req.headers.host ?? '')) {
			refuse(res, 403, `The editor answers only requests addressed to ${hosts[0]}.`);
			return;
		}
		const fetchSite = req.headers['sec-fetch-site'];
		if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') {
			refuse(res, 403, 'The editor answers only its own pages.');
			return;
		}
		if (path === `${EDIT_API}/session` && req.method === 'GET') {
			// Cross-origin pages cannot read this answer (no CORS headers), so the token stays
			// with pages of this origin.
			json(res, 200, { token, ...snapshotGeo(options.geoDir) });
			return;
		}
		if (path !== `${EDIT_API}/save`) {
			refuse(res, 404, 'Unknown editor endpoint.');
			return;
		}
		if (req.method !== 'POST') {
			res.setHeader('Allow', 'POST');
			refuse(res, 405, 'Saving takes a POST.');
			return;
		}
		const origin = req.headers.origin;
		if (!origin || !hosts.some((h) => origin === `http://${h}`)) {
			refuse(res, 403, 'Saving is allowed only from the editor page of this server.');
			return;
		}
		const given = req.headers[TOKEN_HEADER];
		if (typeof given !== 'string' || !sameSecret(given, token)) {
			refuse(res, 403, 'The editor token is missing or wrong; reload the editor page.');
			return;
		}
		if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
			refuse(res, 415, 'The body must be JSON (Content-Type: application/json).');
			return;
		}
		const body = await readBody(req, MAX_BODY_BYTES);
		if (body === null) {
			refuse(res, 413, `The body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`);
			return;
		}
		let parsed: unknown;
		try {
			parsed = JSON.parse(body.toString('utf8'));
		} catch {
			refuse(res, 400, 'The body is not valid JSON.');
			return;
		}
		const request = parseSaveRequest(parsed);
		if (typeof request === 'string') {
			refuse(res, 400, request);
			return;
		}
		if (saving) {
			refuse(res, 409, 'Another save is in progress; try again when it is done.');
			return;
		}
		saving = true;
		try {
			const result = saveToGeo(options.geoDir, request);
			if (result.status === 'saved' && result.written.length > 0 && options.afterSave) {
				await options.afterSave(result.written);
				files = createStaticServer({ dir: options.dir });
			}
			const status =
				result.status === 'saved'
					? 200
					: result.status === 'conflict'
						? 409
						: result.status === 'invalid'
							? 422
							: 400;
			json(res, status, result);
		} catch (error) {
			refuse(res, 500, `Saving failed: ${(error as Error).message}`);
		} finally {
			saving = false;
		}
	});
	return { server, token };
}
