import { DetectTextCommand, InvalidImageFormatException, ThrottlingException } from '@aws-sdk/client-rekognition';
import { describe, expect, it } from 'vitest';
import { AwsSession } from '../../../lib/engines/aws/session.js';
import { createRekognitionTextDetector } from '../../../lib/engines/aws/rekognition.js';
import type { DetectedText, ImageStaging } from '../../../lib/engines/types.js';
import { fakeRekognition, layWords, noiseImage, type SceneWord } from './fake-rekognition.js';

/** Every scene word found once, whole, with its box (to the pixel, rounding aside). */
function expectEveryWord(found: DetectedText[], scene: SceneWord[]): void {
  const words = found.filter((t) => t.kind === 'word');
  expect(words.map((w) => w.text).sort()).toEqual(scene.map((w) => w.text).sort());
  for (const w of scene) {
    const got = words.find((x) => x.text === w.text)!;
    for (const k of ['left', 'top', 'width', 'height'] as const) expect(Math.abs(got.box[k] - w.box[k])).toBeLessThanOrEqual(1);
  }
  // Lines hold their words in reading order, as the scene does.
  for (const line of new Set(scene.map((w) => w.line))) {
    const expected = scene.filter((w) => w.line === line).map((w) => w.text).join(' ');
    expect(found.filter((t) => t.kind === 'line').map((l) => l.text)).toContain(expected);
  }
}

/** A fake staging bucket: what is put is readable by the fake service until removed. */
function fakeStaging() {
  const objects = new Map<string, { bytes: Uint8Array }>();
  const log: string[] = [];
  const staging: ImageStaging = {
    location: 's3://de-id-dst/out.deid-staging',
    async put(bytes) {
      const key = `out.deid-staging/${objects.size + log.length}.png`;
      objects.set(key, { bytes });
      log.push(`put ${key}`);
      return { bucket: 'de-id-dst', key, remove: async () => void (objects.delete(key), log.push(`remove ${key}`)) };
    },
  };
  return { staging, objects, log };
}

describe('Rekognition DetectText that loses nothing (service mocked, real request shapes)', () => {
  it('reads all 150 words of a text-dense image: a response near 100 words is read again in overlapping tiles, duplicates kept once', async () => {
    const image = noiseImage(1400, 1000);
    const scene = layWords(1400, 1000, 25, 6, { wordWidth: 110 });
    const { client, calls } = fakeRekognition(image, scene);
    const session = new AwsSession();
    const detector = createRekognitionTextDetector({ client, session });
    const found = await detector.detect(image);
    expectEveryWord(found, scene);
    expect(found.filter((t) => t.kind === 'word')).toHaveLength(150);
    // The first answer was cut at 100; then 4 tiles, each under the limit.
    expect(calls[0]).toMatchObject({ words: 100, region: { left: 0, top: 0, width: 1400, height: 1000 } });
    expect(calls.length).toBe(5);
    for (const call of calls.slice(1)) expect(call.words).toBeLessThan(80);
    expect(session.usage.byApi['rekognition:DetectText']).toMatchObject({ calls: 5, images: 5 });
  });

  it('reads a 3000x2500 radiograph whose PNG is over 5 MB through S3 (uploaded, read, deleted), every word accounted for', async () => {
    const image = noiseImage(3000, 2500);
    const scene = layWords(3000, 2500, 6, 8, { wordWidth: 140, wordHeight: 30 });
    const { staging, objects, log } = fakeStaging();
    const { client, calls } = fakeRekognition(image, scene, objects);
    const found = await createRekognitionTextDetector({ client, staging }).detect(image);
    expectEveryWord(found, scene);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ source: 's3', format: 'png', width: 3000, height: 2500 });
    expect(calls[0].bytes).toBeGreaterThan(5 * 1024 * 1024);
    expect(log).toEqual(['put out.deid-staging/0.png', 'remove out.deid-staging/0.png']);
    expect(objects.size).toBe(0);
  });

  it('without a staging bucket sends the radiograph as a JPEG under 5 MB; ratios map back to the original pixels', async () => {
    const image = noiseImage(3000, 2500);
    const scene = layWords(3000, 2500, 6, 8, { wordWidth: 140, wordHeight: 30 });
    const { client, calls } = fakeRekognition(image, scene);
    const found = await createRekognitionTextDetector({ client }).detect(image);
    expectEveryWord(found, scene);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ source: 'bytes', format: 'jpeg' });
    expect(calls[0].bytes).toBeLessThanOrEqual(5 * 1024 * 1024);
  });

  it('reads a 3000x2500 radiograph holding 150 words: tiles, S3 where a tile is still over 5 MB, every word once', async () => {
    const image = noiseImage(3000, 2500);
    const scene = layWords(3000, 2500, 25, 6, { wordWidth: 160, wordHeight: 28 });
    const { staging, objects } = fakeStaging();
    const { client, calls } = fakeRekognition(image, scene, objects);
    const found = await createRekognitionTextDetector({ client, staging }).detect(image);
    expectEveryWord(found, scene);
    expect(found.filter((t) => t.kind === 'word')).toHaveLength(150);
    expect(calls.every((c) => c.words < 100 || c.region.width === 3000)).toBe(true);
    expect(objects.size).toBe(0);
  });

  it('pads an image under 80 px, and boxes stay in the original pixels', async () => {
    const image = noiseImage(120, 40);
    const scene: SceneWord[] = [{ text: 'DOE', box: { left: 5, top: 10, width: 30, height: 14 }, line: 0, confidence: 97 }];
    const { client, calls } = fakeRekognition(image, scene);
    const found = await createRekognitionTextDetector({ client }).detect(image);
    expect(calls[0]).toMatchObject({ width: 120, height: 80, region: { left: 0, top: 0, width: 120, height: 40 } });
    expectEveryWord(found, scene);
  });

  it('sends Filters.WordFilter.MinConfidence', async () => {
    const image = noiseImage(300, 200);
    const scene = layWords(300, 200, 2, 2);
    scene[0].confidence = 20;
    const { client, mock, calls } = fakeRekognition(image, scene);
    const found = await createRekognitionTextDetector({ client, minConfidence: 30 }).detect(image);
    expect(mock.commandCalls(DetectTextCommand)[0].args[0].input.Filters).toEqual({ WordFilter: { MinConfidence: 30 } });
    expect(calls[0].minConfidence).toBe(30);
    expect(found.filter((t) => t.kind === 'word').map((w) => w.text)).not.toContain(scene[0].text);
  });

  it('fails the image rather than lose words when a small region still answers near 100 words', async () => {
    const image = noiseImage(300, 300);
    const scene = layWords(300, 300, 20, 6, { wordWidth: 36, wordHeight: 8, margin: 2 });
    const { client, calls } = fakeRekognition(image, scene);
    await expect(createRekognitionTextDetector({ client }).detect(image)).rejects.toThrow(/100 words in a 300x300 region, near DetectText's limit of 100.*cannot be sure every word was read/);
    expect(calls).toHaveLength(1);
  });

  it('reports the service\'s own exceptions with the engine name and keeps them as the cause', async () => {
    const image = noiseImage(200, 100);
    const { client, mock } = fakeRekognition(image, []);
    const invalid = new InvalidImageFormatException({ message: 'Request has unsupported image format', $metadata: { httpStatusCode: 400 } });
    mock.on(DetectTextCommand).rejects(invalid);
    const error = await createRekognitionTextDetector({ client }).detect(image).catch((e: Error) => e);
    expect((error as Error).message).toMatch(/^\[deid\] \[rekognition\] DetectText failed on a 200x100 image: Request has unsupported image format/);
    expect((error as Error).cause).toBe(invalid);
    const session = new AwsSession();
    mock.on(DetectTextCommand).rejects(new ThrottlingException({ message: 'Rate exceeded', $metadata: { httpStatusCode: 400 } }));
    await expect(createRekognitionTextDetector({ client, session }).detect(image)).rejects.toThrow(/Rate exceeded/);
    expect(session.stopped).toBeUndefined(); // throttling fails the file, never the run
  });
});

describe('Rekognition staging', () => {
  it('fails the image, naming the object, when a staged rendering cannot be deleted', async () => {
    const image = noiseImage(3000, 2500);
    const { staging, objects } = fakeStaging();
    const stuck: ImageStaging = {
      location: staging.location,
      async put(bytes) {
        const placed = await staging.put(bytes);
        return { ...placed, remove: async () => Promise.reject(new Error('AccessDenied')) };
      },
    };
    const { client } = fakeRekognition(image, [], objects);
    await expect(createRekognitionTextDetector({ client, staging: stuck }).detect(image)).rejects.toThrow(
      /could not delete the rendering staged at s3:\/\/de-id-dst\/out\.deid-staging\/0\.png; .*delete it by hand: AccessDenied/,
    );
  });
});
