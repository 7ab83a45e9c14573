/** Named camera views. The two theatres are about 7,000 km apart, so each has its own. */
export type Bounds = [[number, number], [number, number]];

export interface NamedView {
	id: 'overview' | 'kursk' | 'far-east';
	label: string;
	/** South-west and north-east corners; east may exceed 180 to cross the antimeridian. */
	bounds: Bounds;
	/**
	 * Least padding, CSS px, this view keeps on a side of the map whatever covers it: the
	 * overview's westernmost zones (Kursk) carry wide figure labels centred near its west edge,
	 * which a narrow screen would otherwise cut in half.
	 */
	minPadding?: { left?: number };
}

export const VIEWS: readonly NamedView[] = [
	{
		id: 'overview',
		label: 'Both theatres',
		bounds: [
			[28, 38],
			[165, 68]
		],
		// Half the widest figure label at the overview zoom, and a margin.
		minPadding: { left: 98 }
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
