/**
 * A broad table of free-text phrasings, written for the detectors' generality and not from any
 * generator or held-out set: names in running text without a cue word, institutions whose name
 * does not end in an institution noun, phones in national and international forms, ages over 89
 * in digits and words, and (the other side) clinical text that must come out unchanged: eponyms,
 * vendor and device names, protocol, sequence and view words, ages of 89 and below.
 * Identities are invented; no header value backs them up.
 */

/** A text, the strings that must be gone (case-insensitive), the words that must stay. */
export interface Phrasing {
  text: string;
  phi: string[];
  keep: string[];
}

const GIVEN = ['Margaret', 'Priya', 'Siobhan', 'Tomasz', 'Fatima', 'Ingrid', 'Rafael', 'Yusuf', 'Elena', 'Dmitri', 'Aisha', 'Hamish', 'Lucia', 'Kenji', 'Olga', 'Bernadette', 'Mateus', 'Agnieszka', 'Chidi', 'Wei'];
const FAMILY = ['Okafor', 'Raman', 'Byrne', 'Nowak', 'Haddad', 'Lundgren', 'Cardoso', 'Demir', 'Volkov', 'Chaudhry', 'MacLeod', 'Ferreira', 'Watanabe', 'Sokolova', 'Adeyemi', 'Gallagher', 'Hofstetter', 'Albuquerque', 'Mensah', 'Zhang'];

/** Name phrasings without a title or label before them: `{G}` given, `{F}` family, `{I}` initial, `{GU}`/`{FU}` upper case. */
const NAME_TEMPLATES: Array<{ t: string; keep: string[] }> = [
  { t: 'seen with {G} {F} at bedside', keep: ['seen', 'bedside'] },
  { t: '{F}, {G} - prior CT reviewed', keep: ['prior', 'CT', 'reviewed'] },
  { t: '{I}. {F} reviewed the films', keep: ['reviewed', 'films'] },
  { t: '{FU}^{GU}', keep: [] },
  { t: 'CT CHEST {GU} {FU}', keep: ['CT', 'CHEST'] },
  { t: 'discussed with {G} {F} on the ward', keep: ['discussed', 'ward'] },
  { t: 'results per {G} {F}', keep: ['results'] },
  { t: 'cc {G} {F}', keep: [] },
  { t: 'c/o {G} {F}, daughter', keep: ['daughter'] },
  { t: 'spoke to {G} {F} re results', keep: ['spoke', 'results'] },
  { t: 'Findings called to ED. — {I}. {F}', keep: ['Findings', 'called', 'ED'] },
  { t: 'Findings conveyed -- {G} {F}', keep: ['Findings', 'conveyed'] },
  { t: '{G} {F} tolerated the procedure well', keep: ['tolerated', 'procedure', 'well'] },
  { t: 'accompanied by {G} {F}', keep: ['accompanied'] },
  { t: 'NOK: {G} {F}', keep: [] },
  { t: '{G} Q. {F} requests a copy', keep: ['requests', 'copy'] },
  { t: 'MRI L-SPINE {G} {F} follow-up', keep: ['MRI', 'L-SPINE', 'follow-up'] },
  { t: 'Comparison with outside study of {G} {F}', keep: ['Comparison', 'outside', 'study'] },
  { t: 'Regards, {G} {F}', keep: [] },
  { t: '{F}, {G} {I}.', keep: [] },
];

/** Lists of several people: each name must go. */
const NAME_LISTS: Phrasing[] = [
  { text: 'cc: Margaret Okafor, Tomasz Nowak and Elena Cardoso', phi: ['Okafor', 'Nowak', 'Cardoso', 'Margaret', 'Tomasz', 'Elena'], keep: [] },
  { text: 'Team: Priya Raman; Hamish MacLeod; Ingrid Lundgren', phi: ['Raman', 'MacLeod', 'Lundgren'], keep: ['Team'] },
  { text: 'Drs. Haddad and Ferreira reviewed', phi: ['Haddad', 'Ferreira'], keep: ['reviewed'] },
  { text: 'Read by Yusuf Demir & Olga Volkov', phi: ['Demir', 'Volkov'], keep: ['Read'] },
];

export const NAME_PHRASINGS: Phrasing[] = [
  ...NAME_TEMPLATES.flatMap(({ t, keep }, k) =>
    // Each template with three different people, so no one name carries a template.
    [0, 7, 13].map((shift) => {
      const g = GIVEN[(k + shift) % GIVEN.length];
      const f = FAMILY[(k * 3 + shift) % FAMILY.length];
      const text = t.replace('{GU}', g.toUpperCase()).replace('{FU}', f.toUpperCase()).replace('{G}', g).replace('{F}', f).replace('{I}', g[0]);
      const phi = [f, ...(t.includes('{G}') || t.includes('{GU}') ? [g] : [])];
      return { text, phi, keep };
    }),
  ),
  ...NAME_LISTS,
  // a second batch, written after the first passed and checked before any change for it
  { text: 'Images reviewed with Robert Brown, PA', phi: ['Robert', 'Brown'], keep: [] },
  { text: 'Mary Johnson aware of results', phi: ['Mary', 'Johnson'], keep: [] },
  { text: 'daughter Helen Whitaker present', phi: ['Whitaker'], keep: [] },
  { text: 'Transcribed: K. Oyelaran', phi: ['Oyelaran'], keep: [] },
  { text: 'SR DOC - BRIGHTWELL, ANNA', phi: ['BRIGHTWELL', 'ANNA'], keep: [] },
  { text: 'Hx per wife (Deborah Kline)', phi: ['Deborah', 'Kline'], keep: [] },
  { text: 'Consent signed by son, Thomas Reilly.', phi: ['Thomas', 'Reilly'], keep: [] },
  { text: 'Ordering: Ferguson, Alan J', phi: ['Ferguson', 'Alan'], keep: [] },
  { text: 'Tech: jm / Radiologist Samuel Oduya', phi: ['Samuel', 'Oduya'], keep: [] },
  { text: 'Pt Nguyen Van Thanh arrived by wheelchair', phi: ['Nguyen', 'Thanh'], keep: [] },
  { text: 'Findings discussed w/ Jorge Villanueva at 14:20', phi: ['Jorge', 'Villanueva'], keep: [] },
  { text: 'Copy: Patricia Oyelowo; Gareth Pryce', phi: ['Oyelowo', 'Pryce'], keep: [] },
  { text: 'LINDSTROM^ERIK^J', phi: ['LINDSTROM', 'ERIK'], keep: [] },
  { text: 'Study for ELIZABETH MORAN', phi: ['ELIZABETH', 'MORAN'], keep: [] },
  { text: 'Dictated by: S. Mukherjee MD', phi: ['Mukherjee'], keep: [] },
  { text: 'Verified (Joanna Pietrzak)', phi: ['Joanna', 'Pietrzak'], keep: [] },
  { text: 'Zoltan Farkas - outside CD import', phi: ['Zoltan', 'Farkas'], keep: [] },
  { text: 'Andrew & Susan Kemp (parents)', phi: ['Andrew', 'Susan', 'Kemp'], keep: [] },
];

export const INSTITUTION_PHRASINGS: Phrasing[] = [
  { text: 'Transferred from Harrowgate Health for MRI', phi: ['Harrowgate'], keep: ['Transferred', 'MRI'] },
  { text: 'Prior imaging at Lakeshore Imaging Partners', phi: ['Lakeshore'], keep: ['Prior', 'imaging'] },
  { text: "Outside films from St. Aldwyn's", phi: ['Aldwyn'], keep: ['Outside', 'films'] },
  { text: 'Report from University of Westmarch', phi: ['Westmarch'], keep: ['Report'] },
  { text: 'Read by Calder Valley Radiology Associates', phi: ['Calder', 'Valley'], keep: ['Read'] },
  { text: 'Copy to Brightwater Diagnostics', phi: ['Brightwater'], keep: ['Copy'] },
  { text: 'Second opinion, Clinique Beaulieu', phi: ['Beaulieu'], keep: ['Second', 'opinion'] },
  { text: 'Hôpital Saint-Éloi, service de radiologie', phi: ['Éloi'], keep: ['service', 'radiologie'] },
  { text: 'Vorbefund Klinikum Nordhafen', phi: ['Nordhafen'], keep: ['Vorbefund'] },
  { text: 'referto Ospedale San Matteo', phi: ['Matteo'], keep: ['referto'] },
  { text: 'Hospital Universitario Valdemoro, TC craneal', phi: ['Valdemoro'], keep: ['TC', 'craneal'] },
  { text: 'Centre Hospitalier de Vernay', phi: ['Vernay'], keep: [] },
  { text: 'CHU de Montclair - IRM', phi: ['Montclair'], keep: ['IRM'] },
  { text: 'Universitätsklinikum Eichwald', phi: ['Eichwald'], keep: [] },
  { text: 'Northbridge Health System referral', phi: ['Northbridge'], keep: ['referral'] },
  { text: 'Pinecrest Medical Group, outpatient', phi: ['Pinecrest'], keep: ['outpatient'] },
  { text: 'Fairhaven Healthcare CT', phi: ['Fairhaven'], keep: ['CT'] },
  { text: 'from Ashcombe Surgery (GP)', phi: ['Ashcombe'], keep: ['GP'] },
  { text: 'Kingsmere NHS Foundation Trust', phi: ['Kingsmere'], keep: [] },
  { text: 'Abbotsford Cancer Centre follow up', phi: ['Abbotsford'], keep: ['follow', 'up'] },
  { text: "Dunmore Children's referral", phi: ['Dunmore'], keep: ['referral'] },
  { text: 'PINEHURST ORTHOPAEDICS OUTSIDE STUDY', phi: ['PINEHURST'], keep: ['OUTSIDE', 'STUDY'] },
  { text: 'Oakridge Physicians Network', phi: ['Oakridge'], keep: [] },
  { text: 'Greystone Behavioral Health intake', phi: ['Greystone'], keep: ['intake'] },
  { text: 'MERIDEN RADIOLOGY ASSOCIATES', phi: ['MERIDEN'], keep: [] },
  { text: 'Ravelston Imaging, 2nd read', phi: ['Ravelston'], keep: ['read'] },
  { text: 'Westvale Medical Practice', phi: ['Westvale'], keep: [] },
  { text: 'ex Thornbury Infirmary', phi: ['Thornbury'], keep: [] },
  { text: 'Radiologie Montbrison SA', phi: ['Montbrison'], keep: [] },
  { text: 'Ziekenhuis Oosterveld', phi: ['Oosterveld'], keep: [] },
  // second batch
  { text: 'Films from Sheffield Teaching Hospitals', phi: ['Sheffield'], keep: [] },
  { text: 'Outside read: Rosewood Radiology', phi: ['Rosewood'], keep: [] },
  { text: 'Transfer from Tallgrass Regional', phi: ['Tallgrass'], keep: [] },
  { text: 'MEDISCAN DIAGNOSTICS LTD', phi: ['MEDISCAN'], keep: [] },
  { text: 'Clínica Santa Brígida', phi: ['Brígida'], keep: [] },
  { text: 'Kantonsspital Ostfeld', phi: ['Ostfeld'], keep: [] },
  { text: 'Hospital de la Ribera Alta', phi: ['Ribera'], keep: [] },
  { text: 'St. Columba’s Hospice', phi: ['Columba'], keep: [] },
  { text: 'Universite de Belmont', phi: ['Belmont'], keep: [] },
  { text: 'Marrowfield Community Health Centre', phi: ['Marrowfield'], keep: [] },
  { text: 'Copperline Urgent Care', phi: ['Copperline'], keep: [] },
  { text: 'The Larchmont Clinic', phi: ['Larchmont'], keep: [] },
  { text: 'Saint Ives Medical', phi: ['Ives'], keep: [] },
];

export const PHONE_PHRASINGS: Phrasing[] = [
  { text: 'tel. 555 201 3344', phi: ['201 3344'], keep: [] },
  { text: 'ph 555.201.3344', phi: ['201.3344'], keep: [] },
  { text: 'Ph# (555) 201-3344', phi: ['201-3344'], keep: [] },
  { text: 'call on 07700 900 123', phi: ['900 123'], keep: [] },
  { text: 'office (0)20 7946 0958', phi: ['7946 0958'], keep: ['office'] },
  { text: 'daughter +44 (0)20 7946 0958', phi: ['7946 0958'], keep: ['daughter'] },
  { text: 'son (+44) 20 7946 0958', phi: ['7946 0958'], keep: ['son'] },
  { text: '+1-555-201-3344 ext 12', phi: ['201-3344', 'ext 12'], keep: [] },
  { text: 'results 555-201-3344 x204', phi: ['201-3344', 'x204'], keep: ['results'] },
  { text: 'Tel/Fax: 0161 496 0000', phi: ['496 0000'], keep: [] },
  { text: 'T: 03 9555 1234', phi: ['9555 1234'], keep: [] },
  { text: 'M: 0412 345 678', phi: ['345 678'], keep: [] },
  { text: 'mob. +61 412 345 678', phi: ['345 678'], keep: [] },
  { text: 'Telefon 030/1234567', phi: ['1234567'], keep: [] },
  { text: 'Tél. : 01 23 45 67 89', phi: ['23 45 67 89'], keep: [] },
  { text: 'phone number is 555 201 3344', phi: ['201 3344'], keep: [] },
  { text: 'can be reached on 0208 123 4567', phi: ['123 4567'], keep: [] },
  { text: 'whatsapp +49 151 23456789', phi: ['23456789'], keep: [] },
  { text: 'cell: 555-2013', phi: ['555-2013'], keep: [] },
  { text: 'Telephone No. 555.201.3344', phi: ['201.3344'], keep: [] },
  { text: 'husband 1 (555) 201 3344', phi: ['201 3344'], keep: ['husband'] },
  { text: '+33 (0)1 23 45 67 89 secretary', phi: ['23 45 67 89'], keep: ['secretary'] },
  { text: '+91 98765 43210', phi: ['98765 43210'], keep: [] },
  { text: '+81-3-1234-5678', phi: ['1234-5678'], keep: [] },
  { text: '0044 20 7946 0958', phi: ['7946 0958'], keep: [] },
  { text: '(02) 9876-5432 after hours', phi: ['9876-5432'], keep: ['after', 'hours'] },
  { text: '555 201 3344 (home)', phi: ['201 3344'], keep: [] },
  { text: 'contact number: 5552013344', phi: ['5552013344'], keep: [] },
  { text: 'voicemail 555-201-3344', phi: ['201-3344'], keep: [] },
  { text: 'H: 555-201-3344 W: 555-201-9988', phi: ['201-3344', '201-9988'], keep: [] },
  { text: 'Tel.: +41 21 555 12 34', phi: ['555 12 34'], keep: [] },
  { text: 'Tfno. 912 345 678', phi: ['912 345 678'], keep: [] },
  { text: 'tlf 22 33 44 55', phi: ['22 33 44 55'], keep: [] },
  { text: 'pager #5552013', phi: ['5552013'], keep: [] },
  { text: 'ring 01632 960 123 to book', phi: ['960 123'], keep: ['book'] },
  // second batch
  { text: 'phone: +1 (555) 201 3344', phi: ['201 3344'], keep: [] },
  { text: 'tel +353 1 555 0101', phi: ['555 0101'], keep: [] },
  { text: 'call 555 201 3344 ext. 7', phi: ['201 3344'], keep: [] },
  { text: 'Ph. 020 7946 0001', phi: ['7946 0001'], keep: [] },
  { text: 'contact: 07700-900-456', phi: ['900-456'], keep: [] },
  { text: 'Tel 0 800 555 123', phi: ['555 123'], keep: [] },
  { text: 'Mobile: +27 82 555 1234', phi: ['555 1234'], keep: [] },
  { text: 'fax # 555/201/3344', phi: ['201/3344'], keep: [] },
  { text: 'Phone (555)2013344', phi: ['2013344'], keep: [] },
  { text: '(555) 201-3344 cell', phi: ['201-3344'], keep: [] },
];

export const AGE_PHRASINGS: Phrasing[] = [
  { text: 'nonagenarian with fall', phi: ['nonagenarian'], keep: ['fall'] },
  { text: '91yo F, hip pain', phi: ['91'], keep: ['hip', 'pain'] },
  { text: 'aged 91, frail', phi: ['91'], keep: ['frail'] },
  { text: 'a 91-year-old man', phi: ['91'], keep: ['man'] },
  { text: 'age 091Y', phi: ['091'], keep: ['age'] },
  { text: 'one hundred and one years old', phi: ['one hundred and one'], keep: ['old'] },
  { text: 'in her 90s, lives alone', phi: ['90s'], keep: ['lives', 'alone'] },
  { text: 'in his early 90s', phi: ['90s'], keep: ['early'] },
  { text: '91 y.o. female', phi: ['91'], keep: ['female'] },
  { text: '91YOM with CP', phi: ['91'], keep: ['CP'] },
  { text: '93 yof s/p fall', phi: ['93'], keep: ['fall'] },
  { text: '92 Y/O F', phi: ['92'], keep: [] },
  { text: 'Age:91', phi: ['91'], keep: ['Age'] },
  { text: 'age (yrs): 94', phi: ['94'], keep: ['age'] },
  { text: '93-yr-old', phi: ['93'], keep: [] },
  { text: 'ninety one yo', phi: ['ninety one'], keep: [] },
  { text: 'Ninety-Two Year Old Male', phi: ['Ninety-Two'], keep: ['Male'] },
  { text: 'a 104 year old woman', phi: ['104'], keep: ['woman'] },
  { text: 'aged ninety', phi: ['ninety'], keep: [] },
  { text: '92 years of age', phi: ['92'], keep: ['age'] },
  { text: '91.5 years old', phi: ['91.5'], keep: ['old'] },
  { text: '91 1/2 yo', phi: ['91'], keep: [] },
  { text: 'fall on her 95th birthday', phi: ['95th'], keep: ['fall', 'birthday'] },
  { text: 'celebrated 100th birthday last week', phi: ['100th'], keep: ['celebrated', 'birthday', 'last', 'week'] },
  { text: 'supercentenarian', phi: ['supercentenarian'], keep: [] },
  { text: 'patiente de 91 ans', phi: ['91'], keep: ['patiente'] },
  { text: 'paciente de 93 años', phi: ['93'], keep: ['paciente'] },
  { text: 'Patientin, 94 Jahre', phi: ['94'], keep: ['Patientin'] },
  { text: 'F 93, dyspnoea', phi: ['93'], keep: ['dyspnoea'] },
  { text: 'CXR (93/M)', phi: ['93'], keep: ['CXR'] },
  { text: 'Age 93 at time of scan', phi: ['93'], keep: ['Age', 'time', 'scan'] },
  { text: 'pt is ninety-six', phi: ['ninety-six'], keep: [] },
  { text: 'AGE: 102 YEARS', phi: ['102'], keep: ['AGE', 'YEARS'] },
  { text: '97-y-o', phi: ['97'], keep: [] },
  { text: 'age ninety-seven', phi: ['ninety-seven'], keep: ['age'] },
  { text: 'a ninety-something widow', phi: ['ninety-something'], keep: ['widow'] },
  { text: '91y male', phi: ['91'], keep: ['male'] },
  { text: 'turned 96 in May', phi: ['96'], keep: [] },
  { text: 'hundred-year-old', phi: ['hundred'], keep: [] },
  // second batch
  { text: '96 y/o Caucasian female', phi: ['96'], keep: [] },
  { text: 'Pt. is a 102yo', phi: ['102'], keep: [] },
  { text: 'Age at exam: 97', phi: ['97'], keep: [] },
  { text: 'nonagenarian male', phi: ['nonagenarian'], keep: [] },
  { text: 'ninety eight years', phi: ['ninety eight'], keep: [] },
  { text: 'AGE 094Y SEX F', phi: ['094'], keep: [] },
  { text: '93 yrs old', phi: ['93'], keep: [] },
  { text: 'one-hundred-year-old', phi: ['one-hundred'], keep: [] },
  { text: 'woman aged ninety-nine', phi: ['ninety-nine'], keep: [] },
  { text: 'in their nineties', phi: ['nineties'], keep: [] },
  { text: 'Patient (91 years)', phi: ['91'], keep: [] },
  { text: '98-year old', phi: ['98'], keep: [] },
  { text: 'M/93/Chest pain', phi: ['93'], keep: [] },
  { text: '93 F', phi: ['93'], keep: [] },
];

/** Clinical and description text with nothing identifying: each must come out exactly as it went in. */
export const CLINICAL_TEXTS: string[] = [
  // eponyms used clinically
  'Wilms tumor', 'Crohn disease', "Crohn's disease flare", 'Parkinson', "Parkinson's disease", 'Hodgkin lymphoma', 'Non-Hodgkin Lymphoma',
  'Circle of Willis', 'Foley catheter', 'Swan-Ganz catheter', 'Salter Harris II fracture', 'Colles fracture', 'Jones fracture',
  'Baker cyst', "Bell's palsy", 'Graves disease', 'Hashimoto thyroiditis', 'Cushing syndrome', 'Alzheimer dementia',
  'Huntington disease', 'Barrett esophagus', 'Meckel diverticulum', 'Chiari I malformation', 'Dandy-Walker', 'Budd-Chiari',
  'Ewing sarcoma', 'Kaposi sarcoma', 'Paget disease', 'Pancoast tumor', 'Whipple procedure', 'Hill-Sachs lesion', 'Bankart lesion',
  'Lisfranc injury', 'Wernicke area', "Broca's area", 'Fontan circulation', 'Tetralogy of Fallot', 'pouch of Douglas',
  'Morison pouch', 'Kerley B lines', 'Cobb angle 24 degrees', 'Gleason 7', 'Bosniak IIF cyst', 'Fleischner guidelines',
  'Osgood-Schlatter', 'Legg-Calve-Perthes', 'Schatzker II', 'Weber B ankle fracture', 'Stanford type A dissection',
  'DeBakey I', 'Hickman line', 'Jackson-Pratt drain', 'Seldinger technique', 'Valsalva maneuver', 'Doppler waveform',
  'Hounsfield units', 'Glasgow coma scale 14', 'Apgar 9', 'Tanner stage 3', 'Kellgren-Lawrence grade 2', 'Baker Cyst Left Knee',
  'CROHN DISEASE FOLLOW UP', 'HODGKIN LYMPHOMA RESTAGING', 'Eustachian tube', 'Sylvian fissure', 'Virchow node',
  // vendors, devices and products
  'Siemens', 'Philips', 'GE Healthcare', 'Siemens Healthineers', 'Philips Healthcare', 'Canon Medical Systems', 'Toshiba Aquilion ONE',
  'SIEMENS MAGNETOM Skyra', 'Philips Ingenia 3T', 'GE Signa Premier', 'GE MEDICAL SYSTEMS', 'Hologic Selenia Dimensions',
  'Fujifilm', 'Agfa', 'Carestream DRX', 'Konica Minolta', 'Samsung', 'Varian TrueBeam', 'Elekta Versa HD', 'Somatom Force',
  'Discovery MR750', 'Revolution CT', 'Biograph Vision', 'Acuson Sequoia', 'Voluson E10', 'Logiq E9', 'Affiniti 70', 'EPIQ 7',
  'Omnipaque 350', 'Visipaque 320', 'Gadavist 7.5 mL', 'Dotarem', 'Isovue 370', 'Optiray', 'Lexiscan', 'Definity contrast',
  // protocols, sequences, views, body parts, units
  'T2 FLAIR AX', 'T1 MPRAGE SAG', 'DWI b1000 ADC', 'SWI minIP', 'AX T2 BLADE FS', 'COR STIR', 'SAG T1 FS POST GAD',
  'LAO CRAN', 'RAO CAUD', 'AP CRAN 20', 'LAT DECUB', 'PA and lateral', 'Swimmers view', 'Towne view', 'Waters view',
  'Mortise view', 'Sunrise view', 'Frog leg lateral', 'Grashey view', 'Judet views', 'Y view', 'Bone window', 'Lung window',
  'MR BRAIN W/WO CONTRAST', 'CT ABD/PELVIS W CONTRAST', 'CTA CHEST PE PROTOCOL', 'MRCP', 'PET/CT FDG SKULL BASE TO THIGH',
  'US RENAL BILATERAL', 'XR KNEE 3 VIEWS LEFT', 'MAMMO DIAGNOSTIC BILAT', 'DEXA HIP AND SPINE', 'NM MUGA', 'Follow-up',
  'Follow-up in 6 months', 'Rule out PE', 'Contrast 80 mL Omnipaque 350', '120 kVp 250 mAs', 'Slice 2.5 mm', 'DLP 450 mGy*cm',
  'CTDIvol 12 mGy', 'Heart rate 62 bpm', 'Sats in the low 90s on room air', 'BP 90/60', 'Weight 91 kg', 'Height 190 cm',
  'Series 3 Image 45', 'Window 400 Level 40', 'Gated cardiac CTA', 'Left Atrium enlarged', 'Right Middle Lobe nodule',
  // ages of 89 and below and ordinary numbers
  '45 y/o male', '89 yo female', 'aged 67', 'age 089Y', '88-year-old', 'eighty-nine year old', 'age 55, no prior',
  'follow up in 90 days', '90 degree flexion', '91 images acquired', 'Series 91', '100 mL saline', 'in the 1990s',
  // ordinary words that are also given names or surnames
  'Will call with results', 'May repeat in 3 months', 'Mark site with BB', 'Grace period for prep', 'Max intensity projection',
  'Rose Bengal', 'Hunter Syndrome', 'Young adult', 'Long axis view', 'Brown fat', 'Stone protocol', 'Green channel',
  'Bishop score', 'Chase images', 'Rich text report', 'Dean of Medicine', 'Major fissure', 'Faith-based hospital',
  // second batch
  'CT Abdomen Pelvis With Contrast', 'Chest Xray Two Views', 'MRI Brain Without Contrast', 'Patient Tolerated Procedure Well',
  'Comparison: CT Abdomen', 'Impression: No Acute Findings', 'Left Lower Lobe Pneumonia', 'Right Upper Quadrant Pain',
  'Clinical History: Chest Pain', 'Reason For Exam: Fall', 'Technique: Axial Images', 'Spine Survey Cervical Thoracic Lumbar',
  'Sagittal Reformats', 'Coronal MIP', 'Bone Age Study', 'Skeletal Survey', 'Venous Doppler Lower Extremity Left',
  'Morton neuroma', 'Dupuytren contracture', 'Achilles tendon', 'Baker’s cyst', 'Bankart repair', 'Boerhaave syndrome',
  'Brown-Sequard', 'Caroli disease', 'Charcot foot', 'Hunter Canal', 'Jefferson fracture', 'Hangman fracture',
  'Chance fracture', 'Kienbock disease', 'Tommy John surgery', 'Pott puffy tumor', 'Mickey Mouse sign', 'Mercedes Benz sign',
  'Siemens Biograph mCT', 'GE Discovery 750HD', 'Philips Brilliance 64', 'Canon Aplio i800', 'Toshiba Aquilion Prime',
  'Fujifilm FDR Go', 'Hologic Horizon DXA', 'Agfa DX-D 300', 'Carestream DRX-Evolution', 'Samsung GC85A',
  'Gadoterate 15 mL', 'Iohexol 350', 'Tc-99m MDP', 'F-18 FDG', 'Ga-68 DOTATATE', 'I-131 whole body',
  'Weight 95 kg', 'Pulse 96', 'SpO2 94%', 'Temp 37.2', 'HR 92 bpm', 'BP 142/91', 'Glucose 98 mg/dL', '91 slices', 'TE 95 ms',
  'Flip angle 90', 'Phase 92%', 'kVp 100', 'DLP 912', 'Duration 98 min', 'Delay 90 s', '96 frames', 'Series 97 Image 3',
  'aged 89', '89 y/o', 'Age 088Y', 'eighty-eight years old', 'in her 80s', 'in his late 80s', 'seventy-year-old',
  'Dr. office requested copy', 'Reviewed with attending', 'Spoke to ED', 'Discussed with ICU team', 'Per protocol',
  'Follow up with PCP', 'Called to floor', 'Seen in ED', 'cc: chart', 'CC MLO views', 'Per ACR guidelines',
  'BI-RADS 2', 'LI-RADS 3', 'TI-RADS 4', 'PI-RADS 5', 'Lung-RADS 2', 'ASPECTS 9', 'NIHSS 12', 'TIMI 3 flow',
  'Grace period', 'Will Call', 'Mark Site', 'Max Intensity Projection', 'May Repeat', 'Hope this helps',
  'Victoria Falls', 'Grand Rounds', 'Summer Camp Injury', 'Christmas Tree Sign', 'Rugger Jersey Spine',
  'Stanford B', 'Glasgow Coma Scale', 'Boston Criteria', 'Fleischner Society', 'Mayo Clinic protocol',
  'Johns Hopkins criteria', 'Kaplan-Meier', 'Bland-Altman', 'Student t-test', 'Pearson correlation',
];
