/**
 * Runs one import in a fresh Web Worker. Cancel terminates the worker, which stops the parse
 * wherever it is; nothing already imported is touched either way.
 */
import {
	refusal,
	type ImportOutcome,
	type ImportRequest,
	type ProgressFn,
	type WorkerMessage
} from './types.ts';

export interface RunningImport {
	result: Promise<ImportOutcome | null>;
	/** Stops the import; `result` then resolves to null. */
	cancel(): void;
}

export function startImport(request: ImportRequest, progress: ProgressFn): RunningImport {
	const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
	let settle: (value: ImportOutcome | null) => void = () => {};
	const result = new Promise<ImportOutcome | null>((resolve) => (settle = resolve));
	worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
		const message = event.data;
		if (message.type === 'progress') progress(message.stage, message.done);
		else {
			settle(message.outcome);
			worker.terminate();
		}
	};
	worker.onerror = (event) => {
		event.preventDefault();
		settle(refusal(`The import stopped: ${event.message || 'the worker failed'}.`));
		worker.terminate();
	};
	worker.postMessage(request);
	return {
		result,
		cancel() {
			worker.terminate();
			settle(null);
		}
	};
}
