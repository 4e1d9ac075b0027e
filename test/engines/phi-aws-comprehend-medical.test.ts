import { ComprehendMedicalClient, DetectPHICommand, type DetectPHICommandInput } from '@aws-sdk/client-comprehendmedical';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { createComprehendMedicalPhiDetector } from '../../lib/engines/aws/comprehend-medical.js';

/** A DetectPHI mock that reports names with the service's offsets: Unicode code points. */
function comprehendMedical() {
  const client = new ComprehendMedicalClient({ region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' } });
  const mock = mockClient(client);
  mock.on(DetectPHICommand).callsFake(({ Text }: DetectPHICommandInput) => {
    const text = Text!;
    const cp = (i: number) => [...text.slice(0, i)].length;
    const Entities = [...text.matchAll(/HOLT MARA/g)].map((m) => ({ Type: 'NAME', Category: 'PROTECTED_HEALTH_INFORMATION', Score: 0.99, BeginOffset: cp(m.index!), EndOffset: cp(m.index! + m[0].length) }));
    return { Entities };
  });
  return { client, mock };
}

describe('Comprehend Medical PHI detector', () => {
  it('reads offsets as code points, so a name after an emoji is cut right', async () => {
    const { client, mock } = comprehendMedical();
    const detector = createComprehendMedicalPhiDetector({ client });
    const findings = await detector.detect([{ text: '🙂🙂 note' }, { text: 'seen by HOLT MARA today' }], { values: [] });
    expect(findings.map((f) => [f.text, f.category])).toEqual([['HOLT MARA', 'A']]);
    expect(mock.commandCalls(DetectPHICommand)).toHaveLength(1);
  });
});
