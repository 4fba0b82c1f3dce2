export * from './shared-tables';
export * from './domain-schemas';
