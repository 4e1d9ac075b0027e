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
];
