/** The real, validated geo/ dataset, loaded once per run by ./global-setup.ts. */
import { inject } from 'vitest';
import type { Dataset } from '../../src/lib/data/schema.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		realDataset: Dataset;
	}
}

export function realDataset(): Dataset {
	// A deep copy per caller, so no test can change what another test sees.
	return structuredClone(inject('realDataset'));
}
