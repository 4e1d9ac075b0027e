/** A run's defaults, apart from the recipe, so a command line can show them without loading the steps. */
import type { EngineName } from '../engines/names.js';

/** The rules file used when none is given (relative to the working folder). */
export const DEFAULT_RULES_PATH = 'configs/de-id/de_id_rules_auto.yaml';
/** The state folder (secret and identity maps) used when none is given; keep it out of shared output. */
export const DEFAULT_STATE_DIR = '.deid-state';
/** The detection engine used when none is given: fully offline. */
export const DEFAULT_ENGINE: EngineName = 'local';
/** Pixels added around each redaction box. */
export const DEFAULT_PADDING = 3;
/** The text engines a run may ask for; `auto` is native tesseract when it is installed, else tesseract.js. */
export const TEXT_ENGINE_CHOICES = ['auto', 'tesseract.js', 'tesseract-native'] as const;
