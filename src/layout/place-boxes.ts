// Places every box once for the whole trace, as a layered layout does, in named phases:
//   graph    the union of all steps' references between sized boxes (structure-graph.ts)
//   rank     cycles broken, each object one layer beyond the furthest box referring to it (rank/)
//   order    the order within each layer, by barycentre sweeps for few crossings (order/)
//   position x by layer (reflowed into bands when too wide, then closed up under wide boxes),
//            y level with the referring row (position/)
// Frames stay in the left column; objects shown at different steps may share room.
import type { Collected, FrameRecord, ObjectRecord } from './collect-boxes.ts';
import { MARGIN } from './metrics.ts';
import { order } from './order/index.ts';
import { position } from './position/index.ts';
import { rank } from './rank/index.ts';
import { rangesOf } from './step-ranges.ts';
import { structureGraph } from './structure-graph.ts';
import type { BoxVersion, FrameBox, ObjectBox } from './types.ts';

/** Room above the top row of boxes for change badges. */
export const TOP = MARGIN + 14;

export interface Placed {
  frames: { record: FrameRecord; box: FrameBox }[];
  objects: { record: ObjectRecord; box: ObjectBox }[];
}

/**
 * `breakCrossings`: how many references may cross a band break when the layers are reflowed to `fitWidth`, or
 * 'chains': a chain wrapped into rows under the frames (position/chain-breaks.ts).
 */
export function placeBoxes(collected: Collected, fitWidth: number, breakCrossings: number | 'chains'): Placed {
  const frameOrder = [...collected.frames].sort((a, b) => a.shown[0]! - b.shown[0]! || a.below.size - b.below.size);
  const graph = structureGraph(collected, frameOrder);
  const ranked = rank(graph);
  const layers = order(graph, ranked);
  const below = new Map(collected.frames.map((f) => [f.id, f.below]));
  const { x, y } = position(graph, ranked, layers, below, TOP, fitWidth, breakCrossings);

  const frameWidth = Math.max(0, ...frameOrder.map((f) => graph.byId.get(f.id)!.geometry.width));
  const frames = frameOrder.map((record) => {
    const { geometry } = graph.byId.get(record.id)!;
    // Frames take the widest frame's width: their dots keep to the right end of the row with the edge.
    const widened = frameWidth - geometry.width;
    const box: FrameBox = {
      kind: 'frame',
      id: record.id,
      name: record.name,
      x: x.get(record.id)!,
      y: y.get(record.id)!,
      width: frameWidth,
      height: geometry.height,
      steps: rangesOf(record.shown),
      style: 'frame',
      headerHeight: geometry.headerHeight,
      divider: geometry.divider,
      versions: widened ? geometry.versions.map((v) => shiftDots(v, widened)) : geometry.versions,
    };
    return { record, box };
  });
  const objects = collected.objects.map((record) => {
    const { geometry } = graph.byId.get(record.id)!;
    const box: ObjectBox = {
      kind: record.kind,
      id: record.id,
      type: record.type,
      mutable: record.mutable,
      column: ranked.layer.get(record.id)! - 1,
      x: x.get(record.id)!,
      y: y.get(record.id)!,
      width: geometry.width,
      height: geometry.height,
      steps: rangesOf(record.shown),
      style: record.mutable ? 'mutable' : 'immutable',
      headerHeight: geometry.headerHeight,
      divider: geometry.divider,
      versions: geometry.versions,
      ...([...record.dataByStep.values()].some((o) => o.immortal === true) ? { immortal: true as const } : {}),
    };
    return { record, box };
  });
  return { frames, objects };
}

/** The version with its rows' value dots `dx` further right. */
function shiftDots(version: BoxVersion, dx: number): BoxVersion {
  return { ...version, rows: version.rows.map((r) => (r.dot ? { ...r, dot: { x: r.dot.x + dx, y: r.dot.y } } : r)) };
}
