/**
 * The editor's write-back (scripts/lib/edit-store.ts, scripts/lib/edit-server.ts) on a copy of
 * geo/: what it refuses (other origins and hosts, no token, other files, oversized or non-JSON
 * bodies, invalid data, files changed since the draft began) and how it writes (the files' own
 * layout, so the diff is only the change; derived geometry regenerated).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
	createEditServer,
	MAX_BODY_BYTES,
	TOKEN_HEADER
} from '../../../scripts/lib/edit-server.ts';
import { saveToGeo, snapshotGeo } from '../../../scripts/lib/edit-store.ts';

let root: string;
let geoDir: string;

function resetGeo() {
	rmSync(geoDir, { recursive: true, force: true });
	cpSync('geo', geoDir, { recursive: true });
}

beforeAll(() => {
	root = mkdtempSync(join(tmpdir(), 'atlas-edit-'));
	geoDir = join(root, 'geo');
	cpSync('geo', geoDir, { recursive: true });
	writeFileSync(join(root, 'index.html'), 'x');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));
beforeEach(resetGeo);

interface Json {
	[key: string]: unknown;
}

function withClaim(claimsText: string, claim: Json): string {
	const data = JSON.parse(claimsText) as { claims: Json[] };
	data.claims.push(claim);
	// Deliberately not the file's layout: the writer must restore it.
	return JSON.stringify(data);
}

const NEW_CLAIM = {
	id: 'test-claim-one',
	statement: 'A test claim.',
	kind: 'deployment',
	claimant: 'nis',
	via: null,
	documents: ['doc-000'],
	figure: { qualifier: 'about', value: 1200, unit: 'personnel', text: 'about 1,200 workers' },
	basis: 'report',
	scope: { kind: 'country', country: 'RU', words: null, note: 'No region named.' },
	as_of: { value: '2025-11-04', precision: 'day', resolution: 'stated' },
	credibility: { grade: 3, reason: 'Test.' },
	status: 'reported',
	disputed_by: []
};

describe('saveToGeo', () => {
	it('writes a new claim in the file layout, so the diff is only the added lines', () => {
		const before = snapshotGeo(geoDir);
		const result = saveToGeo(geoDir, {
			base: before.hashes,
			files: { 'claims.json': withClaim(before.files['claims.json']!, NEW_CLAIM) }
		});
		expect(result.status).toBe('saved');
		const after = readFileSync(join(geoDir, 'claims.json'), 'utf8');
		const old = before.files['claims.json']!.split('\n');
		const now = after.split('\n');
		// Everything before the end of the list is unchanged; the new lines are the claim.
		const tail = old.slice(-3);
		expect(now.slice(0, old.length - 4)).toEqual(old.slice(0, -4));
		// The one changed line: the comma after the claim that was last.
		expect(now[old.length - 4]).toBe(`${old.at(-4)},`);
		expect(now.slice(-3)).toEqual(tail);
		expect(now.length - old.length).toBe(32);
		expect(now).toContain('\t\t\t"id": "test-claim-one",');
		expect(now).toContain('\t\t\t"disputed_by": []');
	});

	it('keeps the items already in a file byte for byte, whatever their layout', () => {
		const before = snapshotGeo(geoDir);
		const docs = JSON.parse(before.files['documents.json']!) as { documents: Json[] };
		docs.documents.push({
			...docs.documents[0],
			id: 'doc-test',
			cites: ['one outlet', 'another outlet', 'a third outlet', 'a fourth outlet', 'a fifth one']
		});
		const result = saveToGeo(geoDir, {
			base: before.hashes,
			files: {
				'documents.json': JSON.stringify(docs),
				'claims.json': withClaim(before.files['claims.json']!, {
					...NEW_CLAIM,
					documents: ['doc-test']
				})
			}
		});
		expect(result).toMatchObject({ status: 'saved' });
		const after = readFileSync(join(geoDir, 'documents.json'), 'utf8');
		const old = before.files['documents.json']!;
		// Everything up to the old last item's closing brace is unchanged; then the new item.
		const end = old.lastIndexOf('\t\t}') + 3;
		expect(after.slice(0, end)).toBe(old.slice(0, end));
		expect(after.slice(end)).toMatch(/^,\n\t\t\{\n\t\t\t"id": "doc-test",/);
		expect(JSON.parse(after)).toEqual(docs);
	});

	it('writes nothing when the data would fail geo:check, and says where', () => {
		const before = snapshotGeo(geoDir);
		const bad = { ...NEW_CLAIM, claimant: 'no-such-claimant' };
		const result = saveToGeo(geoDir, {
			base: before.hashes,
			files: { 'claims.json': withClaim(before.files['claims.json']!, bad) }
		});
		expect(result.status).toBe('invalid');
		if (result.status !== 'invalid') return;
		expect(result.issues.map((i) => i.rule)).toContain('unknown-reference');
		expect(readFileSync(join(geoDir, 'claims.json'), 'utf8')).toBe(before.files['claims.json']);
	});

	it('refuses to overwrite a file that changed on disk since the draft began', () => {
		const before = snapshotGeo(geoDir);
		const docs = join(geoDir, 'documents.json');
		writeFileSync(docs, readFileSync(docs, 'utf8').replace('doc-000', 'doc-000'), 'utf8');
		writeFileSync(docs, `${readFileSync(docs, 'utf8')}\n`);
		const result = saveToGeo(geoDir, {
			base: before.hashes,
			files: { 'claims.json': withClaim(before.files['claims.json']!, NEW_CLAIM) }
		});
		expect(result).toMatchObject({ status: 'conflict', changed: ['documents.json'] });
		expect(readFileSync(join(geoDir, 'claims.json'), 'utf8')).toBe(before.files['claims.json']);
	});

	it('derives the geometry of a new feature made of picked regions', () => {
		const before = snapshotGeo(geoDir);
		const fc = JSON.parse(before.files['features.geojson']!) as { features: Json[] };
		fc.features.push({
			type: 'Feature',
			id: 'test-two-regions',
			properties: {
				name: 'Test zone',
				category: 'construction',
				summary: 'Test.',
				presence: {
					start: { value: '2025-11', precision: 'month', resolution: 'stated' },
					end: null,
					last_corroborated: { value: '2025-11', precision: 'month', resolution: 'stated' }
				},
				location_precision: 'region',
				location_basis: 'stated',
				location_note: 'Test.',
				geometry_provenance: {
					method: 'admin1-set',
					source: 'geo/basemap/admin1.geojson',
					iso_3166_2: ['RU-KRS', 'RU-BEL'],
					simplify_tolerance_deg: 0.01
				},
				claims: ['test-zone-claim']
			},
			geometry: null
		});
		const zoneClaim = {
			...NEW_CLAIM,
			id: 'test-zone-claim',
			scope: { kind: 'regions', regions: ['RU-KRS', 'RU-BEL'], words: 'Kursk and Belgorod' }
		};
		const result = saveToGeo(geoDir, {
			base: before.hashes,
			files: {
				'features.geojson': JSON.stringify(fc),
				'claims.json': withClaim(before.files['claims.json']!, zoneClaim)
			}
		});
		expect(result).toMatchObject({ status: 'saved' });
		const saved = readFileSync(join(geoDir, 'features.geojson'), 'utf8');
		expect(saved.startsWith(before.files['features.geojson']!.slice(0, -8))).toBe(true);
		const added = (JSON.parse(saved) as { features: Json[] }).features.at(-1) as {
			geometry: { type: string };
			properties: { geometry_provenance: { derived: { names_en: string[] } } };
		};
		expect(added.geometry.type).toMatch(/Polygon/);
		expect(added.properties.geometry_provenance.derived.names_en).toEqual(['Kursk', 'Belgorod']);
		// Deriving every feature's geometry takes a while on a shared machine; no timing is tested.
	}, 180_000);
});

describe('edit server', () => {
	let port: number;
	let token: string;
	let close: () => Promise<void>;
	const saves: string[][] = [];

	beforeAll(async () => {
		writeFileSync(join(root, 'index.html'), 'x');
		const made = createEditServer({
			dir: root,
			geoDir,
			afterSave: async (written) => {
				saves.push(written);
			}
		});
		token = made.token;
		await new Promise<void>((done) => made.server.listen(0, '127.0.0.1', done));
		port = (made.server.address() as AddressInfo).port;
		close = () => new Promise((done) => made.server.close(() => done()));
	});
	afterAll(() => close());

	const origin = () => `http://127.0.0.1:${port}`;

	function save(body: string, headers: Record<string, string> = {}) {
		return fetch(`${origin()}/__edit/save`, {
			method: 'POST',
			headers: {
				origin: origin(),
				'content-type': 'application/json',
				[TOKEN_HEADER]: token,
				...headers
			},
			body
		});
	}

	function validBody() {
		const snap = snapshotGeo(geoDir);
		return JSON.stringify({
			base: snap.hashes,
			files: { 'claims.json': withClaim(snap.files['claims.json']!, NEW_CLAIM) }
		});
	}

	it('saves a valid change from its own origin with the token, then rebuilds', async () => {
		const res = await save(validBody());
		expect(res.status).toBe(200);
		expect(await res.json()).toMatchObject({ status: 'saved', written: ['claims.json'] });
		expect(saves.at(-1)).toEqual(['claims.json']);
	});

	it('hands the token and the files only to requests addressed to itself', async () => {
		const ok = await fetch(`${origin()}/__edit/session`);
		expect(ok.status).toBe(200);
		expect(((await ok.json()) as { token: string }).token).toBe(token);
		const other = await fetch(`${origin()}/__edit/session`, {
			headers: { 'sec-fetch-site': 'cross-site' }
		});
		expect(other.status).toBe(403);
	});

	it('refuses another origin, a missing or wrong token, and a foreign Host', async () => {
		expect((await save(validBody(), { origin: 'http://evil.example' })).status).toBe(403);
		expect((await save(validBody(), { [TOKEN_HEADER]: 'x'.repeat(48) })).status).toBe(403);
		expect((await save(validBody(), { [TOKEN_HEADER]: '' })).status).toBe(403);
		const { request } = await import('node:http');
		const status = await new Promise<number>((done) => {
			const req = request(
				{
					host: '127.0.0.1',
					port,
					path: '/__edit/save',
					method: 'POST',
					headers: {
						host: `rebound.example:${port}`,
						origin: `http://rebound.example:${port}`,
						[TOKEN_HEADER]: token,
						'content-type': 'application/json'
					}
				},
				(res) => {
					res.resume();
					done(res.statusCode ?? 0);
				}
			);
			req.end(validBody());
		});
		expect(status).toBe(403);
		expect(readFileSync(join(geoDir, 'claims.json'), 'utf8')).not.toContain('test-claim-one');
	});

	it('refuses files it does not know, non-JSON, oversized bodies and other methods', async () => {
		const snap = snapshotGeo(geoDir);
		const other = await save(
			JSON.stringify({ base: snap.hashes, files: { 'basemap/admin1.geojson': '{}' } })
		);
		expect(other.status).toBe(400);
		expect(((await other.json()) as { message: string }).message).toMatch(
			/refused: basemap\/admin1\.geojson/
		);
		const escape = await save(
			JSON.stringify({ base: snap.hashes, files: { '../package.json': '{}' } })
		);
		expect(escape.status).toBe(400);
		expect((await save('not json')).status).toBe(400);
		expect((await save(validBody(), { 'content-type': 'text/plain' })).status).toBe(415);
		expect((await save('x'.repeat(MAX_BODY_BYTES + 1))).status).toBe(413);
		const get = await fetch(`${origin()}/__edit/save`);
		expect(get.status).toBe(405);
		expect(readFileSync(join(geoDir, 'claims.json'), 'utf8')).not.toContain('test-claim-one');
	});

	it('answers a conflict when the files changed since the draft began', async () => {
		const body = validBody();
		writeFileSync(
			join(geoDir, 'claimants.json'),
			`${readFileSync(join(geoDir, 'claimants.json'))}\n`
		);
		const res = await save(body);
		expect(res.status).toBe(409);
		expect(await res.json()).toMatchObject({ status: 'conflict', changed: ['claimants.json'] });
	});

	it('serves the site files as the static server does', async () => {
		const res = await fetch(`${origin()}/index.html`);
		expect(res.status).toBe(200);
		expect(await res.text()).toBe('x');
	});
});
