export * from './errors';
export * from './pagination';
export * from './catalog';
export * from './makerspaces';
export * from './profiles';
export * from './user-admin';
export * from './audit-log';
export * from './feature-flags';
