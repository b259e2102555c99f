import { DynamicModule, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AuthenticationGuard, AuthGuard } from './auth.guard';
import { JWT_ALGORITHM, jwtSecretKey } from './token';
import { TokenVerifier } from './token-verifier';

export interface AuthModuleOptions {
  readonly jwtSecret: string;
}

/** JWT verification and the guard; the application registers the guard globally (APP_GUARD). */
@Module({})
export class AuthModule {
  static register(options: AuthModuleOptions): DynamicModule {
    return {
      module: AuthModule,
      imports: [
        JwtModule.register({
          // Parsed once here, not on every request.
          secret: jwtSecretKey(options.jwtSecret),
          signOptions: { algorithm: JWT_ALGORITHM },
          verifyOptions: { algorithms: [JWT_ALGORITHM] },
        }),
      ],
      providers: [TokenVerifier, AuthenticationGuard, AuthGuard],
      exports: [TokenVerifier, AuthenticationGuard, AuthGuard, JwtModule],
    };
  }
}
