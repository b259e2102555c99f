export * from './ids';
export * from './labour';
export * from './regions';
export * from './resident-id-number';
export * from './scalars';
export * from './cases';
export * from './free-text';
export * from './vocabulary';
