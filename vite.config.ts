import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	preview: { port: 4173, strictPort: false },
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node',
		globalSetup: ['tests/unit/global-setup.ts'],
		// Two cores shared with the browser tests' builds: allow slow machines, never rely on speed.
		testTimeout: 20_000
	}
});
