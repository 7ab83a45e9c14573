import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	preview: { port: 4173, strictPort: false },
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node'
	}
});
