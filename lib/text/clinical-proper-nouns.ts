/**
 * Proper nouns that clinical text uses as words, not as people or places: eponyms (`Crohn disease`,
 * `Circle of Willis`, `Foley catheter`), makers of equipment and their product names (`Siemens`,
 * `Philips Ingenia`), contrast agents and devices. Many are also in a dictionary of people's names, so
 * name finding without a title treats them as clinical words; after a title (`Dr. Foley`) or beside a
 * known given name (`Margaret Foley`) they are still names. Curated and tested (test/text/phrasings.ts);
 * a site adds its own words to the rules' `clinical_vocabulary`.
 */
/** Eponyms: diseases, signs, anatomy, fractures, classifications, procedures, devices. */
export const EPONYMS: readonly string[] = [
  'Addison', 'Adamkiewicz', 'Alzheimer', 'Amplatz', 'Amplatzer', 'Apgar', 'Arnold', 'Asherman', 'Baastrup', 'Baker', 'Bankart',
  'Barrett', 'Barton', 'Bartholin', 'Batson', 'Bell', 'Bennett', 'Bertolotti', 'Blakemore', 'Blalock', 'Bochdalek', 'Bohler',
  'Bosniak', 'Boxer', 'Breslow', 'Broca', 'Brodie', 'Broviac', 'Brown-Sequard', 'Budd', 'Burkitt', 'Calot', 'Chiari',
  'Charcot', 'Chilaiditi', 'Chopart', 'Cobb', 'Codman', 'Colles', 'Cowper', 'Crohn', 'Cushing', 'Dandy', 'DeBakey', 'Denonvilliers',
  'Dobhoff', 'Doppler', 'Douglas', 'Ebstein', 'Eisenmenger', 'Ehlers', 'Danlos', 'Eustachian', 'Ewing', 'Fallot',
  'Fleischner', 'Foley', 'Fontan', 'Freiberg', 'Galeazzi', 'Galen', 'Ganz', 'Gartner', 'Gerota', 'Gissane',
  'Gleason', 'Glenn', 'Glisson', 'Graafian', 'Graves', 'Greenfield', 'Groshong', 'Guillain', 'Barre', 'Guyon', 'Hampton',
  'Harrington', 'Harris', 'Hartmann', 'Hashimoto', 'Heschl', 'Hesselbach', 'Hickman', 'Sachs', 'Hirschsprung', 'Hodgkin',
  'Hoffa', 'Horner', 'Hounsfield', 'Huntington', 'Hunter', 'Hurler', 'Ilizarov', 'Jackson', 'Pratt', 'Jatene', 'Jones',
  'Judet', 'Judkins', 'Kaposi', 'Kawasaki', 'Kellgren', 'Lawrence', 'Kerley', 'Kienbock', 'Kirschner', 'Klatskin', 'Klinefelter',
  'Kohler', 'Korsakoff', 'Krukenberg', 'Kussmaul', 'Legg', 'Calve', 'Perthes', 'Leydig', 'Lisfranc', 'Luschka', 'Magendie',
  'Maisonneuve', 'Malecot', 'Mallory', 'Weiss', 'Marfan', 'Meckel', 'Meigs', 'Menetrier', 'Merkel', 'Meynert', 'Modic', 'Monro',
  'Monteggia', 'Morgagni', 'Morison', 'Mullerian', 'Nabothian', 'Neer', 'Norwood', 'Oddi', 'Osgood', 'Schlatter', 'Outerbridge',
  'Paget', 'Pancoast', 'Parkinson', 'Papez', 'Pauwels', 'Penrose', 'Perkin', 'Pott', 'Purkinje', 'Rastelli', 'Rathke', 'Raynaud',
  'Reiter', 'Richter', 'Rigler', 'Risser', 'Rolando', 'Rosenthal', 'Salter', 'Santorini', 'Scarpa', 'Schatzker', 'Scheuermann',
  'Schmorl', 'Schwann', 'Segond', 'Seldinger', 'Sengstaken', 'Senning', 'Sertoli', 'Shenton', 'Shiley', 'Sinding', 'Larsen',
  'Sjogren', 'Skene', 'Smith', 'Steinmann', 'Stensen', 'Sturge', 'Weber', 'Sudeck', 'Swan', 'Sylvian', 'Sylvius',
  'Takayasu', 'Tanner', 'Tarlov', 'Teichholz', 'Tenckhoff', 'Thebesian', 'Tietze', 'Tourette', 'Treitz', 'Trolard', 'Turner',
  'Valsalva', 'Vater', 'Virchow', 'Waldeyer', 'Wallstent', 'Wegener', 'Wernicke', 'Wharton', 'Whipple', 'Willis', 'Wilms',
  'Wilson', 'Winslow', 'Wirsung', 'Quervain', 'Willebrand', 'Recklinghausen', 'Peyronie', 'Wolffian', 'Wrisberg', 'Zenker', 'Zuckerkandl', 'Lindau', 'Hippel', 'Walker', 'Perthes',
  // radiographic views and projections, stress protocols and tests named after people (`ZANCA VIEW`, `XR KNEE ROSENBERG`, `WADA TEST`)
  'Zanca', 'Garth', 'Velpeau', 'Rosenberg', 'Coventry', 'Holmblad', 'Stenvers', 'Rhese', 'Norgaard', 'Broden', 'Beath', 'Settegast',
  'Hughston', 'Laurin', 'Lauenstein', 'Pirie', 'Bernageau', 'Didiee', 'Teufel', 'Wada', 'Eklund', 'Naughton', 'Greulich', 'Pyle',
  'Grashey', 'Towne', 'Caldwell', 'Sones',
];

/** Makers of imaging and therapy equipment and their product names, contrast agents and devices. */
export const MAKERS_AND_PRODUCTS: readonly string[] = [
  'Siemens', 'Healthineers', 'Philips', 'GE', 'Toshiba', 'Canon', 'Hitachi', 'Fujifilm', 'Fuji', 'Agfa', 'Carestream', 'Kodak',
  'Hologic', 'Konica', 'Minolta', 'Samsung', 'Mindray', 'Esaote', 'Varian', 'Elekta', 'Accuray', 'Sectra', 'Barco', 'Bracco',
  'Bayer', 'Guerbet', 'Medrad', 'Medtronic', 'Abbott', 'Stryker', 'Zimmer', 'Biomet', 'Nephew', 'DePuy', 'Synthes',
  'Cook', 'Terumo', 'Merit', 'Bard', 'Gore', 'Cordis', 'Edwards', 'Planmed', 'Planmeca', 'Sirona', 'Vatech',
  'Carestream', 'Shimadzu', 'Neusoft', 'Lunar', 'Norland', 'Swissray', 'Trophy', 'Vidar', 'Zeiss',
  'Leica', 'Olympus', 'Pentax', 'Karl', 'Storz', 'Butterfly', 'SonoSite', 'Acuson', 'Voluson', 'Logiq', 'Vivid', 'Affiniti',
  'Epiq', 'Aplio', 'Xario', 'Arietta', 'Sequoia', 'Magnetom', 'Skyra', 'Prisma', 'Vida', 'Avanto', 'Aera', 'Verio', 'Espree',
  'Sola', 'Altea', 'Lumina', 'Ingenia', 'Achieva', 'Elition', 'Signa', 'Premier', 'Architect', 'Pioneer', 'Discovery',
  'Optima', 'Revolution', 'Lightspeed', 'Somatom', 'Definition', 'Force', 'Drive', 'Edge', 'Brilliance', 'Aquilion',
  'Vantage', 'Titan', 'Orian', 'Galan', 'Biograph', 'Symbia', 'Intevo', 'Selenia', 'Dimensions', 'Senographe', 'Pristina',
  'Mammomat', 'Revelation', 'Inspiration', 'Ysio', 'Luminos', 'Artis', 'Allura', 'Azurion', 'Innova', 'Trilogy', 'TrueBeam',
  'Halcyon', 'Ethos', 'Versa', 'Infinity', 'Synergy', 'Unity', 'CyberKnife', 'Tomotherapy', 'Gamma', 'Knife',
  'Omnipaque', 'Visipaque', 'Isovue', 'Ultravist', 'Optiray', 'Iomeron', 'Gadavist', 'Gadovist', 'Dotarem', 'Clariscan',
  'Magnevist', 'MultiHance', 'ProHance', 'Eovist', 'Primovist', 'Ablavar', 'Vueway', 'Elucirem', 'Definity', 'Optison',
  'SonoVue', 'Lumason', 'Lexiscan', 'Cardiolite', 'Myoview', 'Amyvid', 'Vizamyl', 'Neuraceq', 'Axumin', 'Pylarify',
  'Gastrografin', 'Readi-Cat', 'Volumen', 'Barium', 'Mirena', 'Essure', 'Watchman', 'Impella', 'Palmaz', 'Amplatzer', 'Port-a-Cath',
];

/**
 * Eponyms written as two or more surnames (`Hill-Sachs`, `Greulich Pyle`, `Tommy John`): together they name a
 * lesion, a method, a syndrome or an operation, even when one of them is a common given name (`HILL`, `TOMMY`,
 * `MAY`). Matched in any case, spaced or hyphenated; a title before them (`Dr. Hill`) still makes a name.
 */
export const EPONYM_PHRASES: readonly string[] = [
  'Hill Sachs', 'Greulich Pyle', 'Tommy John', 'May Thurner', 'Tolosa Hunt', 'Ramsay Hunt', 'Osgood Schlatter', 'Legg Calve Perthes',
  'Sinding Larsen', 'Sinding Larsen Johansson', 'Salter Harris', 'Jackson Pratt', 'Guillain Barre', 'Budd Chiari', 'Arnold Chiari',
  'Dandy Walker', 'Sturge Weber', 'Mallory Weiss', 'Ehlers Danlos', 'Brown Sequard', 'Kellgren Lawrence', 'Paget Schroetter',
  'Charcot Marie Tooth', 'Wolff Parkinson White', 'Von Hippel Lindau', 'Klippel Feil', 'Klippel Trenaunay', 'Peutz Jeghers',
  'Zollinger Ellison', 'Creutzfeldt Jakob', 'Stevens Johnson', 'Osler Weber Rendu', 'Swan Ganz', 'Sengstaken Blakemore',
  'Parsonage Turner', 'Fitz Hugh Curtis', 'Kasabach Merritt', 'Lauge Hansen', 'Danis Weber', 'Gustilo Anderson', 'Weber Christian',
  'Hand Schuller Christian', 'Letterer Siwe', 'Foster Kennedy', 'Holt Oram', 'Hurler Scheie', 'Niemann Pick', 'Tay Sachs',
  'Marchiafava Bignami', 'Pellegrini Stieda', 'De Quervain', 'Von Willebrand', 'Von Recklinghausen', 'De Morsier', 'Van Buchem',
  'La Peyronie', 'Camp Coventry', 'Harris Beath', 'West Point', 'Clements Nakayama', 'Danelius Miller', 'Chassard Lapine',
];
