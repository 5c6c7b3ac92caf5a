// Plain JSON shapes of a decoded JWT. Known fields are typed loosely on purpose: a token in the wild
// may carry anything, and the describe/status code checks types before trusting a value.

export interface JwtHeader {
  readonly alg?: unknown;
  readonly typ?: unknown;
  readonly kid?: unknown;
  readonly [name: string]: unknown;
}

export interface JwtPayload {
  readonly iss?: unknown;
  readonly sub?: unknown;
  readonly aud?: unknown;
  readonly exp?: unknown;
  readonly nbf?: unknown;
  readonly iat?: unknown;
  readonly jti?: unknown;
  readonly [name: string]: unknown;
}
