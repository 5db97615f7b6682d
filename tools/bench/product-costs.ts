// The two costs per Sheets cell the bench runs at: the emulator's default, and what the product itself assumes when it
// decides whether a commit still fits in the execution (its estimate of ms per cell, read from the product's code).
import { estimateCommitMs } from '../../src/import/commit-phase';
import { DEFAULTS } from '../gas-emulator/options';

export type CellCostModel = 'emulator' | 'product';

export const CELL_COST_MODELS: readonly CellCostModel[] = ['emulator', 'product'];

/** The commit estimate's marginal cost of one cell (its fixed part cancels out). */
export function productMsPerCell(): number {
  return estimateCommitMs(1_000_000, 0) / 1_000_000;
}

export function sheetCellMs(model: CellCostModel): number {
  return model === 'product' ? productMsPerCell() : DEFAULTS.costs.sheetCellMs;
}
