import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { createPrivateKey, createPublicKey, createSecretKey } from 'node:crypto';
import { AuthGuard } from './auth.guard';
import { TokenService } from './token.service';

export interface AuthKeys {
  /** HS256 shared secret; used when no public key is configured. */
  secret?: string;
  /** RS256: PEM public key to verify; private key only where tokens are issued (CLI, dev seeding). */
  publicKey?: string;
  privateKey?: string;
  issuer?: string;
}

/**
 * Bearer-token authentication on every route (global guard) with @nestjs/jwt. Keys are handed
 * over as KeyObjects: given a string, jsonwebtoken parses it on every verify (trying it as a
 * public key first and catching the failure), which was a quarter of a query's CPU.
 */
@Module({})
export class AuthModule {
  static register(keys: AuthKeys, options: { globalGuard?: boolean } = {}): DynamicModule {
    const rs = Boolean(keys.publicKey);
    const issuer = keys.issuer ? { issuer: keys.issuer } : {};
    return {
      module: AuthModule,
      global: true,
      imports: [
        JwtModule.register(
          rs
            ? {
                publicKey: createPublicKey(keys.publicKey!),
                privateKey: keys.privateKey ? createPrivateKey(keys.privateKey) : undefined,
                signOptions: { algorithm: 'RS256', ...issuer },
                verifyOptions: { algorithms: ['RS256'], ...issuer },
              }
            : {
                secret: keys.secret === undefined ? undefined : createSecretKey(Buffer.from(keys.secret)),
                signOptions: { algorithm: 'HS256', ...issuer },
                verifyOptions: { algorithms: ['HS256'], ...issuer },
              },
        ),
      ],
      providers: [TokenService, ...(options.globalGuard === false ? [] : [{ provide: APP_GUARD, useClass: AuthGuard }])],
      exports: [TokenService],
    };
  }
}
