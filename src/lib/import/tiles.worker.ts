/**
 * The imported-tiles worker: one for the page, alive as long as it is. It holds every imported
 * layer's features (ImportedTileIndex) and answers the page's requests in the order they came:
 * add or remove a layer (from its stored Blob, read and parsed here), a tile for the map, a
 * feature's properties, a page of a layer's feature list. Tiles go back transferred, not copied.
 */
import { ImportedTileIndex } from './tile-index.ts';
import type { TilesReply, TilesRequest } from './tiles-protocol.ts';

const index = new ImportedTileIndex();

async function answer(request: TilesRequest): Promise<TilesReply> {
	switch (request.type) {
		case 'set':
			index.set(request.layerId, await request.features.text());
			return { id: request.id, result: null };
		case 'remove':
			index.remove(request.layerId);
			return { id: request.id, result: null };
		case 'order':
			index.setOrder(request.layerIds);
			return { id: request.id, result: null };
		case 'tile': {
			const bytes = index.tile(request.z, request.x, request.y);
			// A fresh buffer holding exactly the tile, so it can be handed over whole.
			return { id: request.id, result: bytes ? bytes.slice().buffer : new ArrayBuffer(0) };
		}
		case 'props':
			return { id: request.id, result: index.props(request.featureId) };
		case 'place':
			return { id: request.id, result: index.place(request.featureId) };
		case 'list':
			return {
				id: request.id,
				result: index.list(request.layerId, request.query, request.offset, request.limit)
			};
	}
}

// One request at a time: a tile asked for while a layer is being added waits for it.
let queue: Promise<void> = Promise.resolve();

self.onmessage = (event: MessageEvent<TilesRequest>) => {
	const request = event.data;
	queue = queue.then(async () => {
		let reply: TilesReply;
		try {
			reply = await answer(request);
		} catch (err) {
			reply = { id: request.id, error: err instanceof Error ? err.message : String(err) };
		}
		const transfer = 'result' in reply && reply.result instanceof ArrayBuffer ? [reply.result] : [];
		self.postMessage(reply, { transfer });
	});
};
