export * from './schema';
export * from './errors';
export * from './clients';
export * from './touchpoints';
export * from './settings';
export * from './overdue';
export * from './capture';
export { recomputeClient, recomputeAllClients } from './derived';
