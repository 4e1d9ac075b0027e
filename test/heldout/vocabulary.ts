/**
 * Invented identities and the radiology wording of the held-out set. Every name, street, city and
 * institution here is made up for this set; the clinical phrases follow how requisitions, protocols
 * and screens are written in practice (procedure names, sequence and view words, eponyms, initialisms).
 */

export const GIVEN_NAMES = {
  F: ['Ottoline', 'Mirela', 'Gwenllian', 'Ysolde', 'Cosima', 'Rosamund', 'Philippa', 'Henrietta', 'Clementine', 'Perpetua',
    'Wilhelmina', 'Lavinia', 'Odalys', 'Seraphine', 'Eudora', 'Bronagh', 'Imogen', 'Marisol', 'Annika', 'Zofia', 'Zoë', 'Inès'],
  M: ['Thaddeus', 'Halvard', 'Bartholomew', 'Leopold', 'Ferdinand', 'Lucius', 'Casimir', 'Evander', 'Augustin', 'Dashiell',
    'Ignatius', 'Rafferty', 'Silvio', 'Osric', 'Benedikt', 'Cormac', 'Anselm', 'Caspian', 'Tobiah', 'Emrys', 'Søren', 'Björn'],
} as const;

export const FAMILY_NAMES = ['Wrenfield', 'Brasswick', 'Ostrander', 'Pellinore', 'Tarrow', 'Halloran', 'Vantassel', 'Drummelow',
  'Ashgrove', 'Kittredge', 'Marchbanks', 'Oyelaran', 'Szczepanik', 'Nakashima-Reyes', "O'Donoghue", 'McAllister-Fenn', 'Lindqvist',
  'Threlkeld', 'Castellanos', 'Gallowglass', 'Yarborough', 'Penhaligon', 'Umberfield', 'Iredale', 'Ravensworth', 'Trevithick',
  'Bellweather', 'Okonkwo', 'Haverstock', 'Zelenko', 'Quarrington', 'Delacroix-Moss', 'Fennimore', 'Abernethy', 'Villanueva',
  'Mbeki-Lorne', 'Sandoval', 'Rookhaven', 'Tillinghast', 'Waldegrave', 'Ødegård', 'Lefèvre', 'Núñez-Baird'];

/** An institution as the header writes it and as screens shorten it. */
export interface Institution {
  full: string;
  /** The word that identifies it (the probe for a leak). */
  key: string;
  /** Forms screens use: abbreviations, word subsets, initials. */
  screen: string[];
  department: string;
  domain: string;
}

export const INSTITUTIONS: Institution[] = [
  { full: 'Harrowgate Medical Center', key: 'Harrowgate', screen: ['Harrowgate Med Ctr', 'HARROWGATE MC', 'HMC', 'Harrowgate Med. Ctr.'], department: 'Diagnostic Imaging', domain: 'harrowgate-mc.example.org' },
  { full: 'Quillon Valley University Hospital', key: 'Quillon', screen: ['Quillon Valley Univ Hosp', 'QVUH', 'Quillon Univ. Hosp.', 'QUILLON VALLEY UH'], department: 'Radiology', domain: 'quillonvalley.example.edu' },
  { full: 'Saint Benedetta Regional Hospital', key: 'Benedetta', screen: ['St. Benedetta Reg Hosp', 'St Benedetta Regional', 'SBRH', 'ST BENEDETTA HOSP'], department: 'Medical Imaging', domain: 'stbenedetta.example.org' },
  { full: "Corvane Children's Medical Center", key: 'Corvane', screen: ["Corvane Children's MC", 'CCMC', 'Corvane Childrens Med Ctr'], department: 'Pediatric Radiology', domain: 'corvanekids.example.org' },
  { full: 'Marrowvale Community Hospital', key: 'Marrowvale', screen: ['Marrowvale Comm Hosp', 'MARROWVALE CH', 'MCH Imaging'], department: 'Imaging Services', domain: 'marrowvalehealth.example.com' },
  { full: 'Greythorne Memorial Hospital', key: 'Greythorne', screen: ['Greythorne Mem Hosp', 'GMH', 'Greythorne Memorial'], department: 'Radiology Dept', domain: 'greythorne.example.net' },
  { full: 'Ashcombe University Medical Center', key: 'Ashcombe', screen: ['Ashcombe Univ Med Ctr', 'AUMC', 'Ashcombe UMC', 'ASHCOMBE UNIV MED CTR'], department: 'Neuroradiology', domain: 'ashcombe-umc.example.edu' },
  { full: 'Ellerby Heart and Vascular Institute', key: 'Ellerby', screen: ['Ellerby Heart & Vasc Inst', 'EHVI', 'Ellerby Heart Inst'], department: 'Cardiac Imaging', domain: 'ellerbyheart.example.org' },
];

export const STREETS = ['Ellery Bend', 'Wexcombe', 'Ostlere', 'Quarry Hill', 'Bellcote', 'Marlpit', 'Tannery', 'Kestrel Ridge', 'Old Ferry',
  'Harbison', 'Lindenhurst', "Cobbler's", 'Northgate', 'Sycamore Knoll', 'Pemberly Mill', 'Gorse Hollow', 'Saddlestone', 'Wickersham'];
export const STREET_SUFFIXES: [string, string][] = [['Road', 'Rd'], ['Street', 'St'], ['Avenue', 'Ave'], ['Lane', 'Ln'], ['Drive', 'Dr'],
  ['Boulevard', 'Blvd'], ['Court', 'Ct'], ['Place', 'Pl'], ['Way', 'Way'], ['Terrace', 'Ter'], ['Parkway', 'Pkwy'], ['Circle', 'Cir'], ['Row', 'Row']];
export const CITIES = ['Dunmarrow', 'Ketterly Falls', 'Brindlewood', 'Ashwater', 'Port Caddell', 'Wimbourne Heights', 'Saltmere',
  'Greyhaven', 'Tollbridge', 'Oakhurst Springs', 'New Lanwick', 'Fernhollow', 'Kestington', 'Lower Abbotsley'];
export const STATES = ['OR', 'VT', 'NM', 'MI', 'OH', 'ME', 'WA', 'GA', 'MN', 'AZ', 'Oregon', 'Vermont', 'Ohio'];
export const MAIL_HOSTS = ['mailbox.example.net', 'postbox.example.com', 'inbox.example.org'];

export const RELATIONS = ['daughter', 'son', 'wife', 'husband', 'niece', 'caregiver', 'guardian', 'neighbor', 'POA'];

/** Requested procedure / study descriptions (LO, at most ~40 characters so PHI fits beside them). */
export const PROCEDURES: Record<string, string[]> = {
  CT: ['CT CHEST PE PROTOCOL', 'CT ABD/PELVIS W CONTRAST', 'CT HEAD WO', 'CTA HEAD AND NECK', 'CT SINUS WO', 'CT KUB STONE PROTOCOL',
    'CT CHEST LOW DOSE LUNG SCREEN', 'CT C-SPINE WO', 'CT CORONARY CALCIUM SCORE', 'CTA RUNOFF BILAT', 'CT TEMPORAL BONES', 'CT L-SPINE W/O'],
  MR: ['MR BRAIN W/WO CONTRAST', 'MRI L-SPINE WO', 'MRA CIRCLE OF WILLIS', 'MR PROSTATE MULTIPARAMETRIC', 'MR SHOULDER RT WO',
    'MR KNEE LT WO', 'MRCP', 'MR CARDIAC MORPH/FUNCTION', 'MR PITUITARY W/WO', 'MR ORBITS W/WO FS', 'MR PELVIS FISTULA PROTOCOL', 'MRI C-SPINE W/WO'],
  CR: ['XR CHEST 2V PA/LAT', 'XR KNEE 3V LT', 'XR HAND MIN 3V RT', 'XR ANKLE 2V', 'XR PELVIS AP', 'XR CHEST 1V PORTABLE', 'XR L-SPINE 4V',
    'XR SHOULDER 2V RT', 'XR ABDOMEN KUB', 'XR FOOT 3V LT WT BEARING'],
  DX: ['XR CHEST 1V AP PORTABLE', 'XR HIP 2V RT', 'XR WRIST 3V LT', 'XR C-SPINE FLEX/EXT', 'XR TIB/FIB 2V', 'XR SKELETAL SURVEY', 'XR RIBS UNILAT W PA CXR'],
  US: ['US ABD LTD RUQ', 'US RENAL COMPLETE', 'US CAROTID DUPLEX BILAT', 'US PELVIS TRANSVAGINAL', 'US THYROID', 'US LE VENOUS DOPPLER LT',
    'US SCROTUM W DOPPLER', 'US OB >14 WKS SINGLE', 'US APPENDIX', 'US SOFT TISSUE NECK'],
  SC: ['OUTSIDE FILMS IMPORT', 'DOSE REPORT', 'SCANNED REQUISITION', 'KEY IMAGES', 'CT DOSE SUMMARY', '3D RECON VR'],
  SR: ['CT CHEST PE PROTOCOL', 'US ABD LTD RUQ', 'MR BRAIN W/WO CONTRAST', 'XR CHEST 2V PA/LAT', 'MAMMO SCREENING BILAT TOMO'],
  SEG: ['CT CHEST LOW DOSE LUNG SCREEN', 'MR PROSTATE MULTIPARAMETRIC'],
  RTSTRUCT: ['CT SIM HEAD AND NECK', 'CT SIM PELVIS', 'CT SIM BREAST LT'],
};

/** Series descriptions and protocol names as scanners write them. */
export const SERIES: Record<string, string[]> = {
  CT: ['Ax 5mm STND', 'Cor 3mm BONE', 'Sag MPR', 'Lung 1.25mm', 'Scout', 'Localizer', 'AX 2.5 SOFT TISSUE', 'CTA 0.625 MIP', 'PE 1.25mm Ax', 'Dose Report'],
  MR: ['T1 FLAIR AX', 'DWI b1000', 'ADC', 'T2 TSE SAG', 'SWI MinIP', '3D MPRAGE SAG 1mm', 'AX T2 FS', 'COR STIR', 'DCE TWIST', 'eADC',
    'TOF 3D MIP', 'CINE SSFP 4CH', 'LGE PSIR SA', 'Post Contrast Ax T1 MPR', 'AX T2* GRE', 'PD FS COR'],
  CR: ['PA AND LAT', 'AP PORTABLE', 'LAT DECUB', 'PA ERECT', 'Oblique', 'AP SUPINE', 'LAT', 'Sunrise View'],
  DX: ['AP PORTABLE', 'PA ERECT', 'LAT', 'AP Semi-Upright', 'Oblique LT', 'Swimmers LAT'],
  US: ['B-mode Liver', 'Color Doppler Rt Kidney', 'Spectral CFA', 'RUQ LONG', 'LT KIDNEY TRV', 'Thyroid RT Lobe', 'Cine Clip', 'Elastography SWE'],
  SC: ['Screen Save', 'Dose Info', 'Page 1', 'Exported Key Images', 'VR Reformat'],
  SR: ['Radiology Report', 'Preliminary Report', 'Measurements', 'Final Report'],
  SEG: ['Lung Nodule Segmentation', 'Prostate Zones AI'],
  RTSTRUCT: ['Structure Set CT Sim', 'Contours RTOG'],
};

/** Reasons and history, written as clinicians write them (initialisms, eponyms, numbers that are not ages). */
export const REASONS = ['r/o PE', 'SOB, tachycardia', 'eval for mets', 'h/o CVA', 'f/u nodule 6 mm RUL', 'RLQ pain, r/o appendicitis',
  's/p ORIF L ankle', 'headache, worst of life', 'hematuria', 'elevated PSA 7.2', 'CHF exacerbation', 'MVC, neck pain',
  'fever and leukocytosis', 'BI-RADS 0 callback', 'chronic LBP with radiculopathy', 'syncope', 'r/o Hill-Sachs lesion',
  'f/u Baker cyst', 'known Crohn disease, eval fistula', 'Hodgkin lymphoma restaging', 'Chiari I f/u', 'r/o Wilms tumor',
  'Barrett esophagus', 'Colles fx, post reduction', 'Salter-Harris II distal radius', 'Paget disease of bone', 'TIA x2 last wk',
  'DVT LLE, on Eliquis', 'AAA surveillance 4.1 cm', 'pre-TAVR planning', 'elevated LFTs, r/o NASH', 'HCC surveillance, LI-RADS',
  'GSW RUE', 'UTI with flank pain', 'ACL tear, pre-op', 'Graves disease', 'Morton neuroma 3rd web space', 'VP shunt check'];

export const HISTORY = ['HTN, DM2, CKD 3a', 'COPD on 2L O2', 'AFib on warfarin', 'prior CABG 2011', 'breast CA s/p lumpectomy',
  'former smoker 40 pack-years', 'ESRD on HD MWF', 'Parkinson disease', 'BPH', 'NSCLC RLL, on immunotherapy', 'status post Whipple',
  'metal fragments L orbit (welder)', 'pacemaker MRI conditional', 'sickle cell trait', 'IVC filter in place', 'Alzheimer dementia'];

export const COMMENTS = ['Contrast: 100 mL Omnipaque 350 IV', 'eGFR 58, creatinine 1.1', 'No prior for comparison', 'Motion artifact on series 4',
  'Pt unable to hold breath', 'Sedation per anesthesia', 'Limited study due to body habitus', 'Repeat lateral due to rotation',
  'Foley catheter in place', 'Swan-Ganz catheter noted', 'Hounsfield units measured on series 3', 'Fluoro time 2.3 min, DAP 14.2 Gy*cm2',
  'Gadavist 7.5 mL', 'CTDIvol 12.4 mGy, DLP 480 mGy*cm', 'Wet read called to ED', 'Bowel prep incomplete', 'Premedicated per protocol',
  'Patient in C-collar', 'Valsalva performed', 'Doppler waveforms obtained'];

export const DIAGNOSES = ['Pulmonary embolism suspected', 'Cholelithiasis', 'Acute appendicitis', 'Osteoarthritis knee', 'Nephrolithiasis',
  'Carotid stenosis', 'Community acquired pneumonia', 'Lumbar stenosis L4-5', 'Glioblastoma WHO 4', 'Rotator cuff tear'];

/** Text a report holds (SR TEXT items). */
export const FINDINGS = ['No acute intracranial hemorrhage. Mild chronic small vessel ischemic change.',
  'Filling defects in the right lower lobe segmental arteries consistent with acute PE. RV/LV ratio 0.9.',
  'Gallbladder distended with multiple shadowing stones. Positive sonographic Murphy sign. CBD 4 mm.',
  'Lungs are clear. Heart size normal. No pleural effusion or pneumothorax.',
  'Heterogeneous enhancing mass in the left frontal lobe measuring 3.2 x 2.8 cm with vasogenic edema.',
  'Tear of the anterior cruciate ligament. Bone contusions lateral femoral condyle and posterolateral tibial plateau.',
  'Stable 6 mm solid nodule RUL, Lung-RADS 2. No new nodules.',
  'Simple cyst upper pole left kidney 1.4 cm, Bosniak I. No hydronephrosis.'];
export const IMPRESSIONS = ['No acute cardiopulmonary process.', 'Acute PE without right heart strain.', 'Acute calculous cholecystitis.',
  'Findings concerning for high grade glioma.', 'Complete ACL tear.', 'Lung-RADS 2, annual screening.', 'Bosniak I cyst, no follow-up needed.'];

/** Lines screens print that are not PHI, by modality. */
export const SCREEN_HARMLESS: Record<string, string[]> = {
  CT: ['kVp 120', 'mA 240', 'mAs 180', 'W:400 L:40', 'WW 1500 WL -600', 'ST 1.25mm', 'Se: 3', 'Im: 42/118', 'Zoom 1.2', 'Tilt 0.0', 'DFOV 36.0cm', 'STND/+', 'Helical 0.984:1', 'CTDIvol 9.8'],
  MR: ['TR 4500 TE 92', 'FOV 240x240', 'Im 12/24', 'SL 5.0', 'ET 17', 'FA 90', 'ACQ 3.0T', 'T2 TSE AX', 'b=1000', 'BW 260Hz', 'W 1200 C 600', 'NEX 2', 'Matrix 320x256'],
  CR: ['PA ERECT', 'AP SUPINE', 'Portable', 'Semi-Upright', 'LAT', 'kVp 85', 'mAs 3.2', 'EI 1420', 'DAP 0.12', 'Grid', 'SID 72in'],
  DX: ['AP', 'PA', 'LAT', 'Portable', 'Semi-Upright', 'Upright', 'kV 90', 'mAs 2.5', 'EXI 310', 'S 210', 'Erect 180cm'],
  US: ['C5-1 17Hz MI 1.2', 'L12-5 TIs 0.4 Gn 52', 'C1-6 23Hz TIb 0.7', 'L18-4 31Hz MI 0.8', 'S5-1 12Hz TIc 1.1', 'EV9-4 Gn 60 MI 1.0', 'P4-2 FR 18 MI 1.3', 'Depth 16 cm', 'DR 60', 'Frq 4.0MHz', 'FR 21Hz', 'RUQ LONG',
    'LT KIDNEY TRV', 'B-mode', 'Gn 48 C4 P3', 'PRF 2500 WF 100', 'CF 3.1MHz', 'MI 0.9 TIs 0.3', 'Res 50%', 'Harm Gen'],
  SC: ['Page 1 of 2', 'Series 3', 'Frame 1', 'Zoom 100%', 'Exported', 'Key Image', 'WL 40/400', 'VR Bone'],
};
