import { engineError } from '../errors.js';

/** An AWS client made on first use; see {@link lazyAwsClient}. */
export interface LazyAwsClient<Sdk, Client> {
  /** Imports the SDK (once) and returns the client (made once, or the injected one). */
  load(): Promise<{ client: Client; sdk: Sdk }>;
  /** Destroys a client this made (an injected one is left to its owner); the next load makes a new one. */
  destroy(): void;
}

/** Options of {@link lazyAwsClient}. */
export interface LazyAwsClientOptions<Sdk, Client> {
  /** Engine name for errors, e.g. `rekognition`, `s3`. */
  engine: string;
  /** The SDK package, named in the error when it cannot be loaded. */
  packageName: string;
  importSdk: () => Promise<Sdk>;
  makeClient: (sdk: Sdk) => Client;
  /** A ready client (tests, callers with their own); never destroyed here. */
  injected?: Client;
  /** Makes the error thrown when the SDK cannot be loaded (default: an EngineError naming the engine). */
  loadError?: (message: string, cause: unknown) => Error;
}

/**
 * Loads an AWS SDK package on first use and makes its client once (or uses the injected one),
 * so nothing touches AWS until an AWS engine or S3 storage is asked to work. The one place the
 * kit makes AWS clients: engines and S3 storage all come through here.
 *
 * @example const rekognition = lazyAwsClient({ engine: 'rekognition', packageName: '@aws-sdk/client-rekognition', importSdk: () => import('@aws-sdk/client-rekognition'), makeClient: (sdk) => new sdk.RekognitionClient(session.clientConfig('rekognition')) });
 */
export function lazyAwsClient<Sdk, Client extends { destroy(): void }>(options: LazyAwsClientOptions<Sdk, Client>): LazyAwsClient<Sdk, Client> {
  const { engine, packageName, importSdk, makeClient, injected } = options;
  let sdk: Sdk | undefined;
  let client = injected;
  return {
    async load() {
      try {
        sdk ??= await importSdk();
      } catch (error) {
        throw options.loadError ? options.loadError(`could not load ${packageName}`, error) : engineError(engine, `could not load ${packageName}`, error);
      }
      if (!client) {
        quietNodeVersionWarning();
        client = makeClient(sdk);
      }
      return { client, sdk };
    },
    destroy() {
      if (client && client !== injected) client.destroy();
      client = injected;
    },
  };
}

/**
 * The SDK warns, once per process and module copy, that releases after January 2027 need Node 22.
 * The kit supports Node 20.19+ (package.json `engines`) and pins its SDK versions, so the warning
 * says nothing a user can act on; the SDK's documented switch turns it off unless the user set it.
 */
function quietNodeVersionWarning(): void {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
}
