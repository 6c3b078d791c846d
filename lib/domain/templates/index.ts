export * from './variables';
export * from './render';
export * from './builtins';
export * from './suggest';
