export * from './regions/guizhou-divisions';
