export * from './principal';
export * from './scope';
export * from './personal-data';
export * from './token';
export * from './auth.decorators';
export * from './auth.guard';
export * from './token-verifier';
export * from './auth.module';
