/** Named camera views. The two theatres are about 7,000 km apart, so each has its own. */
export type Bounds = [[number, number], [number, number]];

export interface NamedView {
	id: 'overview' | 'kursk' | 'far-east';
	label: string;
	/** South-west and north-east corners; east may exceed 180 to cross the antimeridian. */
	bounds: Bounds;
}

export const VIEWS: readonly NamedView[] = [
	{
		id: 'overview',
		label: 'Both theatres',
		bounds: [
			[28, 38],
			[165, 68]
		]
	},
	{
		id: 'kursk',
		label: 'Kursk and border',
		bounds: [
			[31.5, 49],
			[40.5, 54]
		]
	},
	{
		id: 'far-east',
		label: 'Far East',
		bounds: [
			[112, 41],
			[182, 70]
		]
	}
];

export function viewById(id: string): NamedView | undefined {
	return VIEWS.find((v) => v.id === id);
}
