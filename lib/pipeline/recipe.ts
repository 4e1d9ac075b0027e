/**
 * The recipe: the one place that says which steps a run has, in which order, with which defaults and
 * detectors. The local runner (`deidentifyFiles`), the evaluation runner (`evaluateFiles`) and the
 * notebook façade (`createProcessor`) all take their steps and detectors from here (after unified's
 * `use()`: the step list is assembled once and every file reuses it). The detectors' engines are
 * loaded when a detector is made, so a run without pixels never loads OCR or image code.
 */
import { createRequire } from 'node:module';
import { isMainThread } from 'node:worker_threads';
import type { AwsSession } from '../engines/aws/session.js';
import { nativeTesseractAvailable } from '../engines/local/native-probe.js';
import type { EngineName } from '../engines/names.js';
import type { IdentityContext, ImageStaging, PhiDetector, TextDetector } from '../engines/types.js';
import type { Step } from '../file.js';
import type { Rules } from '../rules/types.js';
import type { StateStore } from '../state/store.js';
import { deidentifyMetadata } from '../steps/deidentify-metadata.js';
import { evaluateMetadata, matchOriginal } from '../steps/evaluate-metadata.js';
import { evaluatePixels } from '../steps/evaluate-pixels.js';
import { inspectContent } from '../steps/inspect-content.js';
import { parseDicom } from '../steps/parse.js';
import { cleanPixels, skipPixels } from '../steps/pixels.js';
import { redactRemaining } from '../steps/redact-remaining.js';
import { encodeDeidentified, saveDeidentified } from '../steps/save.js';
import { verifyClean } from '../steps/verify-clean.js';
import { verifyMetadata } from '../steps/verify-metadata.js';
import type { ObjectStorage } from '../storage/types.js';
import { DEFAULT_PADDING, TEXT_ENGINE_CHOICES } from './defaults.js';

export { DEFAULT_ENGINE, DEFAULT_PADDING, DEFAULT_RULES_PATH, DEFAULT_STATE_DIR, TEXT_ENGINE_CHOICES } from './defaults.js';

/**
 * Loads a module of the engines when a detector is first made (a run without pixels never loads OCR
 * or image code). From the TypeScript sources in a pool's worker thread, modules come through tsx's
 * `require` hook (Node 20 runs no ESM loader hooks in worker threads), so such a load goes that way too.
 */
function load<T>(specifier: string): Promise<T> {
  if (!isMainThread && import.meta.url.endsWith('.ts')) return Promise.resolve(createRequire(import.meta.url)(specifier) as T);
  return import(specifier) as Promise<T>;
}

/** Which OCR program the local engine reads pixels with: tesseract.js (WebAssembly, always there) or Debian's tesseract. */
export type TextEngineChoice = 'tesseract.js' | 'tesseract-native';

/** Resolves `auto` (the default): native tesseract when installed (`npm run setup` installs it), else tesseract.js. */
export function chooseTextEngine(requested: (typeof TEXT_ENGINE_CHOICES)[number] = 'auto'): TextEngineChoice {
  if (requested !== 'auto') return requested;
  return nativeTesseractAvailable() ? 'tesseract-native' : 'tesseract.js';
}

/** What the `aws` engine's detectors share with the rest of the run: the session (profile, region, usage) and Rekognition's staging. */
export interface RecipeAws {
  session?: AwsSession;
  staging?: ImageStaging;
}

/**
 * The text detector of an engine: tesseract locally (tesseract.js, or Debian's with `textEngine`),
 * Rekognition DetectText with AWS. Rekognition drops words under half the rules' threshold, the
 * lowest confidence any local rule trusts a word at.
 */
export async function recipeTextDetector(engine: EngineName, rules: Rules, options: RecipeAws & { textEngine?: TextEngineChoice } = {}): Promise<TextDetector> {
  // A run reads images right after it opens: its OCR program starts while the run gets ready.
  if (options.textEngine === 'tesseract-native' && engine !== 'aws') return (await load<typeof import('../engines/local/tesseract-native.js')>('../engines/local/tesseract-native.js')).createNativeTextDetector({ warm: true });
  const { createTextDetector } = await load<typeof import('../engines/index.js')>('../engines/index.js');
  if (engine === 'aws') return createTextDetector({ engine: 'aws', session: options.session, staging: options.staging, minConfidence: rules.confidenceThreshold / 2 });
  return createTextDetector({ warm: true });
}

/**
 * The detector for burned-in text during de-identification: the rules' regexes, keep-list and threshold
 * locally; with AWS, Comprehend Medical's findings joined with that same local evidence.
 */
export async function recipePixelPhiDetector(engine: EngineName, rules: Rules, aws: RecipeAws = {}): Promise<PhiDetector> {
  const local = { regex: rules.regex, keepList: rules.pixelKeepList, confidenceThreshold: rules.confidenceThreshold, vocabulary: rules.clinicalVocabulary, staffRoles: rules.staffRoles };
  const { createPhiDetector } = await load<typeof import('../engines/index.js')>('../engines/index.js');
  return createPhiDetector(engine === 'aws' ? { engine: 'aws', session: aws.session, confidenceThreshold: rules.confidenceThreshold, local } : local);
}

/**
 * The evaluation's detector: independent of the rules' regexes (so it does not share their blind spots)
 * locally; with AWS, Comprehend Medical's findings joined with that same local detector's.
 */
export async function recipeEvaluationPhiDetector(engine: EngineName, rules: Rules, aws: RecipeAws = {}): Promise<PhiDetector> {
  const local = { keepList: rules.pixelKeepList, vocabulary: rules.clinicalVocabulary, staffRoles: rules.staffRoles };
  const [{ createPhiDetector }, { createLocalPhiDetector }] = await Promise.all([load<typeof import('../engines/index.js')>('../engines/index.js'), load<typeof import('../engines/local/phi.js')>('../engines/local/phi.js')]);
  return engine === 'aws' ? createPhiDetector({ engine: 'aws', session: aws.session, confidenceThreshold: rules.confidenceThreshold, local }) : createLocalPhiDetector(local);
}

/** What {@link deidentificationSteps} needs. */
export interface DeidentificationRecipe {
  rules: Rules;
  state: StateStore;
  /**
   * Where de-identified files are written; without it the last step only encodes them
   * (`file.data.outputBytes` under `file.data.outputPath`) for the runner to write in input order.
   */
  storage?: ObjectStorage;
  /** Detectors for burned-in text, or `false` to skip the pixels (`--no-pixels`: overlays still go). */
  pixels: { textDetector: TextDetector; phiDetector: PhiDetector } | false;
  /** Pixels added around each box (default: {@link DEFAULT_PADDING}). */
  padding?: number;
  /** Accept rules that leave Basic Profile attributes identifying; outputs are then marked Patient Identity Removed = NO. */
  allowIncompleteRules?: boolean;
}

/**
 * The de-identification steps: parse, refuse or strip content the kit cannot inspect, metadata,
 * verify no Basic Profile value is left, pixels (or their skip), save (or encode) under pseudonymous names.
 */
export function deidentificationSteps(recipe: DeidentificationRecipe): Step[] {
  const { rules, state, allowIncompleteRules } = recipe;
  const pixels = recipe.pixels ? cleanPixels({ ...recipe.pixels, padding: recipe.padding ?? DEFAULT_PADDING, unreadLines: rules.pixelUnreadLines === 'fill' }) : skipPixels();
  return [
    parseDicom(),
    inspectContent(),
    deidentifyMetadata({ rules, state, allowIncompleteRules }),
    verifyMetadata({ rules, allowIncompleteRules }),
    pixels,
    recipe.storage ? saveDeidentified({ storage: recipe.storage, state }) : encodeDeidentified({ state }),
  ];
}

/** What {@link evaluationSteps} needs. */
export interface EvaluationRecipe {
  rules: Rules;
  state: StateStore;
  /** Where evaluated (and, where needed, further redacted) files are written. */
  storage: ObjectStorage;
  /** The evaluation's PHI detector ({@link recipeEvaluationPhiDetector}). */
  phiDetector: PhiDetector;
  /** The text detector for the pixels, or `false` not to check them again. */
  textDetector: TextDetector | false;
  /** Identities of the originals by the SOP Instance UID of their de-identified copies (optional). */
  identities?: ReadonlyMap<string, IdentityContext>;
  /** Pixels added around each box (default: {@link DEFAULT_PADDING}). */
  padding?: number;
}

/** The evaluation steps: parse, match the original, judge header and pixels, redact what remains, check the header again, save. */
export function evaluationSteps(recipe: EvaluationRecipe): Step[] {
  const { rules, state, phiDetector } = recipe;
  return [
    parseDicom(),
    matchOriginal(recipe.identities),
    evaluateMetadata({ phiDetector, rules, state }),
    ...(recipe.textDetector ? [evaluatePixels({ textDetector: recipe.textDetector, phiDetector, unreadLines: rules.pixelUnreadLines === 'fill' })] : []),
    redactRemaining({ rules, padding: recipe.padding ?? DEFAULT_PADDING }),
    verifyClean({ phiDetector, rules, state, textDetector: recipe.textDetector || undefined }),
    saveDeidentified({ storage: recipe.storage }),
  ];
}
