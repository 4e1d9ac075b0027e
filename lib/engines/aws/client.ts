import { engineError } from '../errors.js';

/** An AWS client made on first use; see {@link lazyAwsClient}. */
export interface LazyAwsClient<Sdk, Client> {
  /** Imports the SDK (once) and returns the client (made once, or the injected one). */
  load(): Promise<{ client: Client; sdk: Sdk }>;
  /** Destroys a client this made (an injected one is left to its owner); the next load makes a new one. */
  destroy(): void;
}

/**
 * Loads an AWS SDK package on first use and makes its client once (or uses the injected one),
 * so nothing touches AWS until an AWS engine (or the S3 storage) is asked to work. A failed SDK
 * import becomes `wrapError`'s error (default: an {@link EngineError} naming `engine`).
 *
 * @example const rekognition = lazyAwsClient('rekognition', '@aws-sdk/client-rekognition', () => import('@aws-sdk/client-rekognition'), (sdk) => new sdk.RekognitionClient({}));
 */
export function lazyAwsClient<Sdk, Client extends { destroy(): void }>(
  engine: string,
  packageName: string,
  importSdk: () => Promise<Sdk>,
  makeClient: (sdk: Sdk) => Client,
  injected?: Client,
  wrapError: (message: string, cause: unknown) => Error = (message, cause) => engineError(engine, message, cause),
): LazyAwsClient<Sdk, Client> {
  let sdk: Sdk | undefined;
  let client = injected;
  return {
    async load() {
      try {
        sdk ??= await importSdk();
      } catch (error) {
        throw wrapError(`could not load ${packageName}`, error);
      }
      client ??= makeClient(sdk);
      return { client, sdk };
    },
    destroy() {
      if (client && client !== injected) client.destroy();
      client = injected;
    },
  };
}
