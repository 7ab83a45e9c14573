import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	// Workers are ES modules (both are started with type 'module'), so a worker entry can re-export
	// MapLibre's worker module and keep it (see src/lib/map/worker/maplibre.worker.ts).
	worker: { format: 'es' },
	preview: { port: 4173, strictPort: false },
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node',
		globalSetup: ['tests/unit/global-setup.ts'],
		// Two cores shared with the browser tests' builds: allow slow machines, never rely on speed.
		testTimeout: 20_000
	}
});
