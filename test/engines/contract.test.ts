import { ComprehendClient, DetectPiiEntitiesCommand } from '@aws-sdk/client-comprehend';
import { ComprehendMedicalClient, DetectPHICommand } from '@aws-sdk/client-comprehendmedical';
import { DetectTextCommand, RekognitionClient } from '@aws-sdk/client-rekognition';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { createPhiDetector, createTextDetector } from '../../lib/engines/index.js';
import { withLocalEvidence } from '../../lib/engines/aws/with-local-evidence.js';
import { createComprehendPiiDetector } from '../../lib/engines/aws/comprehend.js';
import { createComprehendMedicalPhiDetector } from '../../lib/engines/aws/comprehend-medical.js';
import { createLocalPhiDetector } from '../../lib/engines/local/phi.js';
import { createRekognitionTextDetector } from '../../lib/engines/aws/rekognition.js';
import { createLocalTextDetector } from '../../lib/engines/local/tesseract.js';
import { phiDetectorContract, textDetectorContract } from './contract.js';
import { renderScene } from './synthetic-text.js';

const scene = async () =>
  (await renderScene({
    width: 400, height: 300, polarity: 'light-on-dark',
    texts: [{ text: 'NAKAMURA HIRO', x: 4, y: 16, size: 13, font: 'DejaVu Sans' }],
  })).image;

/** A Rekognition mock answering DetectText with ratio geometry, as the service does. */
function rekognition() {
  const client = new RekognitionClient({ region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' } });
  const mock = mockClient(client);
  const g = (Left: number, Top: number, Width: number, Height: number) => ({ BoundingBox: { Left, Top, Width, Height } });
  mock.on(DetectTextCommand).resolves({
    TextDetections: [
      { DetectedText: 'NAKAMURA HIRO', Type: 'LINE', Id: 0, Confidence: 99.1, Geometry: g(0.01, 0.01, 0.3, 0.05) },
      { DetectedText: 'NAKAMURA', Type: 'WORD', Id: 1, ParentId: 0, Confidence: 99.3, Geometry: g(0.01, 0.01, 0.2, 0.05) },
      { DetectedText: 'HIRO', Type: 'WORD', Id: 2, ParentId: 0, Confidence: 98.9, Geometry: g(0.22, 0.01, 0.09, 0.05) },
    ],
  });
  return { client, mock };
}

/** A Comprehend Medical mock that finds names and dates in the batched text, with real offsets. */
function comprehendMedical() {
  const client = new ComprehendMedicalClient({ region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' } });
  const mock = mockClient(client);
  mock.on(DetectPHICommand).callsFake(({ Text }: { Text: string }) => {
    const Entities = [];
    for (const [re, Type, Score] of [[/NAKAMURA HIRO|HOLT MARA/g, 'NAME', 0.99], [/\d{2}\/\d{2}\/\d{4}/g, 'DATE', 0.97], [/SUPINE/g, 'NAME', 0.4], [/\b\d{2} years\b/g, 'AGE', 0.99]] as const) {
      for (const m of Text.matchAll(re)) Entities.push({ BeginOffset: m.index, EndOffset: m.index + m[0].length, Text: m[0], Type, Score, Category: 'PROTECTED_HEALTH_INFORMATION' });
    }
    return { Entities };
  });
  return { client, mock };
}

/** A Comprehend DetectPiiEntities mock finding names and dates, with real offsets. */
function comprehendPii() {
  const client = new ComprehendClient({ region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' } });
  const mock = mockClient(client);
  mock.on(DetectPiiEntitiesCommand).callsFake(({ Text }: { Text: string }) => ({
    Entities: [[/NAKAMURA HIRO/g, 'NAME'], [/\d{2}\/\d{2}\/\d{4}/g, 'DATE_TIME']].flatMap(([re, Type]) =>
      [...Text.matchAll(re as RegExp)].map((m) => ({ Type: Type as 'NAME', Score: 0.99, BeginOffset: m.index, EndOffset: m.index + m[0].length })),
    ),
  }));
  return { client, mock };
}

describe('contract: local tesseract', () => textDetectorContract(() => createLocalTextDetector(), scene, ['NAKAMURA', 'HIRO']));
describe('contract: AWS Rekognition (mocked)', () => textDetectorContract(() => createRekognitionTextDetector({ client: rekognition().client }), scene, ['NAKAMURA', 'HIRO']));
describe('contract: local PHI', () => phiDetectorContract(() => createLocalPhiDetector()));
describe('contract: AWS Comprehend Medical (mocked)', () => phiDetectorContract(() => createComprehendMedicalPhiDetector({ client: comprehendMedical().client })));
describe('contract: AWS Comprehend Medical with the local evidence, as the aws engine runs it (mocked)', () =>
  phiDetectorContract(() => withLocalEvidence(createComprehendMedicalPhiDetector({ client: comprehendMedical().client }))));
describe('contract: AWS Comprehend PII (mocked)', () => phiDetectorContract(() => createComprehendPiiDetector({ client: comprehendPii().client })));

describe('AWS engines', () => {
  it('Rekognition: ratios become pixel boxes of the original image; identical frames are sent once', async () => {
    const { client, mock } = rekognition();
    const detector = createRekognitionTextDetector({ client });
    const image = await scene();
    const found = await detector.detect(image);
    expect(found.find((t) => t.text === 'HIRO')).toMatchObject({ kind: 'word', lineIndex: 0, box: { left: 88, top: 3, width: 36, height: 15 } });
    await detector.detect({ ...image });
    expect(mock.commandCalls(DetectTextCommand)).toHaveLength(1);
    const sent = mock.commandCalls(DetectTextCommand)[0].args[0].input.Image!.Bytes!;
    expect(Buffer.from(sent).subarray(1, 4).toString()).toBe('PNG');
  });

  it('Comprehend Medical: many spans go in one request, findings map back to their span, threshold max(0.85, t/100)', async () => {
    const { client, mock } = comprehendMedical();
    const detector = createComprehendMedicalPhiDetector({ client, confidenceThreshold: 60 });
    const spans = Array.from({ length: 50 }, (_, i) => ({ text: i === 37 ? 'HOLT MARA seen 03/02/2001, 93 years' : `SUPINE ${i}`, location: `tag ${i}` }));
    const findings = await detector.detect(spans, { values: [] });
    expect(mock.commandCalls(DetectPHICommand)).toHaveLength(1);
    expect(findings.map((f) => [f.text, f.category, f.location, f.begin])).toEqual([
      ['HOLT MARA', 'A', 'tag 37', 0],
      ['03/02/2001', 'C', 'tag 37', 15],
      ['93 years', 'C', 'tag 37', 27],
    ]);
  });

  it('Comprehend Medical: splits batches under the byte limit and says which call failed', async () => {
    const { client, mock } = comprehendMedical();
    const detector = createComprehendMedicalPhiDetector({ client, maxBytesPerRequest: 100 });
    await detector.detect(Array.from({ length: 10 }, (_, i) => ({ text: `line number ${i} of text` })), { values: [] });
    expect(mock.commandCalls(DetectPHICommand).length).toBeGreaterThan(1);
    for (const call of mock.commandCalls(DetectPHICommand)) expect(Buffer.byteLength(call.args[0].input.Text!)).toBeLessThanOrEqual(100);
    mock.on(DetectPHICommand).rejects(new Error('throttled'));
    await expect(detector.detect([{ text: 'x' }], { values: [] })).rejects.toThrow(/^\[deid\] \[comprehend-medical\] DetectPHI failed.*throttled/);
  });

  it('registry: local by default, aws only when chosen, unknown engines rejected', async () => {
    expect((await createPhiDetector()).name).toBe('local:phi');
    expect((await createPhiDetector({ engine: 'aws', client: comprehendMedical().client })).name).toBe('aws:comprehend-medical');
    const text = await createTextDetector({ engine: 'aws', client: rekognition().client });
    expect(text.name).toBe('aws:rekognition');
    const local = await createTextDetector();
    expect(local.name).toBe('local:tesseract');
    await local.close?.();
    await expect(createPhiDetector({ engine: 'cloud' } as never)).rejects.toThrow(/unknown PHI engine "cloud"/);
  });
});
