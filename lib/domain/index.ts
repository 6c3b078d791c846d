/**
 * The pure rules of the product (docs/ARCHITECTURE.md): no I/O, no clock except as a default, and
 * nothing of the project imported but types, so every rule is unit-testable with a fixed
 * `now` and usable from any context (background, panel, tests).
 */
export * from './settings';
export * from './stage';
export * from './cadence';
export * from './response';
export * from './lastContact';
export * from './derive';
export * from './overdue';
