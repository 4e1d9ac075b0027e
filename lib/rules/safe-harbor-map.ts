import type { SafeHarborCategory } from '../safe-harbor.js';

/** Free text may hold a name, a place, a date, a phone number or any other identifier. */
const FREE_TEXT: SafeHarborCategory[] = ['A', 'B', 'C', 'D', 'R'];

/** Explicit letters for attributes the name-based guess would get wrong or too vaguely. */
const OVERRIDES: Record<string, SafeHarborCategory[]> = {
  '00100020': ['H'], // Patient ID: the medical record number in most sites
  '00101000': ['H'],
  '00101002': ['H'],
  '00101090': ['H'],
  '00100021': ['H'],
  '00101010': ['C'], // Patient's Age: ages over 89
  '00100030': ['C'],
  '00100032': ['C'],
  '00101100': ['Q'], // Referenced Patient Photo Sequence
  '00880200': ['Q', 'A', 'C'], // Icon Image Sequence: a thumbnail may show the face or burned-in text
  '50XXXXXX': ['A', 'C', 'R'],
  '60XX3000': ['A', 'C', 'R'],
  '60XX4000': FREE_TEXT,
  '00080080': ['B'],
  '00080082': ['B'],
  '00102154': ['D'],
  '00102155': ['D', 'E', 'F', 'N'],
  '00401104': ['D', 'E', 'F', 'N'],
  '00402011': ['D', 'E', 'F', 'N'],
  '00101050': ['I'],
  '00100050': ['I'],
  '00080050': ['R'],
  '00380010': ['J'],
  '00380060': ['J'],
  '00120082': ['K'],
  'FFFAFFFA': ['R'],
  'FFFCFFFC': ['R'],
  '04000404': ['R'],
};

/**
 * Guesses the Safe Harbor identifiers (45 CFR 164.514(b)(2)(i)(A)–(R)) an attribute can carry,
 * from its tag and name. Used to write the default rules file; the file is the place to correct it.
 */
export function safeHarborFor(tag: string, name: string): SafeHarborCategory[] {
  const override = OVERRIDES[tag.toUpperCase()];
  if (override) return override;
  const n = name;
  if (/GPS|Address|Location|Residence|Region|Country|Institution|Department|Geographic/i.test(n)) return ['B'];
  if (/Telephone|Phone|Telecom/i.test(n)) return ['D'];
  if (/Device UID|Device Class UID/i.test(n)) return ['M'];
  if (/UID/.test(n)) return ['R'];
  if (/Serial|Device|Station|Detector|Gantry|Generator|Plate ID|Cassette|Lens|Camera|Source Manufacturer|Treatment Machine|Transducer|UDI|X-Ray Source|AE Title/i.test(n)) return ['M'];
  if (/Insurance/i.test(n)) return ['I'];
  if (/Patient's Name|Birth Name|Patient Names|Physician|Performer|Observer|Operator|Person|Author|Recorder|Transcriber|Reviewer|Interpreter|Owner|Entered By|Participant|Content Creator|Recipients|Distribution Name|Verbal Source|Approver|Custodial|Sponsor|Organization|Committee|Coordinating/i.test(n)) {
    return /Sequence|Identification/i.test(n) ? ['A', 'R'] : ['A'];
  }
  if (/Photo/i.test(n)) return ['Q'];
  if (/Date|Time(?! Point)|Timestamp|Timezone/i.test(n)) return ['C'];
  if (/Description|Comment|Notes|Narrative|Label|Text|History|Impressions|Reason|Diagnos|Keywords|Subject|Title|Occupation|Protocol Name|Alerts|Allergies|Needs|Patient State|Medication|Maker Note|Name|Contrast|Treatment Site|Content Sequence|Context Sequence|Preparation|Request Attributes|Graphic|Arbitrary/i.test(n)) return FREE_TEXT;
  return ['R'];
}
