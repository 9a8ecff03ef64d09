/**
 * Inverse problems: Driving a computational graph's output to a target by adjusting one
 * input (the documents' inverse backpropagation).
 *
 * @module
 */

export {
  type DriveOptions,
  type DrivePass,
  type DriveResult,
  type DriveStatus,
  driveToTarget,
  type FactorMode,
} from "./drive_to_target.ts";
