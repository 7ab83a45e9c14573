/**
 * The import worker: parses and checks one file off the main thread and posts progress and the
 * outcome. The page cancels an import by terminating the worker.
 */
import { importFile } from './parse.ts';
import { refusal, type ImportRequest, type WorkerMessage } from './types.ts';

const post = (message: WorkerMessage) => self.postMessage(message);

self.onmessage = async (event: MessageEvent<ImportRequest>) => {
	try {
		const outcome = await importFile(event.data, (stage, done) =>
			post({ type: 'progress', stage, done })
		);
		post({ type: 'done', outcome });
	} catch (err) {
		// Out of memory or a parser bug: still an answer the user can read, never a silent stop.
		post({
			type: 'done',
			outcome: refusal(
				`The file could not be read (${err instanceof Error ? err.message : String(err)}).`
			)
		});
	}
};
