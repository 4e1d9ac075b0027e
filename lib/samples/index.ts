/** Synthetic medical-looking samples with fake identities burned in, and their ground truth. */
export { makeSample, type MakeSampleOptions, type Sample, type SampleTruth, type TruthToken, type PhiToken } from './make-sample.js';
export { SAMPLE_SPECS, type SampleSpec } from './specs.js';
export { makeFakeIdentity, toDicomName, formatDate, type FakeIdentity, type FakePerson } from './identity.js';
export { createRng, type Rng } from './rng.js';
export { formatFor, type SampleFormat, type SampleModality } from './format.js';
export { maskFromAlpha, unpackMask, maskPixels, GLYPH_ALPHA_THRESHOLD, type GlyphMask } from './mask.js';
export { availableFonts } from './text.js';
export { makeObjectSample, OBJECT_KINDS, type ObjectKind, type ObjectSample } from './objects.js';
