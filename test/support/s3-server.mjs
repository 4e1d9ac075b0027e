// A real S3-compatible HTTP server on loopback for the S3 tests: s3rver, in a process of its own.
// Usage: node --openssl-legacy-provider test/support/s3-server.mjs <data folder>
// Prints {"port":N} once listening; stops when its standard input closes or on SIGTERM.
// s3rver signs its ListObjectsV2 continuation tokens with DES, which OpenSSL 3 (Node 17+) only
// offers through its legacy provider: hence the flag, and hence a process of its own.
import S3rver from 's3rver';

const directory = process.argv[2];
if (!directory) throw new Error('usage: s3-server.mjs <data folder>');
const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory });
const { port } = await server.run();
process.stdout.write(`${JSON.stringify({ port })}\n`);
const stop = async () => {
  await server.close();
  process.exit(0);
};
process.stdin.on('end', stop);
process.stdin.resume();
process.on('SIGTERM', stop);
