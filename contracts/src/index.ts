export * from './envelope';
export * from './events';
export * from './regions/guizhou-divisions';
export * from './registry';
export * from './streams';
export * from './values';
export * from './http';
export * from './openapi';
