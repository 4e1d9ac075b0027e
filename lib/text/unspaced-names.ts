/**
 * Names in Chinese, Japanese, Korean and Thai free text after a cue word, where no header value names them: after a
 * name label (`姓名：王秀兰`, `이름: 김민지`, `ชื่อ สมศรี`, or a relative's word and a colon: `付き添い：山田太郎`) the
 * name that follows, after a relative or companion (`家属张伟陪同`, `보호자 박지수 동반`: the rules' kinship cues in these
 * scripts) a name that begins with a common family name. These scripts write no capital letters and Han none of its spaces, so a name is known by its cue, its
 * family name and its length (Chinese names two or three characters, Korean ones two to four syllables); Korean
 * particles and honorifics glued after it stay (`님`, `씨`, `가`). Linear: a bounded look after each cue.
 */
import { isUnspaced } from './scripts.js';
import type { NameSpan } from './names.js';

/** Labels of a name: whatever follows them is one. */
const NAME_LABELS = ['患者姓名', '姓名', '名字', '氏名', '名前', '성명', '이름', '환자명', 'ชื่อ-สกุล', 'ชื่อ'];

/** The most common Chinese family names (single characters, and compound ones) that begin a name after a cue. */
const HAN_FAMILY = new Set(Array.from('王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖萧蕭田董袁潘蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈夏韦韋付白邹鄒孟熊秦邱江尹薛阎閻段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵钱錢严嚴覃武戴莫孔汤湯'));
const HAN_COMPOUND_FAMILY = ['欧阳', '歐陽', '司马', '司馬', '诸葛', '諸葛', '上官', '东方', '東方', '皇甫', '尉迟', '公孙', '公孫', '令狐', '慕容', '司徒'];
/** Common words that begin with a family name's character (`陈述` a statement, `黄疸` jaundice, `许多` many): no name. */
const HAN_WORDS = ['陈述', '黄疸', '许多', '许可', '周围', '周边', '周期', '白天', '白细胞', '石膏', '余下', '程度', '任何', '严重', '严格', '范围', '陆续', '苏醒', '马上', '金属', '曾经', '付费', '付款', '夏季', '叶酸', '毛发', '钟点', '罗列'];
/** Words that often follow a name in a note (`陪同`, `女士`, `来院`): the name ends before them. */
const HAN_AFTER_NAME = ['陪同', '陪护', '女士', '先生', '小姐', '同志', '医生', '护士', '老师', '来院', '到院', '在场', '签字', '签名', '同意', '表示', '告知', '知情', '电话', '手机', '联系', '要求', '代诉', '代述', '诉', '称', '说', '的', '已', '于', '在', '是', '和', '与', '及', '等', '（', '(', '，', '。', '、', '；', '：'];
/** The most common Korean family names. */
const HANGUL_FAMILY = new Set(Array.from('김이박최정강조윤장임한오서신권황안송류유전홍고문양손배백허남심노하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉사부황'));
/** Korean particles and honorifics glued after a name. */
const HANGUL_ENDINGS = /(?:님|씨|께서|에게|한테|으로|로|가|이|은|는|을|를|와|과|의|도|만|랑)$/u;

/** True for a Han character (no Kana, Hangul or Thai). */
const han = (c: string | undefined) => !!c && /\p{scx=Han}/u.test(c) && !/[\p{scx=Hiragana}\p{scx=Katakana}]/u.test(c);
const hangul = (c: string | undefined) => !!c && /\p{scx=Hangul}/u.test(c);
const thai = (c: string | undefined) => !!c && /\p{sc=Thai}/u.test(c);

/** Marks between a cue and the name (`家属：`, `보호자 `, `姓名: `). */
const LINK = /^[\s:：,，(（)）-]{0,3}/u;
/** A colon after a kinship cue makes it a label (`家属：`, `付き添い：`): any name follows, as after `姓名`. */
const COLON = /^\s?[:：]/u;

/**
 * The names cue words give in Han, Hangul and Thai text (see the module comment). `kinshipCues` are the rules'
 * kinship cues, lower case; those written in these scripts count here.
 *
 * @example findUnspacedCuedNames('家属张伟陪同', new Set(['家属'])) // one span: `张伟`
 */
export function findUnspacedCuedNames(text: string, kinshipCues: ReadonlySet<string>): NameSpan[] {
  if (!UNSPACED_TEXT.test(text)) return [];
  const cues = unspacedCues(kinshipCues);
  const spans: NameSpan[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!isUnspaced(text[i])) continue;
    const cue = cues.find((c) => text.startsWith(c.word, i));
    if (!cue) continue;
    const at = i + cue.word.length;
    const start = at + (LINK.exec(text.slice(at, at + 3))?.[0].length ?? 0);
    const name = nameAt(text, start, cue.label || COLON.test(text.slice(at, at + 2)));
    if (name) {
      spans.push(name);
      i = name.end - 1;
    } else i = at - 1;
  }
  return spans;
}

/** A Han, Hangul or Thai character anywhere: most texts hold none and cost one test. */
const UNSPACED_TEXT = /[\u0e00-\u0eff\u1000-\u11ff\u1780-\u17ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff]/u;

/** The cues in these scripts, longest first (`患者姓名` before `姓名`), remembered per list of kinship cues. */
const cueLists = new WeakMap<ReadonlySet<string>, Array<{ word: string; label: boolean }>>();
function unspacedCues(kinshipCues: ReadonlySet<string>): Array<{ word: string; label: boolean }> {
  let list = cueLists.get(kinshipCues);
  if (!list) {
    list = [...NAME_LABELS.map((word) => ({ word, label: true })), ...[...kinshipCues].filter((w) => isUnspaced(w[0])).map((word) => ({ word, label: false }))];
    list.sort((a, b) => b.word.length - a.word.length);
    cueLists.set(kinshipCues, list);
  }
  return list;
}

/** The name that begins at `start`, if one does: after a label any name, after a kinship cue one led by a family name. */
function nameAt(text: string, start: number, label: boolean): NameSpan | undefined {
  const c = text[start];
  if (han(c)) {
    const compound = HAN_COMPOUND_FAMILY.some((f) => text.startsWith(f, start));
    if (!label && !compound && (!HAN_FAMILY.has(c) || HAN_WORDS.some((w) => text.startsWith(w, start)))) return undefined;
    // Two or three characters (four after a compound family name or a label: Japanese names run to four), ending before a
    // word that follows names.
    const longest = compound || label ? 4 : 3;
    let end = start;
    while (end - start < longest && han(text[end]) && (end - start < 2 || !HAN_AFTER_NAME.some((w) => text.startsWith(w, end)))) end++;
    return end - start >= 2 ? { begin: start, end } : undefined;
  }
  if (hangul(c)) {
    let end = start;
    while (end - start < 6 && hangul(text[end])) end++;
    let word = text.slice(start, end);
    // The particle or honorific glued after the name stays (`김민지님`, `박지수가`).
    const ending = HANGUL_ENDINGS.exec(word);
    if (ending && word.length - ending[0].length >= 2) word = word.slice(0, word.length - ending[0].length);
    if (word.length < 2 || word.length > 4 || (!label && !HANGUL_FAMILY.has(word[0]))) return undefined;
    return { begin: start, end: start + word.length };
  }
  if (thai(c) && label) {
    // The given name, and the family name after one space (`สมศรี ใจดี`).
    let end = start;
    while (end - start < 30 && thai(text[end])) end++;
    if (text[end] === ' ' && thai(text[end + 1])) for (end++; end - start < 60 && thai(text[end]); ) end++;
    return end - start >= 2 ? { begin: start, end } : undefined;
  }
  return undefined;
}
