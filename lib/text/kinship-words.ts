/**
 * Relatives, carers and the people who speak for a patient: after one of these words a name may follow in
 * parentheses, after a comma, colon or dash, or after `is`/`named`/`called` (`daughter (Rosalind)`, `son, Tobias Hale,`,
 * `wife Mirela`, `guardian is nephew (Anselm)`). The default of the rules' `kinship_cues` (data a site can extend);
 * `-in-law`, `step-`, `great-` and `grand-` forms of each count too.
 */
export const DEFAULT_KINSHIP_CUES: readonly string[] = [
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
