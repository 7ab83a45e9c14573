/**
 * Imported layers persist in the browser's IndexedDB (through `idb`), one record per layer with
 * its features as a Blob, so they survive a reload until removed. Nothing is ever sent anywhere.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { GeometryCounts, ImportFormat, ImportIssue } from './types.ts';

export interface ImportedLayerRecord {
	id: string;
	/** Shown in the legend as "Imported: <name>"; starts as the file name. */
	name: string;
	fileName: string;
	/** ISO date and time of the import. */
	importedAt: string;
	colour: string;
	visible: boolean;
	format: ImportFormat;
	featureCount: number;
	counts: GeometryCounts;
	bbox: [number, number, number, number];
	warnings: ImportIssue[];
	/** Position in the legend. */
	order: number;
	features: Blob;
}

interface ImportDb extends DBSchema {
	layers: { key: string; value: ImportedLayerRecord };
}

const DB_NAME = 'deployment-atlas-imports';

let db: Promise<IDBPDatabase<ImportDb>> | null = null;

function open(): Promise<IDBPDatabase<ImportDb>> {
	db ??= openDB<ImportDb>(DB_NAME, 1, {
		upgrade(database) {
			database.createObjectStore('layers', { keyPath: 'id' });
		}
	});
	return db;
}

export async function loadLayers(): Promise<ImportedLayerRecord[]> {
	const all = await (await open()).getAll('layers');
	return all.sort((a, b) => a.order - b.order);
}

export async function saveLayer(record: ImportedLayerRecord): Promise<void> {
	await (await open()).put('layers', record);
}

export async function deleteLayer(id: string): Promise<void> {
	await (await open()).delete('layers', id);
}
