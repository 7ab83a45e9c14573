import { describe, expect, it } from 'vitest';
import {
	MAX_RESTARTS,
	TilesClient,
	WorkerDied,
	type LostLayers
} from '../../../src/lib/import/tiles-client.ts';
import type { TilesReply, TilesRequest } from '../../../src/lib/import/tiles-protocol.ts';

/**
 * A stand-in for the tiles worker: it records what it is sent and answers each request (after a
 * tick, as a worker would) with `answer`, or not at all when that returns undefined. `die()` is an
 * error escaping the worker.
 */
class FakeWorker {
	sent: TilesRequest[] = [];
	terminated = false;
	onmessage: ((event: MessageEvent<TilesReply>) => void) | null = null;
	onerror: ((event: ErrorEvent) => void) | null = null;

	constructor(private answer: (request: TilesRequest) => TilesReply | undefined) {}

	postMessage(request: TilesRequest): void {
		if (this.terminated) return;
		this.sent.push(request);
		const reply = this.answer(request);
		if (reply) {
			queueMicrotask(() => {
				if (!this.terminated) this.onmessage?.({ data: reply } as MessageEvent<TilesReply>);
			});
		}
	}

	terminate(): void {
		this.terminated = true;
	}

	die(message = 'out of memory'): void {
		this.onerror?.({ message, preventDefault: () => undefined } as ErrorEvent);
	}
}

/** Answers everything, with an empty tile for tiles. */
const willing = (request: TilesRequest): TilesReply => ({
	id: request.id,
	result: request.type === 'tile' ? new ArrayBuffer(0) : null
});

/** A client whose workers are fakes: `workers` are the ones it made, in order. */
function client(answer: (request: TilesRequest) => TilesReply | undefined = willing) {
	const workers: FakeWorker[] = [];
	const restarts: LostLayers[] = [];
	const tiles = new TilesClient({
		makeWorker: () => {
			const worker = new FakeWorker(answer);
			workers.push(worker);
			return worker as unknown as Worker;
		},
		onrestart: (lost) => restarts.push(lost)
	});
	return { tiles, workers, restarts };
}

const kinds = (worker: FakeWorker) =>
	worker.sent.map((r) => (r.type === 'set' ? `set ${r.layerId}` : r.type));

describe('the imported-tiles client', () => {
	it('starts no worker until it is first asked something', async () => {
		const { tiles, workers } = client();
		expect(workers).toHaveLength(0);
		await tiles.tile(4, 11, 5);
		expect(workers).toHaveLength(1);
	});

	it('fails every pending request when the worker dies, instead of leaving it waiting', async () => {
		// A worker that never answers a tile: without the failure the map would wait for ever.
		const { tiles, workers } = client((r) => (r.type === 'tile' ? undefined : willing(r)));
		const a = tiles.tile(4, 11, 5);
		const b = tiles.tile(4, 12, 5);
		workers[0]!.die('out of memory');
		await expect(a).rejects.toBeInstanceOf(WorkerDied);
		await expect(b).rejects.toThrow('out of memory');
		expect(workers[0]!.terminated).toBe(true);
	});

	it('starts a fresh worker on the next request and gives it every layer back, in order', async () => {
		const { tiles, workers, restarts } = client();
		const a = new Blob(['a']);
		const b = new Blob(['b']);
		const c = new Blob(['c']);
		await tiles.set('a', a);
		await tiles.set('b', b);
		await tiles.set('c', c);
		await tiles.remove('c');
		await tiles.order(['b', 'a']);
		workers[0]!.die();

		await expect(tiles.tile(4, 11, 5)).resolves.toBeInstanceOf(ArrayBuffer);
		expect(workers).toHaveLength(2);
		const fresh = workers[1]!;
		// The layers first (the removed one not), then the legend order, then the request.
		expect(kinds(fresh)).toEqual(['set a', 'set b', 'order', 'tile']);
		const blobs = fresh.sent.flatMap((r) => (r.type === 'set' ? [r.features] : []));
		expect(blobs[0]).toBe(a);
		expect(blobs[1]).toBe(b);
		expect(fresh.sent[2]).toMatchObject({ type: 'order', layerIds: ['b', 'a'] });
		await Promise.resolve();
		expect(restarts).toEqual([new Map()]);
	});

	it('says which layer a fresh worker could not take back, and does not offer it again', async () => {
		let refuse = false;
		const { tiles, workers, restarts } = client((r) =>
			refuse && r.type === 'set' && r.layerId === 'bad'
				? { id: r.id, error: 'the stored features could not be read' }
				: willing(r)
		);
		await tiles.set('good', new Blob(['g']));
		await tiles.set('bad', new Blob(['b']));
		refuse = true;
		workers[0]!.die();
		await tiles.tile(0, 0, 0);
		await new Promise((done) => setTimeout(done, 0));
		expect(restarts).toHaveLength(1);
		expect([...restarts[0]!]).toEqual([['bad', 'the stored features could not be read']]);

		workers[1]!.die();
		await tiles.tile(0, 0, 0);
		expect(kinds(workers[2]!)).toEqual(['set good', 'tile']);
	});

	it('keeps a layer whose re-add failed only because the fresh worker died too', async () => {
		const { tiles, workers, restarts } = client();
		await tiles.set('a', new Blob(['a']));
		workers[0]!.die();
		const request = tiles.tile(0, 0, 0);
		// The fresh worker dies before answering anything.
		workers[1]!.die('crashed again');
		await expect(request).rejects.toBeInstanceOf(WorkerDied);
		await new Promise((done) => setTimeout(done, 0));
		expect([...restarts[0]!]).toEqual([['a', 'crashed again']]);
		await tiles.tile(0, 0, 0);
		expect(kinds(workers[2]!)).toEqual(['set a', 'tile']);
	});

	it('does not remember a layer the worker refused', async () => {
		const { tiles, workers } = client((r) =>
			r.type === 'set' ? { id: r.id, error: 'not an import' } : willing(r)
		);
		await expect(tiles.set('x', new Blob(['x']))).rejects.toThrow('not an import');
		workers[0]!.die();
		await tiles.tile(0, 0, 0);
		expect(kinds(workers[1]!)).toEqual(['tile']);
	});

	it(`gives up after ${MAX_RESTARTS} restarts, failing requests at once and asking for a reload`, async () => {
		const { tiles, workers } = client();
		for (let i = 0; i <= MAX_RESTARTS; i++) {
			await tiles.tile(0, 0, 0);
			workers.at(-1)!.die();
		}
		expect(workers).toHaveLength(MAX_RESTARTS + 1);
		await expect(tiles.tile(0, 0, 0)).rejects.toThrow(/reload the page/);
		expect(workers).toHaveLength(MAX_RESTARTS + 1);
	});
});
