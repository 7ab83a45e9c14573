/**
 * The built site (or any folder) served on a free local port, as scripts/serve.js serves it: for
 * the render CLI and the benchmarks, which drive it in Chromium and stop it when done.
 */
import type { AddressInfo } from 'node:net';
import { createStaticServer } from '../serve.js';

export interface LocalSite {
	/** "http://127.0.0.1:PORT/", with the trailing slash. */
	url: string;
	close: () => Promise<void>;
}

/**
 * Serves `dir` on a free port of 127.0.0.1. `headers` are added to every response (the timeline
 * benchmark sends COOP/COEP so the page is cross-origin isolated and performance.now() is
 * precise to microseconds instead of 100 us).
 */
export async function serveLocally(
	dir: string,
	headers: Record<string, string> = {}
): Promise<LocalSite> {
	const server = createStaticServer({ dir });
	server.prependListener('request', (_req, res) => {
		for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
	});
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/`,
		close: () => new Promise((done) => server.close(() => done()))
	};
}
