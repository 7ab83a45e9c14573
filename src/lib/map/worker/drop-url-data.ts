/**
 * Runs in MapLibre's worker before MapLibre itself. When a GeoJSON source's data is a blob: URL
 * (the imported layers), MapLibre's worker fetches and parses it, then posts the whole parsed
 * object back to the page so that `getData()` can return it. For a 50 MB file that copy is
 * rebuilt on the main thread in one task of several seconds (the import benchmark's profile:
 * MapLibre's `receive` and `deserialize`). The page never calls `getData()` on that source (an
 * imported feature's properties are read from the tiles), so the copy is dropped here and the
 * source keeps its URL. Sources whose data is an object or an http(s) URL are left alone.
 */

/** MapLibre's message type for a GeoJSON source's `loadData` (actor_messages.ts). */
const LOAD_DATA = 'LD';

interface ActorMessage {
	id?: string;
	type?: string;
	data?: { request?: { url?: unknown }; data?: unknown } | null;
}

const scope = self as unknown as {
	addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
	postMessage(message: unknown, options?: unknown): void;
};

const blobLoads = new Set<string>();

// Registered before MapLibre's own listener, so it sees each request first.
scope.addEventListener('message', (event: MessageEvent) => {
	const message = event.data as ActorMessage | null;
	const url = message?.data?.request?.url;
	if (
		message?.type === LOAD_DATA &&
		message.id &&
		typeof url === 'string' &&
		url.startsWith('blob:')
	)
		blobLoads.add(message.id);
});

const post = scope.postMessage.bind(scope);
scope.postMessage = (message: unknown, options?: unknown) => {
	const m = message as ActorMessage | null;
	if (m?.type === '<response>' && m.id && blobLoads.delete(m.id) && m.data?.data !== undefined) {
		const { data: _copy, ...rest } = m.data;
		post({ ...m, data: rest }, options);
		return;
	}
	post(message, options);
};
