/**
 * Curated clinical vocabulary, RadLex-style: procedure, anatomy, protocol, sequence, view, technique
 * and reporting words that descriptions use and that look like names or titles when capitalised
 * (`MR BRAIN W/WO CONTRAST`, `Follow Up`, `Rule Out`). It is written into the default rules YAML as
 * `clinical_vocabulary` (data a site can extend); DICOM's own defined terms (modalities, body parts,
 * views, positions, sequences) come from the standard (`dicom-terms.json`) and are always added.
 */
export const DEFAULT_CLINICAL_VOCABULARY: readonly string[] = [
  // modalities and procedure names
  'XR', 'X-RAY', 'XRAY', 'FL', 'MAM', 'BMD', 'VIR', 'IVR', 'RADIOGRAPH', 'RADIOGRAPHY', 'FLUORO', 'FLUOROSCOPY', 'MRI', 'MRA', 'MRV', 'MRCP', 'FMRI', 'CTA', 'CTV', 'CTP',
  'PET', 'PET/CT', 'PET/MR', 'SPECT', 'NM', 'NUC', 'NUCLEAR', 'MAMMO', 'MAMMOGRAM', 'MAMMOGRAPHY', 'TOMO', 'TOMOSYNTHESIS', 'DEXA', 'DXA',
  'ULTRASOUND', 'SONO', 'SONOGRAM', 'SONOGRAPHY', 'ECHO', 'ECHOCARDIOGRAM', 'DOPPLER', 'DUPLEX', 'ANGIO', 'ANGIOGRAM', 'ANGIOGRAPHY',
  'VENOGRAM', 'ARTERIOGRAM', 'ARTHROGRAM', 'MYELOGRAM', 'ESOPHAGRAM', 'UROGRAM', 'CYSTOGRAM', 'HYSTEROSALPINGOGRAM', 'ENTEROGRAPHY',
  'COLONOGRAPHY', 'DEFECOGRAPHY', 'BONE', 'SCAN', 'SCINTIGRAPHY', 'BIOPSY', 'ASPIRATION', 'DRAINAGE', 'ABLATION', 'INJECTION',
  'EMBOLIZATION', 'STENT', 'CATHETER', 'PLACEMENT', 'REMOVAL', 'GUIDANCE', 'GUIDED', 'LOCALIZATION', 'MARKER', 'PARACENTESIS',
  'THORACENTESIS', 'LUMBAR', 'PUNCTURE', 'SWALLOW', 'BARIUM', 'ENEMA', 'UGI', 'SBFT', 'KUB', 'IVP', 'VCUG', 'HSG', 'CXR', 'AXR',
  'CCTA', 'CAC', 'CALCIUM', 'SCORE', 'SCORING', 'PERFUSION', 'DIFFUSION', 'SPECTROSCOPY', 'ELASTOGRAPHY', 'TRACTOGRAPHY', 'DTI',
  // anatomy
  'HEAD', 'BRAIN', 'SKULL', 'FACE', 'FACIAL', 'SINUS', 'SINUSES', 'ORBIT', 'ORBITS', 'IAC', 'IACS', 'TEMPORAL', 'PITUITARY', 'SELLA',
  'NECK', 'SOFT', 'TISSUE', 'TISSUES', 'THYROID', 'PAROTID', 'LARYNX', 'PHARYNX', 'TRACHEA', 'CHEST', 'THORAX', 'THORACIC', 'LUNG',
  'LUNGS', 'PULMONARY', 'HEART', 'CARDIAC', 'CORONARY', 'CORONARIES', 'AORTA', 'AORTIC', 'ARCH', 'MEDIASTINUM', 'RIB', 'RIBS',
  'STERNUM', 'CLAVICLE', 'SCAPULA', 'SHOULDER', 'SHOULDERS', 'HUMERUS', 'ELBOW', 'FOREARM', 'WRIST', 'HAND', 'HANDS', 'FINGER',
  'FINGERS', 'THUMB', 'ABDOMEN', 'ABDOMINAL', 'PELVIS', 'PELVIC', 'LIVER', 'HEPATIC', 'GALLBLADDER', 'BILIARY', 'PANCREAS',
  'SPLEEN', 'KIDNEY', 'KIDNEYS', 'RENAL', 'ADRENAL', 'ADRENALS', 'BLADDER', 'PROSTATE', 'UTERUS', 'OVARY', 'OVARIES', 'TESTIS',
  'TESTES', 'SCROTUM', 'SCROTAL', 'BOWEL', 'COLON', 'RECTUM', 'APPENDIX', 'STOMACH', 'ESOPHAGUS', 'DUODENUM', 'SPINE', 'SPINAL',
  'CERVICAL', 'LUMBOSACRAL', 'SACRUM', 'COCCYX', 'SACROILIAC', 'HIP', 'HIPS', 'FEMUR', 'THIGH', 'KNEE', 'KNEES', 'PATELLA', 'TIBIA',
  'FIBULA', 'LEG', 'LEGS', 'CALF', 'ANKLE', 'ANKLES', 'FOOT', 'FEET', 'TOE', 'TOES', 'HEEL', 'CALCANEUS', 'EXTREMITY',
  'EXTREMITIES', 'UPPER', 'LOWER', 'ARM', 'ARMS', 'JOINT', 'JOINTS', 'BREAST', 'BREASTS', 'AXILLA', 'AXILLARY', 'CAROTID',
  'CAROTIDS', 'VERTEBRAL', 'VENOUS', 'ARTERIAL', 'VEIN', 'VEINS', 'ARTERY', 'ARTERIES', 'VESSEL', 'VESSELS', 'VASCULAR', 'RUQ',
  'RLQ', 'LUQ', 'LLQ', 'EPIGASTRIC', 'INGUINAL', 'HERNIA', 'CHOLANGIOGRAM', 'WHOLE', 'BODY', 'TOTAL', 'SKELETAL', 'SURVEY', 'C-SPINE',
  'T-SPINE', 'L-SPINE', 'TMJ', 'MANDIBLE', 'MAXILLA', 'DENTAL', 'TEETH', 'NASAL', 'BONES', 'CSPINE', 'TSPINE', 'LSPINE', 'ENDOMETRIUM',
  'CERVIX', 'FETUS', 'FETAL', 'OB', 'GYN', 'OBSTETRIC', 'TRANSVAGINAL', 'TRANSABDOMINAL', 'TRANSRECTAL', 'PELVIC', 'NUCHAL',
  // protocol, technique and sequence words
  'WITH', 'WITHOUT', 'W/O', 'W/WO', 'W/', 'WO', 'WWO', 'W/W/O', 'AND', 'OR', 'CONTRAST', 'CON', 'NONCON', 'NON-CONTRAST',
  'IV', 'ORAL', 'GAD', 'GADOLINIUM', 'IODINATED', 'ENHANCED', 'UNENHANCED', 'PRE', 'POST', 'DELAYED', 'DYNAMIC', 'PHASE',
  'MULTIPHASE', 'TRIPLE', 'DUAL', 'ENERGY', 'LOW', 'DOSE', 'HIGH', 'RESOLUTION', 'HRCT', 'HR', 'THIN', 'SLICE', 'SLICES', 'CUTS',
  'RECON', 'RECONS', 'RECONSTRUCTION', 'MPR', 'MIP', 'MINIP', 'VR', '3D', '2D', '4D', 'VOLUME', 'VOLUMETRIC', 'HELICAL', 'SPIRAL',
  'AXIAL', 'AX', 'CORONAL', 'COR', 'SAGITTAL', 'SAG', 'OBLIQUE', 'OBL', 'SCOUT', 'SURVIEW', 'TOPOGRAM', 'LOCALIZER', 'LOC', 'PLANE',
  'T1', 'T2', 'T1W', 'T2W', 'PD', 'PDW', 'FLAIR', 'STIR', 'DWI', 'ADC', 'SWI', 'GRE', 'SPGR', 'FSPGR', 'MPRAGE', 'FIESTA', 'TRUFI',
  'HASTE', 'SSFSE', 'FSE', 'TSE', 'SE', 'EPI', 'IR', 'FS', 'FATSAT', 'FAT', 'SAT', 'WATER', 'DIXON', 'IDEAL', 'TOF', 'PC',
  'CINE', 'LGE', 'BOLD', 'ASL', 'DCE', 'DSC', 'MTC', 'VIBE', 'LAVA', 'THRIVE', 'BLADE', 'PROPELLER', 'MEDIC', 'SPACE', 'CUBE',
  'B0', 'B1000', 'B800', 'TRACE', 'MAP', 'MAPS', 'SERIES', 'SEQUENCE', 'SEQUENCES', 'PROTOCOL', 'ROUTINE', 'STANDARD', 'SPECIAL',
  'LIMITED', 'COMPLETE', 'FOCUSED', 'SINGLE', 'MULTIPLE', 'BILATERAL', 'UNILATERAL', 'BILAT', 'LEFT', 'RIGHT', 'LT', 'RT', 'BOTH',
  'VIEW', 'VIEWS', '1V', '2V', '3V', '4V', 'MIN', 'AP', 'PA', 'LAT', 'LATERAL', 'LATS', 'FRONTAL', 'PORTABLE', 'PORT', 'SUPINE',
  'PRONE', 'ERECT', 'UPRIGHT', 'DECUBITUS', 'DECUB', 'STANDING', 'WEIGHT', 'BEARING', 'WB', 'FLEXION', 'EXTENSION', 'OPEN',
  'MOUTH', 'ODONTOID', 'SWIMMERS', 'TOWNE', 'WATERS', 'CALDWELL', 'MORTISE', 'SUNRISE', 'MERCHANT', 'TUNNEL', 'NOTCH', 'Y-VIEW',
  'SCAPULAR', 'GRASHEY', 'AXILLARY', 'INLET', 'OUTLET', 'JUDET', 'FROG', 'LEG', 'CC', 'MLO', 'ML', 'LM', 'XCCL', 'SPOT', 'MAG',
  'MAGNIFICATION', 'COMPRESSION', 'TANGENTIAL', 'IMPLANT', 'IMPLANTS', 'DISPLACED', 'ID', 'LAO', 'RAO', 'LPO', 'RPO', 'INSP',
  'EXP', 'INSPIRATION', 'EXPIRATION', 'KVP', 'MAS', 'MA', 'FOV', 'DFOV', 'THK', 'MM', 'CM', 'HU', 'WL', 'WW', 'W/L', 'HZ', 'MHZ',
  'DB', 'MI', 'TIS', 'TIB', 'GAIN', 'DEPTH', 'FREQ', 'PWR', 'FR', 'DR', 'CR', 'CT', 'MR', 'US', 'NM', 'PT', 'XA', 'RF', 'MG', 'DX',
  'AEC', 'SID', 'SOD', 'EI', 'DAP', 'KAP', 'DLP', 'CTDI', 'CTDIVOL', 'SSDE', 'BUCKY', 'GRID', 'DETECTOR', 'FILTER', 'FOCAL',
  // reporting and request words
  'STUDY', 'EXAM', 'EXAMINATION', 'IMAGE', 'IMAGES', 'IMAGING', 'SCREENING', 'DIAGNOSTIC', 'SURVEILLANCE', 'STAGING', 'RESTAGING',
  'FOLLOW', 'FOLLOW-UP', 'FOLLOWUP', 'F/U', 'UP', 'RULE', 'OUT', 'R/O', 'EVAL', 'EVALUATION', 'EVALUATE', 'ASSESS', 'ASSESSMENT',
  'HISTORY', 'HX', 'PMH', 'INDICATION', 'INDICATIONS', 'REASON', 'COMPARISON', 'TECHNIQUE', 'FINDINGS', 'IMPRESSION', 'REPORT',
  'PRELIM', 'PRELIMINARY', 'FINAL', 'ADDENDUM', 'ADDENDA', 'CLINICAL', 'INFORMATION', 'NOTES', 'NOTE', 'COMMENT', 'COMMENTS',
  'REQUESTED', 'REQUEST', 'ORDERED', 'ORDER', 'OUTSIDE', 'SCANNED', 'DOCUMENT', 'DOCUMENTS', 'PRIOR', 'PRIORS', 'CURRENT', 'NEW',
  'OLD', 'ACUTE', 'CHRONIC', 'PAIN', 'TRAUMA', 'INJURY', 'FALL', 'MVC', 'MVA', 'FRACTURE', 'FX', 'DISLOCATION', 'SPRAIN', 'TEAR',
  'MASS', 'NODULE', 'NODULES', 'LESION', 'LESIONS', 'TUMOR', 'TUMOUR', 'CANCER', 'CARCINOMA', 'CA', 'METASTASIS', 'METASTASES',
  'METS', 'LYMPHOMA', 'CYST', 'STONE', 'STONES', 'CALCULUS', 'OBSTRUCTION', 'INFECTION', 'ABSCESS', 'PNEUMONIA', 'EFFUSION',
  'PNEUMOTHORAX', 'EDEMA', 'HEMORRHAGE', 'BLEED', 'STROKE', 'CVA', 'TIA', 'ISCHEMIA', 'INFARCT', 'ANEURYSM', 'DISSECTION',
  'STENOSIS', 'THROMBOSIS', 'DVT', 'PE', 'EMBOLISM', 'SEIZURE', 'HEADACHE', 'DIZZINESS', 'SYNCOPE', 'COUGH', 'FEVER', 'SOB',
  'DYSPNEA', 'NAUSEA', 'VOMITING', 'SWELLING', 'APPENDICITIS', 'DIVERTICULITIS', 'CHOLECYSTITIS', 'PANCREATITIS', 'HEMATURIA',
  'JAUNDICE', 'WEIGHT', 'LOSS', 'ANEMIA', 'DIABETES', 'HYPERTENSION', 'COPD', 'CHF', 'CAD', 'MI', 'S/P', 'STATUS', 'POSTOP',
  'POST-OP', 'PREOP', 'PRE-OP', 'SURGERY', 'SURGICAL', 'RESECTION', 'REPLACEMENT', 'ARTHROPLASTY', 'TKA', 'THA', 'ORIF',
  'HARDWARE', 'LINE', 'LINES', 'TUBE', 'TUBES', 'PICC', 'NG', 'ETT', 'CHEMO', 'CHEMOTHERAPY', 'RADIATION', 'THERAPY', 'TREATMENT',
  'RESPONSE', 'BASELINE', 'ABNORMAL', 'NORMAL', 'NEGATIVE', 'POSITIVE', 'SUSPECTED', 'SUSPICIOUS', 'POSSIBLE', 'PROBABLE',
  'KNOWN', 'LEFT-SIDED', 'RIGHT-SIDED', 'ANTERIOR', 'POSTERIOR', 'SUPERIOR', 'INFERIOR', 'MEDIAL', 'PROXIMAL', 'DISTAL', 'MID',
  'CENTRAL', 'PERIPHERAL', 'DEEP', 'SUPERFICIAL', 'INTERNAL', 'EXTERNAL', 'COMMON', 'GENERAL', 'EMERGENCY', 'ED', 'ER', 'ICU',
  'INPATIENT', 'OUTPATIENT', 'STAT', 'URGENT', 'PEDIATRIC', 'PEDS', 'ADULT', 'MALE', 'FEMALE', 'M', 'F', 'YEAR', 'YEARS', 'OLD',
  'PATIENT', 'PT', 'RADIOLOGY', 'DEPARTMENT', 'DIAGNOSTIC', 'INTERVENTIONAL', 'NEURORADIOLOGY', 'CARDIOLOGY', 'ONCOLOGY',
  'POSITION', 'POSITIONING', 'PREP', 'PREPARATION', 'TOLERATED', 'COOPERATIVE', 'MOTION', 'ARTIFACT', 'LIMITED', 'BURNED-IN', 'DEMOGRAPHICS', 'REVIEWED', 'SEGMENTATION', 'STRUCTURE', 'STRUCTURES',
  'SET', 'ROI', 'ROIS', 'CONTOUR', 'CONTOURS', 'PLAN', 'PLANNING', 'DOSE', 'GTV', 'CTV', 'PTV', 'OAR', 'EXTERNAL', 'ISOCENTER',
  // species of microbes, written after a genus initial (`E. coli`, `S. Aureus`): never a surname
  'COLI', 'AUREUS', 'PYLORI', 'DIFFICILE', 'AERUGINOSA', 'PNEUMONIAE', 'EPIDERMIDIS', 'ALBICANS', 'TUBERCULOSIS', 'GONDII',
  'JIROVECII', 'FRAGILIS', 'FAECALIS', 'FAECIUM', 'MIRABILIS', 'INFLUENZAE', 'PYOGENES', 'AGALACTIAE', 'MARCESCENS', 'CLOACAE',
  'BAUMANNII', 'MONOCYTOGENES', 'GONORRHOEAE', 'TRACHOMATIS', 'BURGDORFERI', 'NEOFORMANS', 'FUMIGATUS', 'VIRIDANS', 'LUGDUNENSIS',
  'PHANTOM', 'QA', 'QC', 'TEST', 'CALIBRATION', 'KEY', 'IMAGES', 'MEASUREMENT', 'MEASUREMENTS', 'SR', 'SEG', 'RTSTRUCT',
  // care settings, units and services, as notes name them after `from`, `at`, `to` (`transferred from OSH`, `sent to SNF`)
  'OSH', 'PCP', 'GP', 'SNF', 'LTAC', 'LTACH', 'LTC', 'ALF', 'IRF', 'PACU', 'NICU', 'PICU', 'CCU', 'MICU', 'SICU', 'CVICU', 'TICU',
  'MSICU', 'NNU', 'SCBU', 'HDU', 'CDU', 'MAU', 'SDU', 'PCU', 'L&D', 'A&E', 'OPD', 'EMS', 'GI', 'URO', 'RHEUM', 'ENDO', 'PSYCH',
  'PM&R', 'WALK-IN', 'RESUS', 'STEPDOWN', 'STEP-DOWN', 'SLP', 'OB/GYN', 'OBGYN', 'HEM/ONC', 'HEMONC', 'NSGY', 'OPAT', 'PACS', 'RIS',
  // reporting systems
  'BI-RADS', 'BIRADS', 'LI-RADS', 'LIRADS', 'PI-RADS', 'PIRADS', 'TI-RADS', 'TIRADS', 'O-RADS', 'ORADS', 'LUNG-RADS', 'LUNGRADS', 'C-RADS', 'NI-RADS',
  'CAD-RADS', 'BT-RADS',
  'CD', 'CDS', 'DVD', 'CATH', 'PHYSIO', 'PHYSIOTHERAPY', 'THEATRE', 'THEATRES', 'ANTICOAGULATION', 'ENDOSCOPY', 'INFUSION', 'DIALYSIS', 'TELEMETRY',
  // order-catalogue shorthand (RadLex Playbook short names, RIS and CPT-like names): regions, extent, laterality, counts
  'W', 'DIAG', 'ABD', 'PEL', 'ABD/PEL', 'A/P', 'CAP', 'TAP', 'BIL', 'UNILAT', 'LTD', 'LMTD', 'COMP', 'CMPL', 'COMPL', 'ADDL', 'ADDTL', 'ADD\'L',
  'MULT', 'SGL', 'INCL', 'EXT', 'EXTR', 'EXTREM', 'UPR', 'LWR', 'UE', 'BLE', 'RLE', 'LLE', 'RUE', 'LUE', 'BUE', 'WK', 'WKS',
  'TRI', 'GEST', 'SNGL', 'TV', 'TA/TV', 'OU', 'OD', 'OS', 'PA/LAT', 'AP/LAT', 'OBLQ', 'OBLIQUES', 'CONE', 'CONED',
  'NECT', 'CECT', 'LDCT', 'CTPA', 'CTU', 'CTC', 'CTE', 'MRE', 'MRU', 'TTE', 'TEE', 'CBCT', 'OPG', 'OPT', 'OPTG', 'FMX', 'CEPH',
  'PANO', 'BWX', 'PAX', 'NAI', 'OM', 'OMF', 'DP', 'EOS', 'MSK', 'NEURO', 'IAM', 'IAMS', 'TIB/FIB', 'SI', 'SIJ', 'AC', 'SC', 'MCP', 'PIP', 'DIP',
  'MTP', 'CMC', 'TFCC', 'ACL', 'PCL', 'MCL', 'LCL', 'OCD', 'APPY', 'GB', 'CBD', 'RUQ/LUQ', 'AAA', 'AV', 'AVF', 'AVG', 'IMT', 'ABI', 'PVR',
  'FAST', 'EFAST', 'POCUS', 'FFR', 'TAVR', 'TAVI', 'LAA', 'PFO', 'ASD', 'VSD', 'CHD', 'SFA', 'CFA', 'IVC', 'SVC', 'EVAR', 'TEVAR', 'FEVAR',
  'TACE', 'TARE', 'SIRT', 'TIPS', 'TIPSS', 'UFE', 'UAE', 'PAE', 'PTC', 'PTBD', 'PCN', 'NUT', 'PCI', 'ICD', 'CRT', 'LAD', 'LCX', 'RCA',
  'FNA', 'FNAB', 'BX', 'CNB', 'VAB', 'G-TUBE', 'GJ', 'GJ-TUBE', 'J-TUBE', 'PEG-J', 'NJ', 'IJ', 'EP', 'RFA', 'MWA', 'HIFU', 'LP',
  'ESI', 'TFESI', 'SNRB', 'MBB', 'CALLBACK', 'CALL-BACK', 'RECALL', 'ADDITIONAL', 'SUPPLEMENTAL', 'STEREO', 'STEREOTACTIC', 'SPECIMEN',
  'NEEDLE', 'WIRE', 'CLIP', 'SEED', 'SAVI', 'ABBREVIATED', 'SYNTHESIZED', 'SYNTHETIC', 'C-VIEW', 'CV', 'LCC', 'RCC', 'LMLO',
  'RMLO', 'LXCCL', 'RXCCL', 'LML', 'RML', 'LLM', 'RLM', 'LAT-MED', 'MED-LAT', 'EXAGGERATED', 'ROLLED', 'CLEAVAGE', 
  'CESM', 'CEM', 'ABUS', 'DENSITY',
  // radiotherapy planning and guidance
  'SIM', 'CT-SIM', 'SIMULATION', '4DCT', 'IGRT', 'IMRT', 'VMAT', 'SRS', 'SBRT', 'SABR', 'DIBH', 'BRACHY', 'BRACHYTHERAPY', 'HDR',
  'LDR', 'MVCT', 'KV', 'MV', 'DOSIMETRY', 'FRACTION', 'FRACTIONS', 'BOOST', 'ISOCENTRE', 'SETUP', 'SET-UP',
  'GRAM', 'VENTRICULOGRAM', 'LVGRAM', 'TPA', 'TNK', 'ALTEPLASE', 'TENECTEPLASE',
  // nuclear medicine and PET: tracers, agents and studies
  'FDG', 'PSMA', 'DOTATATE', 'DOTATOC', 'DOTANOC', 'FLUCICLOVINE', 'FES', 'FLT', 'NAF', 'MDP', 'HDP', 'HMDP', 'DMSA', 'DTPA', 'MAG3',
  'MIBG', 'MIBI', 'SESTAMIBI', 'TETROFOSMIN', 'MAA', 'HMPAO', 'ECD', 'HIDA', 'DISIDA', 'MEBROFENIN', 'CCK', 'SINCALIDE', 'MUGA',
  'RVG', 'MPI', 'DATSCAN', 'IOFLUPANE', 'OCTREOSCAN', 'OCTREOTIDE', 'PENTETREOTIDE', 'AMYLOID', 'TAU', 'RUBIDIUM', 'AMMONIA', 'THALLIUM',
  'GALLIUM', 'INDIUM', 'TECHNETIUM', 'IODINE', 'XENON', 'LUTETIUM', 'RADIUM', 'YTTRIUM', 'SPHERES', 'MICROSPHERES', 'WBC', 'V/Q', 'VQ',
  'SPECT/CT', 'REST/STRESS', 'STRESS/REST', 'REST', 'STRESS', 'REGADENOSON', 'ADENOSINE', 'DOBUTAMINE', 'DIPYRIDAMOLE', 'LASIX',
  'FUROSEMIDE', 'CAPTOPRIL', 'LYMPHOSCINTIGRAPHY', 'CISTERNOGRAM', 'CISTERNOGRAPHY', 'UPTAKE', 'EMPTYING', 'TRANSIT', 'VIABILITY', 'GATED',
  // ophthalmic and dental imaging
  'OCT', 'OCTA', 'RNFL', 'GCL', 'ICG', 'ICGA', 'FA', 'FAF', 'HVF', 'VF', 'IOL', 'VEP', 'ERG', 'BIOMETRY', 'PACHYMETRY', 'TOPOGRAPHY',
  'GONIOSCOPY', 'AUTOFLUORESCENCE', 'FUNDUS', 'MACULA', 'MACULAR', 'SLIT', 'LAMP', 'B-SCAN', 'A-SCAN', 'OPTOS', 'PENTACAM',
  'PANORAMIC', 'PERIAPICAL', 'BITEWING', 'BITEWINGS', 'OCCLUSAL', 'CEPHALOMETRIC', 'INTRAORAL', 'EXTRAORAL', 'ORTHOPANTOMOGRAM',
  // procedure names that look like words or names in capitals
  'RUNOFF', 'RUN-OFF', 'SCANOGRAM', 'SKYLINE', 'WORKUP', 'WORK-UP', 'QUANT', 'QUANTIFICATION', 'STRAIN', 'VOXEL', 'TRACKING', 'BOLUS',
  'MONITORING', 'PREMONITORING', 'SMARTPREP', 'SURE', 'SURESTART', 'CARETRACK', 'MAPPING', 'COILING', 'TUNNELED', 'TUNNELLED',
  'EXCHANGE', 'REVISION', 'CREATION', 'CONVERSION', 'RETRIEVAL', 'INSERTION', 'CHECK', 'PATENCY', 'ASPIRATE',
  // site text in other languages (German, French, Spanish, Italian, Portuguese, Dutch): modalities, regions, sides, contrast, views
  'MRT', 'KST', 'RÖNTGEN', 'ROENTGEN', 'RÖ', 'SONOGRAPHIE', 'DUPLEXSONOGRAPHIE', 'SZINTIGRAPHIE', 'SKELETTSZINTIGRAPHIE',
  'DURCHLEUCHTUNG', 'ANGIOGRAPHIE', 'PHLEBOGRAPHIE', 'MAMMOGRAPHIE', 'KORONARANGIOGRAPHIE', 'ARTHROGRAPHIE', 'PUNKTION', 'KNOCHENDICHTEMESSUNG',
  'SCHÄDEL', 'SCHAEDEL', 'KOPF', 'HALS', 'HALSGEFÄSSE', 'LUNGE', 'HERZ', 'BRUST', 'MAMMA', 'BAUCH', 'OBERBAUCH', 'UNTERBAUCH', 'BECKEN',
  'ABDOMEN/BECKEN', 'WIRBELSÄULE', 'WIRBELSAEULE', 'HWS', 'BWS', 'LWS', 'KNIE', 'HÜFTE', 'HUEFTE', 'SCHULTER', 'ELLENBOGEN', 'HANDGELENK',
  'FUSS', 'FUß', 'SPRUNGGELENK', 'OSG', 'BEIN', 'BEINE', 'BEINVENEN', 'UNTERSCHENKEL', 'OBERSCHENKEL', 'UNTERARM', 'OBERARM', 'KNOCHEN',
  'GELENK', 'LEBER', 'NIERE', 'NIEREN', 'SCHILDDRÜSE', 'SCHILDDRUESE', 'PROSTATA', 'NASENNEBENHÖHLEN', 'NNH', 'NATIV', 'MIT', 'OHNE', 'UND',
  'KM', 'KONTRASTMITTEL', 'LINKS', 'RECHTS', 'BEIDSEITS', 'BDS', 'EBENE', 'EBENEN', 'SEITLICH', 'SCHRÄG', 'STEHEND', 'LIEGEND', 'RUHE',
  'BELASTUNG', 'UNTER', 'GESTEUERTE', 'GESTEUERT', 'CT-GESTEUERTE', 'MULTIPARAMETRISCH', 'VERLAUF', 'KONTROLLE',
  'IRM', 'TDM', 'TEP', 'TEP-TDM', 'SCANNER', 'ANGIOSCANNER', 'ARTHROSCANNER', 'RADIOGRAPHIE', 'ÉCHOGRAPHIE', 'ECHOGRAPHIE', 'SCINTIGRAPHIE',
  'OSTÉODENSITOMÉTRIE', 'OSTEODENSITOMETRIE', 'CÉRÉBRALE', 'CEREBRALE', 'CÉRÉBRAL', 'ENCÉPHALIQUE', 'ENCEPHALIQUE', 'CRÂNE', 'COU',
  'RACHIS', 'LOMBAIRE', 'DORSAL', 'BASSIN', 'GENOU', 'HANCHE', 'ÉPAULE', 'EPAULE', 'COUDE', 'POIGNET', 'CHEVILLE', 'PIED',
  'POUMON', 'POUMONS', 'THORACIQUE', 'PELVIENNE', 'PELVIEN', 'MAMMAIRE', 'MEMBRES', 'MEMBRE', 'INFÉRIEURS', 'INFERIEURS', 'SUPÉRIEURS',
  'OSSEUSE', 'PULMONAIRE', 'THYROÏDIENNE', 'THYROIDIENNE', 'ENDOVAGINALE', 'GAUCHE', 'DROIT', 'DROITE', 'BILATÉRALE', 'BILATERALE',
  'INJECTÉ', 'INJECTE', 'SANS', 'AVEC', 'PROFIL', 'INCIDENCE', 'INCIDENCES', 'THORACO-ABDOMINO-PELVIEN', 'ÉCHO-DOPPLER',
  'TC', 'TAC', 'RM', 'RMN', 'ANGIO-TC', 'ANGIO-RM', 'RADIOGRAFÍA', 'RADIOGRAFIA', 'ECOGRAFÍA', 'ECOGRAFIA', 'TOMOGRAFÍA', 'TOMOGRAFIA',
  'RESONANCIA', 'MAGNÉTICA', 'MAGNETICA', 'GAMMAGRAFÍA', 'GAMMAGRAFIA', 'DENSITOMETRÍA', 'DENSITOMETRIA', 'MAMOGRAFÍA', 'MAMOGRAFIA',
  'CRÁNEO', 'CRANEO', 'CUELLO', 'TÓRAX', 'TORAX', 'COLUMNA', 'RODILLA', 'HOMBRO', 'CADERA', 'CODO', 'MUÑECA', 'TOBILLO', 'PIE',
  'MIEMBRO', 'MIEMBROS', 'DERECHO', 'DERECHA', 'IZQUIERDO', 'IZQUIERDA', 'CONTRASTE', 'SIN', 'GADOLINIO', 'ÓSEA', 'OSEA', 'CRIBADO',
  'OBSTÉTRICA', 'OBSTETRICA', 'TRIMESTRE', 'ARTERIAS', 'PULMONARES', 'TORACE', 'ADDOME', 'ENCEFALO', 'GINOCCHIO', 'SPALLA',
  'ANCA', 'COLONNA', 'LOMBARE', 'CERVICALE', 'DESTRO', 'DESTRA', 'SINISTRO', 'SINISTRA', 'SENZA', 'MDC', 'RESSONÂNCIA',
  'RESSONANCIA', 'CRÂNIO', 'CRANIO', 'ABDOME', 'JOELHO', 'OMBRO', 'QUADRIL', 'COLUNA', 'DIREITO', 'DIREITA', 'ESQUERDO', 'ESQUERDA',
  'SEM', 'COM', 'HEUP', 'SCHOUDER', 'ENKEL', 'POLS', 'VOET', 'BORST', 'BUIK', 'BEKKEN', 'SCHEDEL', 'HERSENEN', 'WERVELKOLOM',
  'ZONDER', 'MET', 'FOTO',
];

/**
 * Coding systems whose codes notes quote (`SNOMED 399208008`, `NDC 0407-1413-71`, `RadLex RID10312`): a number
 * after one of these names a concept, not a person, so the ID and phone shapes leave it.
 */
export const CODE_SYSTEMS: readonly string[] = [
  'SNOMED', 'SNOMED CT', 'SNOMED-CT', 'SCT', 'LOINC', 'NDC', 'RadLex', 'CPT', 'HCPCS', 'ICD', 'ICD-9', 'ICD-10', 'ICD-11', 'ICD-9-CM',
  'ICD-10-CM', 'ICD-10-PCS', 'ICD-O', 'ICD-O-3', 'RxNorm', 'RxCUI', 'UMLS', 'CUI', 'ATC', 'MeSH', 'DCM', 'NCIt', 'OPCS', 'OPCS-4', 'CCAM',
];

/**
 * Labels of values an acquisition gives (`Matrix 256 256 1024`, `Series 3 4 5 6`, `kVp 80 100 120`): numbers after one of
 * these, grouped by spaces or `x`, are values, not a phone or an identifier. Only imaging words, which no one writes before
 * a phone: everyday measures (`Bed`, `Rate`, `Weight`) count by their unit (`62-65-70 bpm`). Dotted numbers (a UID after
 * `Series`) and numbers after an identifier's label are still judged by their shape.
 */
export const MEASURE_LABELS: readonly string[] = [
  'matrix', 'acq matrix', 'recon matrix', 'fov', 'field of view', 'series', 'ser', 'se', 'image', 'images', 'img', 'im', 'instance', 'instances',
  'inst', 'slice', 'slices', 'slice thickness', 'thickness', 'spacing', 'increment', 'pitch', 'frame', 'frames', 'phase', 'phases', 'echo',
  'echoes', 'echo train', 'etl', 'te', 'tr', 'ti', 'flip', 'flip angle', 'nex', 'nsa', 'averages', 'b-value', 'b-values', 'b value',
  'b values', 'bvalues', 'kv', 'kvp', 'ma', 'mas', 'ctdi', 'ctdivol', 'dlp', 'dose', 'doses', 'level', 'levels', 'window', 'windows', 'ww',
  'wl', 'wc', 'w/l', 'kernel', 'energy', 'energies', 'kev', 'dimensions', 'dims', 'resolution', 'pixels', 'voxel', 'voxels', 'channels',
  'coils', 'rows', 'columns', 'cols', 'views', 'projections', 'bins', 'gates', 'fractions', 'dose per fraction', 'monitor units', 'venc',
];

/**
 * Units after numbers that make them measurements (`62-65-70 bpm`, `120-140-160 HU`, `256 256 1024 px`). No single letters
 * or `cc`: after a phone they label it (`555 201 3344 m` for mobile, `cc Dr …`).
 */
export const MEASURE_UNITS: readonly string[] = [
  'mm', 'cm', 'µm', 'um', 'mm2', 'mm3', 'cm2', 'cm3', 'ml', 'dl', 'mg', 'mcg', 'µg', 'ug', 'kg', 'mmol', 'umol',
  'µmol', 'nmol', 'mmhg', 'hu', 'bpm', 'hz', 'khz', 'mhz', 'kv', 'kvp', 'ma', 'mas', 'ms', 'msec', 'sec', 'mgy', 'gy', 'cgy', 'msv',
  'mbq', 'gbq', 'mci', 'kev', 'mev', '%', '°', 'deg', 'degrees', 'px', 'pixels', 'slices', 'images', 'frames', 'views', 'units', 'iu',
  'mu', 'kcal', 'kj', 'tesla', 'gauss', 'mm/s', 'cm/s', 'm/s', 'ml/min', 'ml/s', 'mg/dl', 'mmol/l', 'umol/l', 'g/l', 'g/dl',
];
