/**
 * Words accounted for by the aws text engine (`npx tsx bench/aws-rekognition.bench.ts`): Rekognition
 * DetectText is mocked by the test stand-in, which answers from the image it is sent with at most 100
 * words, as the service does. For each case it prints the words in the scene, the words found whole
 * at their place, the calls, how each image went (PNG bytes, S3Object, JPEG) and the largest request,
 * beside the baseline of one call per image (what the engine did before: the first 100 words at most,
 * and nothing at all for an image over 5 MB).
 */
import { encodePng } from '../lib/engines/aws/rekognition-images.js';
import { createRekognitionTextDetector } from '../lib/engines/aws/rekognition.js';
import type { ImageStaging } from '../lib/engines/types.js';
import { fakeRekognition, layWords, noiseImage, type SceneWord } from '../test/engines/aws/fake-rekognition.js';

const cases = [
  { name: '150 words, 1400x1000', width: 1400, height: 1000, words: () => layWords(1400, 1000, 25, 6, { wordWidth: 110 }), staging: false },
  { name: 'radiograph 3000x2500, 48 words, S3 staging', width: 3000, height: 2500, words: () => layWords(3000, 2500, 6, 8, { wordWidth: 140, wordHeight: 30 }), staging: true },
  { name: 'radiograph 3000x2500, 48 words, no staging', width: 3000, height: 2500, words: () => layWords(3000, 2500, 6, 8, { wordWidth: 140, wordHeight: 30 }), staging: false },
  { name: 'radiograph 3000x2500, 150 words, S3 staging', width: 3000, height: 2500, words: () => layWords(3000, 2500, 25, 6, { wordWidth: 160, wordHeight: 28 }), staging: true },
];

// The stand-in makes its client directly, outside the kit's loader: the SDK's documented switch for its Node notice.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

for (const c of cases) {
  const image = noiseImage(c.width, c.height);
  const scene: SceneWord[] = c.words();
  const objects = new Map<string, { bytes: Uint8Array }>();
  const staging: ImageStaging = {
    location: 's3://bench/staging',
    async put(bytes) {
      const key = `staging/${objects.size}.png`;
      objects.set(key, { bytes });
      return { bucket: 'bench', key, remove: async () => void objects.delete(key) };
    },
  };
  const { client, calls } = fakeRekognition(image, scene, objects);
  const started = performance.now();
  const found = await createRekognitionTextDetector({ client, ...(c.staging ? { staging } : {}) }).detect(image);
  const seconds = (performance.now() - started) / 1000;
  const words = found.filter((t) => t.kind === 'word');
  const whole = scene.filter((w) => words.some((x) => x.text === w.text && Math.abs(x.box.left - w.box.left) <= 1 && Math.abs(x.box.top - w.box.top) <= 1)).length;
  const how = calls.map((k) => (k.source === 's3' ? 'S3Object' : k.format === 'jpeg' ? 'JPEG' : 'PNG')).reduce<Record<string, number>>((m, k) => ({ ...m, [k]: (m[k] ?? 0) + 1 }), {});
  // Before: one PNG as Bytes, refused over 5 MB, at most 100 words back.
  const png = (await encodePng(image)).length;
  const baseline = png > 5 * 1024 * 1024 ? `0 (its ${(png / 1024 / 1024).toFixed(1)} MB PNG is over the 5 MB Bytes limit)` : String(Math.min(100, scene.length));
  console.log(
    `${c.name}: ${whole}/${scene.length} words found whole (${words.length - whole} extra); ${calls.length} DetectText call(s) ${JSON.stringify(how)}; ` +
      `largest request ${(Math.max(...calls.map((k) => k.bytes)) / 1024 / 1024).toFixed(1)} MB; ${seconds.toFixed(1)} s; staged objects left ${objects.size}; ` +
      `one PNG call per image (before) would have found at most ${baseline}`,
  );
}
