/**
 * Local text detection with Debian's native tesseract (libtesseract through python3-tesserocr,
 * installed by `npm run setup`): the same regions, scales, polarities and merging as the
 * tesseract.js engine (`tesseract.ts`), read by the native library — several times faster than
 * WebAssembly — with the same model (the `4.0.0_best_int` English traineddata of
 * `@tesseract.js-data/eng`, unpacked once). One long-lived reader process per detector, fed every
 * page of an image in one request, so the model is loaded once, not per image.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { gunzipSync } from 'node:zlib';
import { engineError } from '../errors.js';
import { python } from './native-probe.js';
import type { TextDetector } from '../types.js';
import type { PageRecognizer, RecognizedPage, RecognizerSettings } from './page.js';
import { createLocalTextDetector, type LocalTextDetectorOptions } from './tesseract.js';

const ENGINE = 'tesseract-native';

/**
 * The reader: a request is one JSON line (its id and each page's size) followed by the pages' raw
 * 8-bit grey pixels, back to back (no base64, no PNG: nothing to encode or decode); the reply is one
 * JSON line of tesseract's TSV per page. A page may name its own page segmentation mode (`psm`).
 * Parameters as the tesseract.js engine sets them.
 */
const READER = String.raw`
import json, sys
import tesserocr
args = json.loads(sys.argv[1])
api = tesserocr.PyTessBaseAPI(path=args['tessdata'], lang='eng', psm=int(args['psm']), oem=tesserocr.OEM.LSTM_ONLY)
mode = int(args['psm'])
inverting = '1'
for name, value in (('preserve_interword_spaces', '0'), ('user_defined_dpi', '300'), ('debug_file', '/dev/null')):
    api.SetVariable(name, value)
sys.stdout.write(json.dumps({'ready': tesserocr.tesseract_version().split()[1]}) + '\n')
sys.stdout.flush()
source = sys.stdin.buffer
while True:
    line = source.readline()
    if not line:
        break
    request = json.loads(line)
    sizes = [page['width'] * page['height'] for page in request['pages']]
    pixels = source.read(sum(sizes))
    try:
        if len(pixels) != sum(sizes):
            raise ValueError('the request ended before its pixels')
        tsv = []
        offset = 0
        for page, size in zip(request['pages'], sizes):
            wanted = int(page.get('psm', args['psm']))
            if wanted != mode:
                api.SetPageSegMode(wanted)
                mode = wanted
            invert = '0' if page.get('oriented') else '1'
            if invert != inverting:
                api.SetVariable('tessedit_do_invert', invert)
                inverting = invert
            api.SetImageBytes(pixels[offset:offset + size], page['width'], page['height'], 1, page['width'])
            offset += size
            api.SetSourceResolution(300)
            api.Recognize()
            tsv.append(api.GetTSVText(0))
        reply = {'id': request['id'], 'tsv': tsv}
    except Exception as error:
        reply = {'id': request['id'], 'error': str(error)[:300]}
    sys.stdout.write(json.dumps(reply) + '\n')
    sys.stdout.flush()
`;

/** The gzipped traineddata unpacked once into a folder of the temporary directory, named by its digest. */
function unpackedTessdata(langPath: string): string {
  const plain = join(langPath, 'eng.traineddata');
  if (existsSync(plain)) return langPath;
  const packed = readFileSync(join(langPath, 'eng.traineddata.gz'));
  const dir = join(tmpdir(), `deid-kit-tessdata-${createHash('sha256').update(packed).digest('hex').slice(0, 16)}`);
  const file = join(dir, 'eng.traineddata');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, gunzipSync(packed));
    renameSync(temporary, file);
  }
  return dir;
}

/** Tesseract's TSV (level, page, block, paragraph, line, word, left, top, width, height, conf, text) as grouped words. */
export function pageFromTsv(tsv: string): RecognizedPage {
  type Line = { words: Array<{ text: string; confidence: number; bbox: { x0: number; y0: number; x1: number; y1: number } }> };
  const blocks = new Map<string, Map<string, Map<string, Line>>>();
  for (const row of tsv.split('\n')) {
    const f = row.split('\t');
    if (f.length < 12 || f[0] !== '5') continue;
    const [, , block, paragraph, line] = f;
    const [left, top, width, height, conf] = f.slice(6, 11).map(Number);
    const text = f.slice(11).join('\t');
    const paragraphs = blocks.get(block) ?? new Map<string, Map<string, Line>>();
    blocks.set(block, paragraphs);
    const lines = paragraphs.get(paragraph) ?? new Map<string, Line>();
    paragraphs.set(paragraph, lines);
    const words = lines.get(line) ?? { words: [] };
    lines.set(line, words);
    words.words.push({ text, confidence: conf, bbox: { x0: left, y0: top, x1: left + width, y1: top + height } });
  }
  return { blocks: [...blocks.values()].map((paragraphs) => ({ paragraphs: [...paragraphs.values()].map((lines) => ({ lines: [...lines.values()] })) })) };
}

/** A recognizer running native tesseract in a long-lived reader process, started on first use. */
export function nativeRecognizer(settings: RecognizerSettings): PageRecognizer {
  let reader: Promise<{ child: ChildProcessWithoutNullStreams; replies: Map<number, (reply: { tsv?: string[]; error?: string }) => void> }> | undefined;
  let nextId = 1;
  let closed = false;
  const start = () => {
    reader ??= new Promise((resolve, reject) => {
      const tessdata = unpackedTessdata(settings.langPath);
      // One thread per reader: each worker of a run has its own reader.
      const child = spawn(python(), ['-u', '-c', READER, JSON.stringify({ tessdata, psm: settings.pageSegMode })], {
        env: { ...process.env, OMP_THREAD_LIMIT: '1' },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      const replies = new Map<number, (reply: { tsv?: string[]; error?: string }) => void>();
      let stderr = '';
      let ready = false;
      const fail = (why: string) => {
        const error = engineError(ENGINE, why);
        if (!ready) reject(error);
        for (const answer of replies.values()) answer({ error: why });
        replies.clear();
        reader = undefined;
      };
      child.stderr.on('data', (chunk) => (stderr = `${stderr}${chunk}`.slice(-2000)));
      child.on('error', (error) => fail(`could not start native tesseract (${python()}): ${error.message}`));
      child.on('exit', (code, signal) => {
        if (!closed) fail(`native tesseract stopped (${signal ?? `exit ${code}`}): ${stderr.trim().split('\n').pop() ?? ''}`);
      });
      createInterface({ input: child.stdout }).on('line', (line) => {
        let message: { ready?: string; id?: number; tsv?: string[]; error?: string };
        try {
          message = JSON.parse(line) as typeof message;
        } catch {
          return;
        }
        if (message.ready) {
          ready = true;
          resolve({ child, replies });
          return;
        }
        const answer = message.id === undefined ? undefined : replies.get(message.id);
        if (answer) {
          replies.delete(message.id!);
          answer(message);
        }
      });
    });
    return reader;
  };

  return {
    async start() {
      await start();
    },
    async recognize(pages, what) {
      const { child, replies } = await start();
      for (const page of pages) {
        if (page.data.length !== page.width * page.height) throw engineError(ENGINE, `a page of ${what} has ${page.data.length} bytes, not ${page.width}x${page.height}`);
      }
      const id = nextId++;
      const reply = await new Promise<{ tsv?: string[]; error?: string }>((resolve) => {
        replies.set(id, resolve);
        // The header and every page in one synchronous run of writes: requests never interleave.
        child.stdin.write(`${JSON.stringify({ id, pages: pages.map(({ width, height, pageSegMode, oriented }) => ({ width, height, ...(pageSegMode ? { psm: pageSegMode } : {}), ...(oriented ? { oriented } : {}) })) })}\n`);
        for (const page of pages) child.stdin.write(Buffer.from(page.data.buffer, page.data.byteOffset, page.data.byteLength));
      });
      if (reply.error || !reply.tsv || reply.tsv.length !== pages.length) throw engineError(ENGINE, `OCR failed on ${what}: ${reply.error ?? 'no answer for every page'}`);
      return reply.tsv.map(pageFromTsv);
    },
    async close() {
      closed = true;
      const pending = reader;
      reader = undefined;
      if (!pending) return;
      try {
        const { child } = await pending;
        child.stdin.end();
        await new Promise((resolve) => {
          child.once('exit', resolve);
          setTimeout(() => {
            child.kill('SIGKILL');
            resolve(undefined);
          }, 2000).unref();
        });
      } catch {
        // A reader that failed to start has nothing to end.
      }
    },
  };
}

/**
 * Creates the local OCR engine on native tesseract (see the module comment); the options are those
 * of the tesseract.js engine. Throws `[deid] [tesseract-native] …` errors when OCR fails; callers
 * must then fail the file closed. Check `nativeTesseractAvailable` (`native-probe.ts`) first.
 */
export function createNativeTextDetector(options: Omit<LocalTextDetectorOptions, 'recognizer' | 'name'> = {}): TextDetector & { close(): Promise<void> } {
  return createLocalTextDetector({ ...options, recognizer: nativeRecognizer, name: 'local:tesseract-native' });
}
