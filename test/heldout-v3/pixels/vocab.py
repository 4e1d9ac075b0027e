"""Invented people, places and the screen wording of the third held-out pixel set (written for this set only).

Every person and institution here is made up. Names come from several cultures, with particles, hyphens,
apostrophes and accents; the technical lines are worded the way different vendors' consoles print them.
"""

# (given names, family names) per culture; family names keep their particles (van der, al-, de la, Ní, ...)
PEOPLE = {
    'dutch': (['Marijke', 'Sjoerd', 'Femke', 'Wouter', 'Anneloes', 'Thijmen'],
              ['van der Wiel', 'de Bruijckere', 'van Oosterhout', 'ter Haar-Vos', 'Verbeelen', 'van den Akker']),
    'arabic': (['Yasmeen', 'Tariq', 'Nour', 'Haytham', 'Layal', 'Rashida'],
               ['al-Qudsi', 'el-Haddad', 'Bin Saleem', 'al-Marzouqi', 'Abu-Rayyan', 'Shahrour']),
    'irish': (['Siobhán', 'Ciarán', 'Niamh', 'Eoghan', 'Aoibheann', 'Ruairí'],
              ["O'Driscoll", 'McAlinden', "O'Rourke-Hanley", 'MacLennan', "Ní Bhriain", "D'Arcy"]),
    'french': (['Élodie', 'Benoît', 'Maëlle', 'Grégoire', 'Solène', 'Aurélien'],
               ['de la Roche-Aymon', 'Lefébure', 'du Plessis', 'Saint-Aubert', 'Vasseur', "d'Hauteville"]),
    'iberian': (['Ximena', 'Joaquín', 'Inês', 'Gonçalo', 'Begoña', 'Iñaki'],
                ['Peñalver-Ruiz', 'da Conceição', 'Echeverría', 'dos Santos Lima', 'Urquijo', 'Castañeda']),
    'central': (['Małgorzata', 'Szymon', 'Zsófia', 'Ondřej', 'Bożena', 'Levente'],
                ['Wróblewska', 'Kovács-Tóth', 'Dvořáková', 'Przybyszewski', 'Szabó', 'Nowicki']),
    'westafrican': (['Chiamaka', 'Oluwaseun', 'Kwabena', 'Adaeze', 'Temitope', 'Yaw'],
                    ['Okonkwo-Bello', 'Adeyemi', 'Mensah-Boateng', 'Eze', 'Olaniyan', 'Asante']),
    'southasian': (['Harpreet', 'Venkatesh', 'Ananya', 'Farhan', 'Lakshmi', 'Devraj'],
                   ['Subramaniam', 'Chaudhry', 'Raghavendran', 'Siddiqui', 'Venkataraman', 'Bhattacharjee']),
    'eastasian': (['Minji', 'Haruto', 'Xiaoling', 'Thanh', 'Jiwoo', 'Kenji'],
                  ['Park', 'Takahashi', 'Zhou', 'Nguyen', 'Hwang', 'Matsuda']),
    'nordic_greek': (['Sigríður', 'Leifur', 'Eleftheria', 'Stavros', 'Åsa', 'Panagiotis'],
                     ['Þórðardóttir', 'Papadimitriou', 'Lindqvist', 'Håkonsen', 'Karamanlis', 'Sæmundsson']),
}

# Standalone name particles: part of a name, but alone they identify nobody (not scored; README).
PARTICLES = {'van', 'der', 'den', 'de', 'la', 'du', 'da', 'dos', 'ter', 'bin', 'ní', 'VAN', 'DER', 'DEN', 'DE', 'LA',
             'DU', 'DA', 'DOS', 'TER', 'BIN', 'NÍ', 'Van', 'Der', 'De', 'La', 'Du', 'Da', 'Dos', 'Ter', 'Bin', 'Ní',
             'Den'}

# Institutions: full header name and the shortened forms consoles print.
INSTITUTIONS = [
    ('Harrowgate Vale General Hospital', ['Harrowgate Vale Gen Hosp', 'HARROWGATE VALE GH', 'HVGH', 'Harrowgate Vale']),
    ('Sint-Gerlachus Ziekenhuis', ['St-Gerlachus ZH', 'SINT-GERLACHUS', 'Sint-Gerlachus Zkh']),
    ('Klinikum Obernholz-Auental', ['Klinikum Obernholz', 'KLIN. OBERNHOLZ-AUENTAL', 'KOA Radiologie']),
    ('Centre Hospitalier de Valmeuse', ['CH Valmeuse', 'C.H. VALMEUSE', 'CHV Imagerie']),
    ('Quarrington University Medical Centre', ['Quarrington UMC', 'QUARRINGTON UNIV MED CTR', 'QUMC']),
    ('Mercy Lakeshore Regional Medical Center', ['Mercy Lakeshore RMC', 'MERCY LAKESHORE REG MED', 'MLRMC']),
    ('Ospedale San Teodoro di Carvallo', ['Osp. S. Teodoro', 'OSP SAN TEODORO', 'San Teodoro Carvallo']),
    ('Al-Noor Specialist Hospital Rusayl', ['Al-Noor Spec Hosp', 'AL-NOOR RUSAYL', 'ANSH Rusayl']),
    ('Tamarind Bay Women\'s Imaging', ['Tamarind Bay WI', 'TAMARIND BAY IMAGING', 'TBWI']),
    ('Kelderwick Children\'s Hospital', ['Kelderwick Childrens', 'KELDERWICK CH', 'KCH']),
]

# Words of an institution's name that identify nobody on their own (not scored, README).
GENERIC = {w.lower() for w in [
    'Gen', 'Hosp', 'GH', 'ZH', 'Zkh', 'Klinikum', 'KLIN.', 'Radiologie', 'CH', 'C.H.', 'Imagerie', 'UMC', 'UNIV',
    'MED', 'CTR', 'RMC', 'REG', 'Osp.', 'OSP', 'S.', 'SAN', 'Spec', 'WI', 'IMAGING', 'Childrens', 'St-', 'Sint',
    # the generic words of the full names (the header's form, printed whole on some screens)
    'General', 'Hospital', 'Ziekenhuis', 'Centre', 'Hospitalier', 'de', 'University', 'Medical', 'Center',
    'Regional', 'Ospedale', 'di', 'Specialist', "Women's", 'Imaging', "Children's",
]}

ID_LABELS = ['MRN', 'Pat ID:', 'PID', 'ID#', 'Patient No.', 'Hosp No', 'Pat.-Nr.', 'UR', 'Chart:', '']
ACC_LABELS = ['Acc:', 'ACC#', 'Accession', 'Exam #', 'Req.', 'Order No', 'Auftrag', '']
REF_LABELS = ['Ref:', 'Referring', 'Ref Phys', 'Req by', 'Dr.', 'REF.DR', 'Überw.']
OP_LABELS = ['Op:', 'Tech', 'Sono:', 'RT:', 'Operator', 'MTRA']
PERF_LABELS = ['Perf:', 'Radiologist:', 'Read:', 'Reporting']
DOB_LABELS = ['DOB', 'Born', 'DOB:', 'Geb.', 'Né(e) le', 'B-Day', 'D.o.B.', '']
DATE_LABELS = ['Study', 'Exam Date', 'Date:', 'Untersuchung', '']
CUE_LABELS = ['Attending:', 'Fellow:', 'cc:', 'Verified by', 'Dictated by', 'Resident', 'Consultant']

MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
MONTHS_LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
               'November', 'December']
MONTHS_DE = ['Jan', 'Feb', 'Mär', 'Apr', 'Mai', 'Jun', 'Jul', 'Aug', 'Sep', 'Okt', 'Nov', 'Dez']
MONTHS_FR = ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.']

# Harmless annotation, by modality, as vendors print it. {} slots are filled with numbers by the generator.
US_PROBES = ['C6-2', 'L12-5', 'C9-4', 'L18-6', 'P5-1', 'EC10-3', 'C1-6D', 'ML6-15', 'VF13-5', 'SP6-1']
US_LINES = [
    'MI {mi} TIs {ti}', 'MI={mi}  TIb={ti}', 'TIc {ti}  MI {mi}', 'Gn {gain}', 'Gain {gain}dB', 'DR {dr}',
    'DR{dr} Gn{gain}', 'FR {fr}Hz', '{fr} fps', 'D {depth}cm', 'Depth {depth} cm', 'Harm High', 'THI Pen',
    'Res/Gen', 'AO 100%', 'PRF {prf}kHz', 'CF {cfg}%', 'WF {wf}Hz', 'SV {sv}mm', 'Focus {focus}cm', 'Persist 3',
    'Map C / Sat 2', 'CD Gn {cfg}', 'Dist {dist} cm', 'Vol {vol} ml', 'PSV {psv} cm/s', 'RI 0.{ri}',
]
US_VIEWS = ['LIVER RT LOBE', 'RT KIDNEY LONG', 'THYROID LT TRV', 'GB', 'AORTA PROX', 'CBD', 'LT CCA', 'BLADDER PRE',
            'SPLEEN', 'PANCREAS TRV', 'RT OVARY', 'FETAL HEAD', 'CERVIX']
CT_LINES = [
    'W {ww} L {wl}', 'WW/WL {ww}/{wl}', 'C: {wl}  W: {ww}', 'Window {ww} Level {wl}', 'L{wl} W{ww}',
    '{kv} kV  {ma} mA', 'kVp {kv}  mAs {mas}', 'Thk {thk}mm', 'Slice {thk} mm', 'Se {se} Im {im}', 'IMA {im}/{nim}',
    'Img: {im}', 'FOV {fov} cm', '512 x 512', 'CTDIvol {ctdi} mGy', 'DLP {dlp} mGy*cm', 'Tilt 0.0', 'Pitch {pitch}',
    'Rot {rot} s', 'Z {z}', 'SL {z} mm', 'Kernel Br40', 'STND', 'Helical 0.6x64', 'HFS',
]
CT_TITLES = ['CHEST W/O', 'ABD PELVIS C+', 'CTA HEAD NECK', 'Thorax nativ', 'LOW DOSE LUNG', 'SINUS CORONAL',
             'CT KUB', 'Abdomen Portalvenoes']
MR_LINES = [
    'TR {tr}  TE {te}', 'TR:{tr} TE:{te} TI:{ti}', 'FA {fa}°', 'Flip {fa}', 'ETL {etl}', 'NEX {nex}',
    'BW {bw} Hz/Px', 'Sl {thk}mm / Sp {sp}', 'Mtx {mx}', 'FoV {fovm} mm', '3.0T', '1.5 T', 'Se:{se} Im:{im}',
    'Im {im} of {nim}', 'W {ww} C {wl}', 'TA 03:42', 'b {b}', 'Avg {nex}',
]
MR_SEQS = ['T2 TSE TRA', 'FLAIR COR', 'DWI b1000', 'T1 SE SAG', 'SWI', 'T1 MPRAGE 1mm', 'PD FS COR', 'STIR SAG',
           'T2* GRE AX', 'ADC MAP']
CR_LINES = ['kVp {kv}  mAs {mas}', '{kv}kV {mas}mAs', 'EI {ei}', 'DI {di}', 'S {s}', 'SID {sid} cm', 'Grid',
            'No Grid', 'Scale 1:1', 'Exp {ms} ms', 'IE {ei}', 'Speed 400', 'Dose {dap} uGy*m2']
CR_VIEWS = ['CHEST PA', 'AP SUPINE', 'PORTABLE AP', 'LAT DECUB', 'KNEE LAT', 'HAND OBL', 'L-SPINE AP', 'PELVIS',
            'FOOT DP', 'SHOULDER Y']
MG_LINES = ['kV {kvm}  mAs {masm}', 'Comp {comp} mm', 'Force {force} N', 'W/Rh', 'Mo/Mo', 'AGD {agd} mGy',
            'ESD {esd} mGy', 'Angle {ang}°', 'Paddle 24x30']
MG_VIEWS = ['R CC', 'L CC', 'R MLO', 'L MLO', 'LMLO', 'RCC']
XA_LINES = ['LAO {a1}  CRA {a2}', 'RAO {a1} CAU {a2}', 'LAO {a1}° CAUD {a2}°', '{fps} fps', 'FPS {fps}',
            'Fluoro {fl} min', 'DAP {dapx} Gy*cm2', 'AK {ak} mGy', 'Air Kerma {ak} mGy', 'Mag {mag}x', 'Zoom 1',
            'Frame {fr}/{nfr}', 'kV {kvx}  mA {max}', 'FD 22 cm', 'Sub', 'Road map']
XA_TITLES = ['LCA', 'RCA', 'Cerebral L ICA', 'Renal Angio', 'Upper GI', 'Barium Swallow', 'Fem Run-off']
NM_LINES = ['Tc-99m MDP {mbq} MBq', 'ANT', 'POST', 'WB {spd} cm/min', 'Counts {kc}k', 'Matrix 256x1024',
            'F-18 FDG {mbq} MBq', 'SUVmax {suv}', 'Bed {bed}/{nbed}', 'Uptake {upt} min', 'Glc {glc} mmol/L',
            'Zoom 1.00', 'LEHR', 'Energy 140 keV 15%', '{sec} s/view', 'Tl-201 Rest', 'MIP']
NM_TITLES = ['Bone Scan WB', 'PET/CT Skull-Thigh', 'Myocard Perfusion', 'Thyroid Tc', 'Renogram MAG3',
             'DaTscan SPECT']
PHOTO_LINES = ['OD', 'OS', 'Macula 45°', 'Disc 30°', 'Flash 50 Ws', 'Red Free', 'Gain +2', 'Zoom x1.5', 'NBI',
               'Enh A5 Ce2', 'Photo {ph}', 'Cecum', 'Antrum', 'Sigmoid 25cm', 'Fundus Color']
