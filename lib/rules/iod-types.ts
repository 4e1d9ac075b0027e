/**
 * Attribute Types of PS3.3 (1, 1C, 2, 2C) per SOP class and per sequence, vendored from the
 * standard as dicom3tools encodes it (`dicom-types.json`, made by scripts/vendor-dicom-standard.ts).
 * De-identification asks it before removing or emptying anything, so that an output never loses
 * what its IOD requires (PS3.15 E.1: X/Z, X/D, Z/D resolve per Type).
 */
import data from './dicom-types.json' with { type: 'json' };

/** Types that constrain presence: `1`/`1C` need a value, `2`/`2C` need the element (maybe empty). */
export type AttributeType = '1' | '1C' | '2' | '2C';

const RANK: Record<AttributeType, number> = { '1': 4, '1C': 3, '2': 2, '2C': 1 };
const sopClasses = data.sopClasses as Record<string, Record<string, AttributeType>>;
const items = data.items as Record<string, Record<string, AttributeType>>;

let anyIod: Record<string, AttributeType> | undefined;
/** The strictest Type of each top-level attribute over every IOD: for SOP classes the table does not know. */
function strictestTopLevel(): Record<string, AttributeType> {
  if (anyIod) return anyIod;
  anyIod = {};
  for (const table of Object.values(sopClasses)) {
    for (const [tag, type] of Object.entries(table)) if (!anyIod[tag] || RANK[type] > RANK[anyIod[tag]]) anyIod[tag] = type;
  }
  return anyIod;
}

/**
 * The Type of an attribute where it stands: at the top level of an instance of `sopClassUid`, or
 * in an item of the sequence `parentSequence` (8 hex digits). Undefined for Type 3 or unknown.
 * An unknown SOP class gets the strictest Type any IOD gives the attribute (never too lax).
 *
 * @example attributeType('1.2.840.10008.5.1.4.1.1.88.11', undefined, '00080033') // '1' (SR Content Time)
 * @example attributeType(undefined, '0040A043', '00080100') // '1' (Code Value in a Concept Name Code Sequence)
 */
export function attributeType(sopClassUid: string | undefined, parentSequence: string | undefined, tag: string): AttributeType | undefined {
  const t = tag.toUpperCase();
  if (parentSequence) return items[parentSequence.toUpperCase()]?.[t];
  const table = (sopClassUid && sopClasses[sopClassUid.trim()]) || strictestTopLevel();
  return table[t];
}

/** True when the attribute must keep a value (Type 1 or 1C). */
export const needsValue = (type: AttributeType | undefined): boolean => type === '1' || type === '1C';
/** True when the attribute must stay present, maybe empty (Type 2 or 2C). */
export const needsPresence = (type: AttributeType | undefined): boolean => type === '2' || type === '2C';

let anywhere: Map<string, AttributeType> | undefined;
/**
 * The strictest Type an attribute has anywhere in the standard: at the top level of any IOD or in the
 * items of any sequence. Learning uses it to never propose removing what some IOD requires.
 *
 * @example strictestTypeAnywhere('00080100') // '1' (Code Value)
 */
export function strictestTypeAnywhere(tag: string): AttributeType | undefined {
  if (!anywhere) {
    anywhere = new Map();
    for (const table of [...Object.values(sopClasses), ...Object.values(items)]) {
      for (const [t, type] of Object.entries(table)) {
        const had = anywhere.get(t);
        if (!had || RANK[type] > RANK[had]) anywhere.set(t, type);
      }
    }
  }
  return anywhere.get(tag.toUpperCase());
}

/**
 * Elements of a coded entry (PS3.3 Code Sequence Macro) that name a concept of a coding scheme, not a
 * person: Code Value, Coding Scheme Designator and Version, Mapping Resource, Context Group Version,
 * Local Version and Extension Flag, Context Identifier, Context UID, Long and URN Code Value. Code Meaning
 * (0008,0104) is text and stays judged. Structural: emptying one breaks the code sequence.
 */
export const CODED_ENTRY_TAGS: ReadonlySet<string> = new Set(['00080100', '00080102', '00080103', '00080105', '00080106', '00080107', '0008010B', '0008010F', '00080117', '00080119', '00080120']);

/**
 * Code sequences whose code names a person or an organisation rather than a concept (PS3.3 C.12.1.1.7 Person
 * Identification Code Sequence: a staff member's employee number or licence; Institution Code Sequence; the issuer
 * codes of Other Patient IDs): Person Identification Code, Institution Code, Assigning Facility, Jurisdiction and Agency
 * Code Sequences. Their code is an identifier, so it is replaced by a dummy like any other ID, not kept as a concept.
 */
export const IDENTITY_CODE_SEQUENCES: ReadonlySet<string> = new Set(['00401101', '00080082', '00400036', '00400039', '0040003A']);

/** The parts of a coded entry that spell the code or its meaning: what an identity code sequence replaces by dummies. */
export const CODE_SPELLING_TAGS: ReadonlySet<string> = new Set(['00080100', '00080102', '00080104', '00080119', '00080120']);
