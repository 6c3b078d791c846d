export * from './variables';
export * from './render';
export * from './builtins';
export * from './builtin-keys';
export * from './suggest';
