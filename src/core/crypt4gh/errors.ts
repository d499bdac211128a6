// Errors of reading Crypt4GH keys and files: each says what is wrong in one sentence of advice, and carries a
// `kind` the UI can turn into its own message.

export type Crypt4ghErrorKind =
  | 'not-a-key'
  | 'wrong-passphrase'
  | 'passphrase-needed'
  | 'unsupported-key'
  | 'not-crypt4gh'
  | 'not-for-this-key'
  | 'unsupported-file'
  | 'corrupt-header'
  | 'authentication-failed'
  | 'truncated';

export class Crypt4ghError extends Error {
  override readonly name = 'Crypt4ghError';

  constructor(
    readonly kind: Crypt4ghErrorKind,
    message: string,
    readonly advice: string,
  ) {
    super(message);
  }
}
