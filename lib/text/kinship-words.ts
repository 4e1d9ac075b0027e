/**
 * Relatives, carers and the people who speak for a patient: after one of these words a name may follow in
 * parentheses, after a comma, colon or dash, or after `is`/`named`/`called` (`daughter (Rosalind)`, `son, Tobias Hale,`,
 * `wife Mirela`, `guardian is nephew (Anselm)`). The default of the rules' `kinship_cues` (data a site can extend);
 * `-in-law`, `step-`, `great-` and `grand-` forms of each count too.
 */
const CURATED_KINSHIP_CUES: readonly string[] = [
  'daughter', 'son', 'wife', 'husband', 'partner', 'spouse', 'mother', 'father', 'mum', 'mom', 'dad', 'parent', 'brother', 'sister',
  'sibling', 'niece', 'nephew', 'grandson', 'granddaughter', 'grandchild', 'grandmother', 'grandfather', 'grandma', 'grandpa',
  'aunt', 'auntie', 'uncle', 'cousin', 'friend', 'neighbour', 'neighbor', 'carer', 'caregiver', 'caretaker', 'guardian', 'proxy',
  'poa', 'hcp', 'nok', 'kin', 'relative', 'fiance', 'fiancé', 'fiancee', 'fiancée', 'girlfriend', 'boyfriend', 'companion',
  'roommate', 'flatmate', 'landlady', 'landlord', 'godmother', 'godfather', 'stepson', 'stepdaughter', 'stepmother', 'stepfather',
  'widow', 'widower', 'executor',
  // The same people in other languages (Spanish, Portuguese, French, Italian, German, Dutch, Scandinavian, Polish, Czech),
  // and the companion, interpreter or guardian a note names (`familiar: …`, `tolk: …`, `opiekun: …`).
  'familiar', 'acompañante', 'acompanhante', 'esposa', 'esposo', 'marido', 'hija', 'hijo', 'hermana', 'hermano', 'nieta', 'nieto',
  'tutor', 'tutora', 'cuidador', 'cuidadora', 'filha', 'filho', 'mãe', 'irmã', 'irmão', 'neta', 'neto', 'responsável', 'fille',
  'fils', 'épouse', 'époux', 'mari', 'sœur', 'frère', 'accompagnant', 'accompagnante', 'tuteur', 'tutrice', 'figlia', 'figlio',
  'moglie', 'marito', 'sorella', 'fratello', 'accompagnatore', 'accompagnatrice', 'tochter', 'sohn', 'ehefrau', 'ehemann', 'mutter',
  'vater', 'bruder', 'betreuer', 'betreuerin', 'angehörige', 'angehöriger', 'begleitperson', 'dochter', 'zoon', 'echtgenote',
  'echtgenoot', 'moeder', 'vader', 'zus', 'broer', 'mantelzorger', 'tolk', 'dotter', 'datter', 'hustru', 'anhörig', 'pårørende',
  'opiekun', 'opiekunka', 'córka', 'żona', 'mąż', 'matka', 'ojciec', 'dcera', 'manželka', 'manžel',
  // Chinese, Japanese, Korean and Thai: a family member, companion or guardian (`家属Li Wei`, `보호자 Park Jisoo`).
  '家属', '家屬', '陪同', '陪护', '陪同人', '陪同人员', '陪护人员', '女儿', '儿子', '妻子', '丈夫', '母亲', '父亲', '监护人', '联系人', '家族', '付き添い',
  '보호자', '딸', '아들', '아내', '남편', '어머니', '아버지', 'ญาติ',
  // More languages (Polish, Czech, Slovak, Russian, Ukrainian, Finnish, Hungarian, Turkish, Greek, Italian, Dutch, Nordic),
  // and interpreters and carers, whose name is PHI as a relative's is (`syn Marek`, `Dolmetscher Olena`, `tulkki Aino`).
  'syn', 'wnuk', 'wnuczka', 'siostra', 'brat', 'synowa', 'zięć', 'dcera', 'sestra', 'bratr', 'vnuk', 'vnučka', 'dcéra', 'manželka',
  'сын', 'дочь', 'дочка', 'жена', 'муж', 'мать', 'отец', 'брат', 'сестра', 'внук', 'внучка', 'опекун', 'сиделка', 'переводчик',
  'переводчица', 'син', 'донька', 'дружина', 'чоловік', 'tytär', 'poika', 'vaimo', 'aviomies', 'äiti', 'isä', 'omainen',
  'omaishoitaja', 'tulkki', 'lánya', 'feleség', 'férje', 'tolmács', 'gondozó', 'kızı', 'oğlu', 'eşi', 'tercüman', 'refakatçi',
  'κόρη', 'γιος', 'σύζυγος', 'διερμηνέας', 'nipote', 'badante', 'interprete', 'kleinzoon', 'kleindochter', 'sønn', 'søn', 'dotter',
  'hustru', 'tolkur', 'interpreter', 'translator', 'dolmetscher', 'dolmetscherin', 'übersetzer', 'übersetzerin',
  'enkelin', 'schwester', 'intérprete', 'interprète', 'tłumacz', 'tłumaczka', 'tlumočník', 'tlmočník', 'aidant', 'aidante',
  'pflegerin', 'pfleger',
];

/**
 * Relatives, in-laws, carers, guardians, neighbours and friends, relation by relation, in the languages whose months or
 * addresses the kit knows (lower case, one word each; added to {@link DEFAULT_KINSHIP_CUES}). In-law, step- and grand-
 * forms built with a prefix of {@link KIN_PREFIXES} are found from the base word (`svigersønn` from `sønn`,
 * `schoonzoon` from `zoon`, `isoäiti` from `äiti`). Left out: words that are common English words or clinical
 * abbreviations (`far`, `fear`, `make`, `faster`, `fill`, `mare`, `col`, `ema`, `isa`) or common words of another
 * language (`sin`: Spanish `without`), which would make the capitalised word after them a name.
 */
export const KINSHIP_BY_LANGUAGE: Readonly<Record<string, readonly string[]>> = {
  english: ['attendant', 'aide', 'childminder', 'nanny', 'babysitter', 'sitter', 'housekeeper', 'chaperone', 'godchild', 'goddaughter', 'godson', 'grandniece', 'grandnephew', 'housemate', 'lodger', 'cohabitee', 'twin', 'in-laws', 'stepchild'],
  spanish: ['yerno', 'nuera', 'suegra', 'suegro', 'cuñada', 'cuñado', 'madre', 'padre', 'tía', 'tío', 'sobrina', 'sobrino', 'prima', 'primo', 'vecina', 'vecino', 'amiga', 'amigo', 'pareja', 'cónyuge', 'abuela', 'abuelo', 'bisnieta', 'bisnieto', 'niñera', 'hijastra', 'hijastro', 'madrastra', 'padrastro', 'madrina', 'padrino'],
  portuguese: ['genro', 'nora', 'sogra', 'sogro', 'cunhada', 'cunhado', 'pai', 'avó', 'avô', 'tia', 'tio', 'sobrinha', 'sobrinho', 'vizinha', 'vizinho', 'companheira', 'companheiro', 'cônjuge', 'bisneta', 'bisneto', 'babá', 'enteada', 'enteado', 'madrasta', 'padrasto', 'madrinha', 'padrinho'],
  catalan: ['filla', 'germà', 'germana', 'nét', 'néta', 'sogre', 'àvia', 'avi', 'tieta', 'tiet', 'cosí', 'cosina', 'nebot', 'neboda', 'veí', 'veïna', 'cuidadora'],
  galician: ['fillo', 'avoa', 'veciña', 'veciño'],
  french: ['gendre', 'belle-fille', 'beau-fils', 'belle-mère', 'beau-père', 'belle-sœur', 'beau-frère', 'petite-fille', 'petit-fils', 'mère', 'père', 'tante', 'oncle', 'nièce', 'neveu', 'cousine', 'voisine', 'voisin', 'amie', 'ami', 'conjoint', 'conjointe', 'compagne', 'compagnon', 'grand-mère', 'grand-père', 'nounou', 'aide-soignante', 'aide-soignant', 'curateur', 'curatrice', 'marraine', 'parrain'],
  italian: ['genero', 'nuora', 'suocera', 'suocero', 'cognata', 'cognato', 'nonna', 'nonno', 'zia', 'zio', 'cugina', 'cugino', 'vicina', 'vicino', 'amica', 'amico', 'compagna', 'compagno', 'coniuge', 'pronipote', 'tutore', 'figliastra', 'figliastro', 'matrigna', 'patrigno'],
  german: ['schwiegersohn', 'schwiegertochter', 'enkel', 'enkelkind', 'großmutter', 'großvater', 'oma', 'opa', 'tante', 'onkel', 'cousine', 'nichte', 'neffe', 'nachbar', 'nachbarin', 'freund', 'freundin', 'partnerin', 'lebensgefährte', 'lebensgefährtin', 'gatte', 'gattin', 'schwager', 'schwägerin', 'pflegekraft', 'pflegehelfer', 'pflegehelferin', 'vormund', 'tagesmutter', 'kinderfrau', 'patin'],
  dutch: ['schoonzoon', 'schoondochter', 'kleinkind', 'oma', 'opa', 'grootmoeder', 'grootvader', 'tante', 'oom', 'nicht', 'neef', 'buurman', 'buurvrouw', 'vriend', 'vriendin', 'zwager', 'schoonzus', 'verzorgende', 'verzorger', 'verzorgster', 'voogd', 'oppas', 'gastouder', 'zuster'],
  swedish: ['svärson', 'svärdotter', 'barnbarn', 'sonson', 'sondotter', 'dotterson', 'dotterdotter', 'mormor', 'morfar', 'farmor', 'farfar', 'moster', 'morbror', 'farbror', 'kusin', 'syster', 'bror', 'mamma', 'pappa', 'sambo', 'granne', 'vän', 'väninna', 'vårdare', 'undersköterska', 'förmyndare', 'barnflicka', 'dagmamma'],
  danish: ['svigersøn', 'svigerdatter', 'barnebarn', 'sønnesøn', 'datterdatter', 'bedstemor', 'bedstefar', 'fætter', 'kusine', 'søster', 'ægtefælle', 'kæreste', 'samlever', 'nabo', 'veninde', 'hjemmehjælper', 'sosu-assistent', 'sosu-hjælper', 'værge', 'dagplejer', 'barnepige', 'plejer'],
  norwegian: ['svigersønn', 'sønnesønn', 'bestemor', 'bestefar', 'onkel', 'fetter', 'ektefelle', 'kone', 'samboer', 'kjæreste', 'venn', 'venninne', 'hjelpepleier', 'helsefagarbeider', 'pleier', 'verge', 'barnevakt'],
  icelandic: ['dóttir', 'sonur', 'eiginkona', 'eiginmaður', 'móðir', 'faðir', 'bróðir', 'systir', 'barnabarn', 'tengdasonur', 'tengdadóttir', 'amma', 'afi', 'frændi', 'frænka', 'nágranni', 'vinur', 'vinkona'],
  finnish: ['vävy', 'miniä', 'anoppi', 'appi', 'lapsenlapsi', 'tyttärenpoika', 'tyttärentytär', 'pojanpoika', 'pojantytär', 'isoäiti', 'isoisä', 'mummo', 'mummi', 'ukki', 'täti', 'setä', 'serkku', 'sisko', 'sisar', 'veli', 'puoliso', 'avopuoliso', 'naapuri', 'ystävä', 'lähihoitaja', 'kodinhoitaja', 'avustaja', 'edunvalvoja', 'lastenhoitaja', 'veljenpoika', 'sisarenpoika', 'veljentytär', 'sisarentytär', 'kummi'],
  irish: ['iníon', 'mac', 'céile', 'chéile', 'máthair', 'athair', 'deartháir', 'deirfiúr', 'garpháiste', 'garmhac', 'gariníon', 'cliamhain', 'banchliamhain', 'neacht', 'aintín', 'uncail', 'comharsa', 'cúramóir', 'feighlí', 'caomhnóir', 'seanmháthair', 'seanathair'],
  latvian: ['meita', 'dēls', 'sieva', 'vīrs', 'māte', 'tēvs', 'brālis', 'māsa', 'mazmeita', 'mazdēls', 'mazbērns', 'znots', 'vedekla', 'vīramāte', 'sievasmāte', 'vecmāmiņa', 'vectēvs', 'onkulis', 'brālēns', 'māsīca', 'brāļadēls', 'brāļameita', 'kaimiņš', 'kaimiņiene', 'draugs', 'draudzene', 'aprūpētājs', 'aprūpētāja', 'kopēja', 'aizbildnis', 'aizbildne', 'aukle', 'partneris', 'partnere', 'laulātais', 'laulātā'],
  lithuanian: ['dukra', 'duktė', 'sūnus', 'žmona', 'vyras', 'motina', 'tėvas', 'brolis', 'sesuo', 'sesė', 'anūkas', 'anūkė', 'žentas', 'marti', 'uošvis', 'uošvė', 'anyta', 'močiutė', 'senelis', 'senelė', 'dėdė', 'teta', 'pusbrolis', 'pusseserė', 'sūnėnas', 'dukterėčia', 'kaimynas', 'kaimynė', 'draugas', 'draugė', 'globėjas', 'globėja', 'auklė', 'sutuoktinis', 'sutuoktinė'],
  estonian: ['tütar', 'poeg', 'abikaasa', 'vend', 'õde', 'lapselaps', 'väimees', 'minia', 'vanaema', 'vanaisa', 'tädi', 'nõbu', 'naaber', 'sõber', 'hooldaja', 'eestkostja', 'lapsehoidja'],
  polish: ['mama', 'babcia', 'dziadek', 'wnuczek', 'prawnuk', 'prawnuczka', 'teściowa', 'teść', 'szwagier', 'szwagierka', 'ciocia', 'ciotka', 'wujek', 'kuzyn', 'kuzynka', 'bratanek', 'bratanica', 'siostrzeniec', 'siostrzenica', 'sąsiad', 'sąsiadka', 'przyjaciel', 'przyjaciółka', 'partnerka', 'konkubent', 'konkubina', 'niania', 'pasierb', 'pasierbica', 'macocha', 'ojczym', 'małżonek', 'małżonka'],
  czech: ['otec', 'zeť', 'snacha', 'tchyně', 'tchán', 'švagr', 'švagrová', 'babička', 'dědeček', 'strýc', 'bratranec', 'sestřenice', 'synovec', 'neteř', 'soused', 'sousedka', 'přítel', 'přítelkyně', 'druh', 'družka', 'pečovatel', 'pečovatelka', 'opatrovník', 'opatrovnice', 'chůva', 'maminka', 'tatínek', 'máma', 'táta'],
  slovak: ['manžel', 'zať', 'nevesta', 'svokra', 'svokor', 'švagor', 'švagriná', 'babka', 'starká', 'dedko', 'starký', 'strýko', 'sesternica', 'neter', 'sused', 'suseda', 'priateľ', 'priateľka', 'opatrovateľ', 'opatrovateľka', 'opatrovníčka'],
  slovene: ['hči', 'hčerka', 'žena', 'mož', 'mati', 'oče', 'vnukinja', 'zet', 'snaha', 'tašča', 'tast', 'babica', 'dedek', 'stric', 'sestrična', 'nečak', 'nečakinja', 'sosed', 'soseda', 'prijatelj', 'prijateljica', 'skrbnik', 'skrbnica', 'negovalka', 'negovalec', 'varuška'],
  croatian_serbian: ['kći', 'kćer', 'kćerka', 'supruga', 'suprug', 'muž', 'majka', 'otac', 'unuk', 'unuka', 'svekrva', 'punica', 'punac', 'svekar', 'šogor', 'šogorica', 'djed', 'deda', 'baka', 'tetka', 'ujak', 'rođak', 'rođakinja', 'nećak', 'nećakinja', 'sestrić', 'susjed', 'susjeda', 'staratelj', 'njegovateljica', 'njegovatelj', 'dadilja'],
  hungarian: ['fia', 'lány', 'fiú', 'felesége', 'férj', 'anya', 'anyja', 'apa', 'apja', 'testvér', 'testvére', 'bátyja', 'öccse', 'nővére', 'húga', 'unoka', 'unokája', 'veje', 'menye', 'meny', 'anyós', 'após', 'nagymama', 'nagyapa', 'nagynéni', 'nagybácsi', 'unokatestvér', 'szomszéd', 'szomszédja', 'barát', 'barátnő', 'barátja', 'élettárs', 'élettársa', 'gondozója', 'gondnok', 'gyám', 'gyámja'],
  romanian: ['fiica', 'fiică', 'fiul', 'soția', 'soție', 'soțul', 'soț', 'tatăl', 'fratele', 'frate', 'sora', 'soră', 'nepot', 'nepoată', 'nepotul', 'nepoata', 'ginere', 'ginerele', 'noră', 'soacra', 'socrul', 'bunica', 'bunicul', 'mătușa', 'unchiul', 'vărul', 'verișoara', 'vecin', 'vecinul', 'prieten', 'prietena', 'prietenul', 'îngrijitor', 'îngrijitoare', 'bona', 'partener', 'partenera', 'concubin', 'concubina'],
  turkish: ['kız', 'oğul', 'annesi', 'anne', 'babası', 'baba', 'kardeşi', 'kardeş', 'ablası', 'abla', 'ağabeyi', 'torunu', 'torun', 'damadı', 'damat', 'gelini', 'gelin', 'kayınvalide', 'kaynana', 'kayınpeder', 'babaanne', 'anneanne', 'dede', 'teyze', 'hala', 'amca', 'dayı', 'kuzen', 'kuzeni', 'yeğen', 'yeğeni', 'komşu', 'komşusu', 'arkadaş', 'arkadaşı', 'bakıcı', 'bakıcısı', 'vasi', 'vasisi', 'dadı'],
  greek: ['μητέρα', 'πατέρας', 'αδελφός', 'αδερφός', 'αδελφή', 'αδερφή', 'εγγονός', 'εγγονή', 'γαμπρός', 'νύφη', 'πεθερά', 'πεθερός', 'γιαγιά', 'παππούς', 'θεία', 'θείος', 'ξάδελφος', 'ξαδέρφη', 'ανιψιός', 'ανιψιά', 'γείτονας', 'γειτόνισσα', 'φίλος', 'φίλη', 'σύντροφος', 'φροντιστής', 'φροντίστρια', 'κηδεμόνας', 'νταντά', 'συνοδός'],
  russian: ['мама', 'папа', 'бабушка', 'дедушка', 'зять', 'невестка', 'сноха', 'тёща', 'теща', 'свекровь', 'тесть', 'свёкор', 'тётя', 'тетя', 'дядя', 'племянник', 'племянница', 'кузен', 'кузина', 'сосед', 'соседка', 'друг', 'подруга', 'супруг', 'супруга', 'сожитель', 'сожительница', 'няня', 'опекунша', 'сопровождающий', 'сопровождающая'],
  ukrainian: ['дочка', 'мати', 'батько', 'тато', 'онук', 'онука', 'невістка', 'свекруха', 'свекор', 'бабуся', 'бабця', 'дідусь', 'тітка', 'дядько', 'племінник', 'племінниця', 'сусід', 'сусідка', 'опікунка', 'доглядальниця', 'доглядач', 'супровідник'],
  bulgarian: ['дъщеря', 'съпруга', 'съпруг', 'майка', 'баща', 'внучка', 'зет', 'снаха', 'свекърва', 'тъща', 'баба', 'дядо', 'леля', 'чичо', 'вуйчо', 'братовчед', 'братовчедка', 'племенник', 'племенница', 'съсед', 'съседка', 'приятел', 'приятелка', 'настойник', 'болногледач', 'болногледачка', 'бавачка'],
  malay_indonesian: ['anak', 'cucu', 'cicit', 'menantu', 'mertua', 'ipar', 'suami', 'isteri', 'istri', 'ibu', 'bapa', 'bapak', 'ayah', 'emak', 'abang', 'kakak', 'adik', 'saudara', 'saudari', 'sepupu', 'keponakan', 'datuk', 'nenek', 'kakek', 'atuk', 'pakcik', 'makcik', 'paman', 'bibi', 'jiran', 'tetangga', 'kawan', 'teman', 'sahabat', 'pengasuh', 'penjaga', 'wali', 'perawat', 'pembantu', 'waris', 'pasangan'],
  filipino: ['asawa', 'nanay', 'tatay', 'kapatid', 'manugang', 'biyenan', 'lola', 'lolo', 'tita', 'tito', 'pinsan', 'pamangkin', 'kapitbahay', 'kaibigan', 'tagapag-alaga', 'yaya', 'bantay'],
};

/**
 * The default of the rules' `kinship_cues`: the curated words above and those of {@link KINSHIP_BY_LANGUAGE}, once each.
 */
export const DEFAULT_KINSHIP_CUES: readonly string[] = [...new Set([...CURATED_KINSHIP_CUES, ...Object.values(KINSHIP_BY_LANGUAGE).flat()])];

/**
 * Prefixes that make an in-law, step-, half-, great- or grand- relation of a kinship word, written joined to it or with a
 * hyphen (`step-daughter`, `grandniece`, `Schwiegersohn`, `Stiefvater`, `schoonzoon`, `kleindochter`, `svigerdatter`,
 * `svärmor`, `tengdasonur`, `isoäiti`, `tyttärenpoika` (a daughter's son), `nagymama`, `mazmeita`, `prawnuk`, `belle-fille`,
 * `petit-fils`, `bisnieto`): the word is a cue when what follows the prefix is one.
 */
export const KIN_PREFIXES: readonly string[] = [
  'great-grand', 'great', 'grand', 'step', 'god', 'half', 'foster',
  'urgroß', 'urgross', 'groß', 'gross', 'ur', 'schwieger', 'stief', 'halb', 'pflege',
  'schoon', 'klein', 'achterklein', 'groot', 'over',
  'svär', 'sviger', 'styv', 'bonus', 'olde', 'halv', 'tengda',
  'iso', 'lapsen', 'tyttären', 'pojan', 'veljen', 'sisaren', 'isän', 'äidin', 'anoppi', 'appi',
  'belle-', 'beau-', 'petite-', 'petit-', 'arrière-', 'bis', 'tatara', 'pra', 'praw', 'prav',
  'nagy', 'déd', 'maz', 'vec', 'пра', 'двоюродн',
];

/**
 * Words that may stand between a kinship word and the name without being either: a sex, a rank among siblings, a step or
 * in-law relation written after the word (Malay and Indonesian `anak perempuan Siti`, `adik lelaki Rahmat`, `anak tiri`;
 * Spanish `hijo político Martín`; English `son in law Tavish` is read as `in` then `law`).
 */
export const KIN_MODIFIERS: readonly string[] = [
  'perempuan', 'lelaki', 'laki-laki', 'laki', 'tiri', 'angkat', 'kandung', 'sulung', 'bongsu', 'político', 'política',
  'in-law', 'in-laws', 'law',
];
