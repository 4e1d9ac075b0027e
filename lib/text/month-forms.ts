/**
 * Month names that the locale data (ICU, `locale-data.ts`) does not give, in the forms text writes after a day:
 * regional names (Austrian `Jänner`, `Feber`; Peruvian and Uruguayan `setiembre`) and case forms used with a day
 * (the Latvian locative `16. decembrī`, the Estonian adessive `16. detsembril`). Each with its month (1–12).
 */
export const MORE_MONTH_FORMS: ReadonlyArray<readonly [string, number]> = [
  ['jänner', 1], ['jänn', 1], ['jän', 1], ['feber', 2], ['setiembre', 9], ['set', 9],
  ['janvārī', 1], ['februārī', 2], ['martā', 3], ['aprīlī', 4], ['maijā', 5], ['jūnijā', 6], ['jūlijā', 7], ['augustā', 8],
  ['septembrī', 9], ['oktobrī', 10], ['novembrī', 11], ['decembrī', 12],
  // `mail`, Estonian for `in May`, is an English word: left out.
  ['jaanuaril', 1], ['veebruaril', 2], ['märtsil', 3], ['aprillil', 4], ['juunil', 6], ['juulil', 7], ['augustil', 8],
  ['septembril', 9], ['oktoobril', 10], ['novembril', 11], ['detsembril', 12],
];
