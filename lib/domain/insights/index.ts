export * from './pareto';
export * from './periods';
export * from './retention';
export * from './replySpeed';
export * from './templateStats';
export * from './portfolio';
export * from './lifecycle';
