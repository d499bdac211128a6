// Crypt4GH (GA4GH file encryption standard 1.0): keys, header, segments, random-access plaintext, writing.
export * from './errors';
export * from './keys';
export * from './header';
export * from './segments';
export * from './plain-reader';
export * from './encrypt';
export * from './keyring';
export * from './decrypting-engine';
