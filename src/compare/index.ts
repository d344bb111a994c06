// Compare: two or three programs from one fence, stepped together, with what differs marked.
export { codeToCompare, momentOf, momentsOf, type CompareOutcome, type CompareRequest } from './code-to-compare.ts';
export { alignMoments } from './align-moments.ts';
export { differsAt } from './differs-at.ts';
export { markDiffers } from './mark-differs.ts';
export { namePaths, type NamePath } from './name-paths.ts';
export { hasSides, splitSides, MAX_SIDES } from './split-sides.ts';
export type { CompareSide, Comparison, Moment, SideMarks, WrittenSide } from './types.ts';
