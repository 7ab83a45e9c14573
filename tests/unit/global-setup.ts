/**
 * Validates the real geo/ once for the whole unit-test run and hands the dataset to the tests
 * that need it (`realDataset()` in ./real-dataset.ts). Full validation takes seconds (it checks
 * the basemap too), so doing it once instead of in every test file keeps the suite fast.
 */
import type { TestProject } from 'vitest/node';
import { loadGeo } from '../../src/lib/data/geo-files.server.ts';

export default function setup(project: TestProject): void {
	project.provide('realDataset', loadGeo('geo').dataset);
}
