/**
 * npm run edit [-- --port 4180] [--geo <folder>]
 *
 * Builds the site with its evidence editor enabled (into .edit-build/, so the ordinary build/
 * is left alone) and serves it on 127.0.0.1 with a write-back endpoint (scripts/lib/edit-server.ts)
 * that saves into geo/, or into the copy of it that `--geo` names (a private working copy, or the
 * end-to-end tests' scratch copy: the repository's geo/ is then never written). After each save
 * the site is rebuilt from that folder, so the saved evidence shows on the map with its citations.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createEditServer } from './lib/edit-server.ts';

const OUT = '.edit-build';

function usage(message: string): never {
	console.error(`edit: ${message}\nusage: npm run edit -- [--port <number>] [--geo <folder>]`);
	process.exit(2);
}

function parseArgs(argv: string[]): { port: number; geoDir: string } {
	let port = 4180;
	let geoDir = 'geo';
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i]!;
		if (arg === '--port') {
			const value = argv[++i];
			const n = Number(value);
			if (value === undefined || !Number.isInteger(n) || n < 0 || n > 65535) {
				usage(`--port must be a number from 0 to 65535, not "${value ?? ''}".`);
			}
			port = n;
		} else if (arg === '--geo') {
			const value = argv[++i];
			if (!value || !existsSync(join(value, 'claims.json'))) {
				usage(
					`--geo must name a folder laid out like geo/ (with claims.json), not "${value ?? ''}".`
				);
			}
			geoDir = value;
		} else {
			usage(`unknown option "${arg}".`);
		}
	}
	return { port, geoDir };
}

/** One production build with the editor switched on; resolves when it succeeded. */
function build(geoDir: string): Promise<void> {
	return new Promise((done, fail) => {
		const child = spawn(process.execPath, [resolve('node_modules/vite/bin/vite.js'), 'build'], {
			stdio: ['ignore', 'ignore', 'inherit'],
			env: {
				...process.env,
				VITE_ATLAS_EDITOR: '1',
				ATLAS_BUILD_DIR: OUT,
				ATLAS_GEO_DIR: resolve(geoDir)
			}
		});
		child.on('exit', (code) =>
			code === 0 ? done() : fail(new Error(`the site build failed (exit ${code}).`))
		);
		child.on('error', fail);
	});
}

async function main() {
	const { port, geoDir } = parseArgs(process.argv.slice(2));
	console.log('edit: building the site with the editor…');
	await build(geoDir);
	const { server } = createEditServer({
		dir: OUT,
		geoDir,
		afterSave: async (written) => {
			console.log(`edit: saved ${written.map((f) => join(geoDir, f)).join(', ')}; rebuilding…`);
			await build(geoDir);
			console.log('edit: rebuilt.');
		}
	});
	server.on('error', (error: NodeJS.ErrnoException) => {
		console.error(
			`edit: cannot start: ${error.code === 'EADDRINUSE' ? `port ${port} is in use; pass --port <another>.` : error.message}`
		);
		process.exit(1);
	});
	// Loopback only: the endpoint writes files, so no other machine may reach it.
	server.listen(port, '127.0.0.1', () => {
		const address = server.address();
		const actual = address && typeof address === 'object' ? address.port : port;
		console.log(`Deployment Atlas editor is running at http://127.0.0.1:${actual}/edit/`);
		console.log(`Saves write into ${geoDir}/. Press Ctrl+C to stop.`);
	});
}

main().catch((error: Error) => {
	console.error(`edit: ${error.message}`);
	process.exit(1);
});
