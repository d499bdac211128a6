// The files module's public surface: format detection, index pairing, contigs and builds, fingerprints.
export * from './formats';
export * from './gzip';
export * from './detect';
export * from './index-pairing';
export * from './contigs';
export * from './reference-builds';
export * from './bam-header';
export * from './fingerprint';
export * from './file-ref';
export * from './cram-header';
export * from './read-contigs';
export * from './inspect';
