/**
 * The static server (scripts/serve.js) under hostile and faulty input: malformed request targets,
 * redirects that must stay on the site, methods it must refuse, ranges, a file that cannot be
 * read, a client that goes away mid-download, a busy port, and a seeded fuzz run of malformed raw
 * requests. Everything listens on 127.0.0.1 only.
 */
import { spawnSync } from 'node:child_process';
import {
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	readlinkSync,
	rmSync,
	symlinkSync,
	writeFileSync
} from 'node:fs';
import { createServer as createNetServer, connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seededRandom } from '../../../scripts/lib/random.ts';
import { createStaticServer, SECURITY_HEADERS } from '../../../scripts/serve.js';

const BIG = 16 * 1024 * 1024;
let dir: string;
let port: number;
let close: () => Promise<void>;

interface RawResponse {
	/** The status code, or null when the server closed the connection without answering. */
	status: number | null;
	headers: Record<string, string>;
	body: Buffer;
}

/** Sends raw bytes as one request and reads everything until the server closes the connection. */
function raw(request: string | Buffer, onPort = port): Promise<RawResponse> {
	return new Promise((done, fail) => {
		const socket = connect(onPort, '127.0.0.1');
		const chunks: Buffer[] = [];
		socket.setTimeout(10_000, () => {
			socket.destroy();
			fail(new Error('no answer within 10 s'));
		});
		socket.on('data', (c) => chunks.push(c));
		socket.on('error', () => {});
		socket.on('close', () => {
			const all = Buffer.concat(chunks);
			const split = all.indexOf('\r\n\r\n');
			const head = (split < 0 ? all : all.subarray(0, split)).toString('latin1');
			const [statusLine, ...lines] = head.split('\r\n');
			const match = /^HTTP\/1\.1 (\d{3})/.exec(statusLine ?? '');
			const headers: Record<string, string> = {};
			for (const line of lines) {
				const colon = line.indexOf(':');
				if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
			}
			done({
				status: match ? Number(match[1]) : null,
				headers,
				body: split < 0 ? Buffer.alloc(0) : all.subarray(split + 4)
			});
		});
		socket.write(request);
	});
}

const get = (target: string, extra = '', method = 'GET') =>
	raw(`${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n${extra}\r\n`);

async function listen(base = ''): Promise<{ port: number; close: () => Promise<void> }> {
	const server = createStaticServer({ dir, base });
	await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
	return {
		port: (server.address() as AddressInfo).port,
		close: () =>
			new Promise((closed) => {
				server.closeAllConnections();
				server.close(() => closed());
			})
	};
}

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'atlas-serve-'));
	writeFileSync(join(dir, 'index.html'), '<!doctype html><title>root</title>');
	mkdirSync(join(dir, 'handout', 'demo'), { recursive: true });
	writeFileSync(join(dir, 'handout', 'demo', 'index.html'), '<!doctype html><title>demo</title>');
	writeFileSync(join(dir, 'big.pmtiles'), Buffer.alloc(BIG, 7));
	writeFileSync(join(dir, 'digits.txt'), '0123456789');
	// Reading /proc/self/mem from offset 0 fails with EIO even for root: a file that cannot be read.
	symlinkSync('/proc/self/mem', join(dir, 'unreadable.txt'));
	({ port, close } = await listen());
});

afterAll(async () => {
	await close();
	rmSync(dir, { recursive: true, force: true });
});

async function staysUp(): Promise<void> {
	const res = await get('/digits.txt');
	expect(res.status).toBe(200);
	expect(res.body.toString()).toBe('0123456789');
}

describe('serve.js: malformed requests', () => {
	it.each([
		['a lone percent sign', '/%'],
		['a truncated UTF-8 escape', '/%E0%A4%A'],
		['an encoded slash that would make "//host"', '/%2Fevil.example%2F..'],
		['a newline in the path', '/sub%0a%2F..'],
		['a backslash', '/%5Cevil.example'],
		['dot segments', '/handout/../digits.txt'],
		['an invalid absolute URL', 'http://[bad/'],
		['an absolute URL of another scheme', 'file:///etc/passwd']
	])('answers 400 to %s and stays up', async (_, target) => {
		const res = await get(target);
		expect(res.status).toBe(400);
		expect(res.headers.location).toBeUndefined();
		await staysUp();
	});

	it('accepts an absolute-form target that names a file', async () => {
		const res = await get(`http://127.0.0.1:${port}/digits.txt`);
		expect(res.status).toBe(200);
		expect(res.body.toString()).toBe('0123456789');
	});

	it('redirects a page folder to its trailing slash, and only on this site', async () => {
		const res = await get('/handout/demo?x=1');
		expect(res.status).toBe(308);
		expect(res.headers.location).toBe('/handout/demo/?x=1');
		expect((await get('/handout/demo/')).body.toString()).toContain('<title>demo</title>');
	});

	it.each(['POST', 'PUT', 'DELETE', 'PATCH'])('refuses %s with 405', async (method) => {
		const res = await get('/digits.txt', 'Content-Length: 0\r\n', method);
		expect(res.status).toBe(405);
		expect(res.headers.allow).toBe('GET, HEAD');
	});
});

describe('serve.js: files, ranges and headers', () => {
	it('sends the security headers on files and on errors', async () => {
		for (const target of ['/', '/digits.txt', '/missing', '/%']) {
			const res = await get(target);
			for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
				expect(res.headers[name.toLowerCase()], `${name} on ${target}`).toBe(value);
			}
		}
		expect(SECURITY_HEADERS['Content-Security-Policy']).toContain("frame-ancestors 'none'");
	});

	it('static/_headers gives static hosts the same headers', () => {
		const lines = readFileSync('static/_headers', 'utf8')
			.split('\n')
			.filter((l) => l.startsWith('  '))
			.map((l) => l.trim());
		expect(lines).toEqual(
			Object.entries(SECURITY_HEADERS).map(([name, value]) => `${name}: ${value}`)
		);
	});

	it('serves byte ranges, suffix ranges included, and refuses ranges past the end', async () => {
		const first = await get('/digits.txt', 'Range: bytes=2-4\r\n');
		expect(first.status).toBe(206);
		expect(first.headers['content-range']).toBe('bytes 2-4/10');
		expect(first.body.toString()).toBe('234');
		const suffix = await get('/digits.txt', 'Range: bytes=-3\r\n');
		expect(suffix.status).toBe(206);
		expect(suffix.body.toString()).toBe('789');
		const past = await get('/digits.txt', 'Range: bytes=10-\r\n');
		expect(past.status).toBe(416);
		expect(past.headers['content-range']).toBe('bytes */10');
		const big = await get('/big.pmtiles', 'Range: bytes=0-16383\r\n');
		expect(big.headers['content-type']).toBe('application/octet-stream');
		expect(big.body.length).toBe(16384);
	});

	it('serves under a base path and nothing outside it', async () => {
		const based = await listen('/atlas');
		try {
			expect(
				(
					await raw(
						`GET /atlas/digits.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
						based.port
					)
				).status
			).toBe(200);
			const bare = await raw(
				`GET /atlas HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
				based.port
			);
			expect(bare.status).toBe(308);
			expect(bare.headers.location).toBe('/atlas/');
			expect(
				(await raw(`GET /digits.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`, based.port))
					.status
			).toBe(404);
		} finally {
			await based.close();
		}
	});
});

describe('serve.js: faults', () => {
	it('survives a file that cannot be read', async () => {
		const res = await get('/unreadable.txt');
		expect(res.status === null || res.status >= 500 || res.body.length === 0).toBe(true);
		await staysUp();
	});

	it('closes the file when a client aborts a large download', async () => {
		const file = join(dir, 'big.pmtiles');
		const open = () =>
			readdirSync('/proc/self/fd').filter((fd) => {
				try {
					return readlinkSync(`/proc/self/fd/${fd}`) === file;
				} catch {
					return false;
				}
			}).length;
		await new Promise<void>((done) => {
			const socket = connect(port, '127.0.0.1');
			socket.write(`GET /big.pmtiles HTTP/1.1\r\nHost: x\r\nRange: bytes=0-${BIG - 1}\r\n\r\n`);
			// Stop reading after the first chunk, then go away while the server still has most to send.
			socket.once('data', () => {
				socket.pause();
				setTimeout(() => {
					socket.destroy();
					done();
				}, 200);
			});
		});
		await vi.waitFor(() => expect(open()).toBe(0), { timeout: 10_000, interval: 100 });
		await staysUp();
	});

	it('says a port is busy in one line and exits 1, without a stack trace', async () => {
		const blocker = createNetServer();
		await new Promise<void>((ready) => blocker.listen(0, '127.0.0.1', ready));
		const busy = (blocker.address() as AddressInfo).port;
		try {
			const run = spawnSync(
				process.execPath,
				['scripts/serve.js', '--port', String(busy), '--dir', dir],
				{ encoding: 'utf8', timeout: 15_000 }
			);
			expect(run.status).toBe(1);
			expect(run.stderr.trim()).toBe(
				`serve: cannot start: port ${busy} is already in use on 127.0.0.1; stop what is using it or pass --port <another>.`
			);
		} finally {
			blocker.close();
		}
	});
});

describe('serve.js: fuzz', () => {
	const PIECES = [
		'%',
		'%0',
		'%E0%A4%A',
		'%2F',
		'%2e%2e',
		'%00',
		'%0a',
		'%5C',
		'..',
		'//',
		'\\',
		'?',
		'#',
		'a',
		'é',
		'\u{1F600}',
		'/',
		'%C0%AF',
		'%FF'
	];
	const METHODS = [
		'GET',
		'HEAD',
		'POST',
		'PUT',
		'DELETE',
		'OPTIONS',
		'TRACE',
		'CONNECT',
		'G\u0000T',
		''
	];

	/** A malformed request: a random target, method, version and headers, or plain random bytes. */
	function malformed(random: () => number): Buffer {
		const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
		const kind = random();
		if (kind < 0.15) {
			return Buffer.from(
				Array.from({ length: 1 + Math.floor(random() * 200) }, () => Math.floor(random() * 256))
			);
		}
		let target = pick(['/', 'http://', 'http://[', '*', '', 'https://127.0.0.1', 'file://', '//']);
		const n = Math.floor(random() * 8);
		for (let i = 0; i < n; i++) target += pick(PIECES);
		const method = kind < 0.6 ? 'GET' : pick(METHODS);
		const version = pick(['HTTP/1.1', 'HTTP/1.1', 'HTTP/1.0', 'HTTP/9.9', '']);
		const headers = [
			'Connection: close',
			pick([
				'Host: 127.0.0.1',
				'',
				'Host:',
				'Host: [::1',
				'Range: bytes=-',
				'Range: bytes=5-2',
				'Range: bytes=0-1,3-4',
				'Range: bytes=99999999999999999999-',
				'Content-Length: -1',
				'Transfer-Encoding: chunked, identity',
				'X: \u0001'
			])
		];
		return Buffer.from(
			`${method} ${target} ${version}\r\n${headers.join('\r\n')}\r\n\r\n`,
			'latin1'
		);
	}

	it('answers 400 malformed requests below 500 (or closes), and stays up', async () => {
		const random = seededRandom(12);
		const statuses = new Map<number | null, number>();
		for (let i = 0; i < 400; i++) {
			const request = malformed(random);
			const res = await raw(request);
			statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
			if (res.status !== null) {
				expect(res.status, request.toString('latin1')).toBeLessThan(500);
				if (res.headers.location) expect(res.headers.location).toMatch(/^\/(?![/\\])/);
			}
			if (i % 50 === 49) await staysUp();
		}
		await staysUp();
		// The run must actually reach the file lookup, not only the HTTP parser's own 400s.
		expect([...statuses.keys()].filter((s) => s !== null && s !== 400).length).toBeGreaterThan(0);
	});
});
