/**
 * Drafts persist in the browser's IndexedDB on every change, so a reload, a crash or a closed tab
 * keeps them; a draft is deleted only by `discardDraft`, which the editor calls when the user
 * says so (or after a successful save).
 */
import { openDB, type IDBPDatabase } from 'idb';
import type { Draft } from './draft.ts';

const DB = 'deployment-atlas-editor';
const STORE = 'drafts';
const KEY = 'current';

let db: Promise<IDBPDatabase> | null = null;

function open(): Promise<IDBPDatabase> {
	return (db ??= openDB(DB, 1, {
		upgrade(database) {
			database.createObjectStore(STORE);
		}
	}));
}

/**
 * Whether this browser has the editor's database at all. The main view asks before loading a
 * draft, so a reader who never edits does not get an empty database made on every visit. Where
 * `indexedDB.databases()` is missing, it says yes and the draft is looked up as before.
 */
export async function draftStoreExists(): Promise<boolean> {
	if (typeof indexedDB.databases !== 'function') return true;
	const all = await indexedDB.databases();
	return all.some((d) => d.name === DB);
}

export async function loadDraft(): Promise<Draft | null> {
	return ((await (await open()).get(STORE, KEY)) as Draft | undefined) ?? null;
}

export async function saveDraft(draft: Draft): Promise<void> {
	// A plain copy: IndexedDB cannot clone Svelte's state proxies.
	await (await open()).put(STORE, JSON.parse(JSON.stringify(draft)) as Draft, KEY);
}

export async function discardDraft(): Promise<void> {
	await (await open()).delete(STORE, KEY);
}
