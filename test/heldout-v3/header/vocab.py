"""Vocabulary of the third held-out header set: invented people, places and contacts, research text, clinical numbers.

Everything here is made up for this set (no real person, address or number) and written apart from the kit and from the
second set. A PHI maker returns ``(text, kind, forms)``: the string planted and the forms a leak of it would take
(see score.py ``form_regex``).
"""
import re

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]

# -- people -----------------------------------------------------------------------------------------------
# (family, given, middle) in the file's character set; Latin-1 names go in ISO_IR 100 or 192 files.
LATIN_PEOPLE = [
    ("Thistlewood", "Oriane", "Maud"), ("Przybylski", "Tomasz", ""), ("Okonkwo-Bright", "Adaeze", "N"),
    ("Quaintance", "Leopold", "Ames"), ("Fairweather", "Caoimhe", ""), ("Hallgrimsdottir", "Solveig", "B"),
    ("Castellanos-Weir", "Ximena", ""), ("Achterberg", "Thaddeus", "J"), ("Dunleavy", "Perpetua", "Rose"),
    ("Mbeki-Larsen", "Anouk", ""), ("Sowerby", "Ignatius", "P"), ("Nakashima-Rowe", "Fenella", ""),
    ("Kilbride", "Eoghan", "T"), ("Wrathall", "Wilhelmina", ""), ("Iwuchukwu", "Dashiell", "O"),
    ("Emberley", "Radomir", ""), ("Cardew", "Marisol", "E"), ("Delacroix-Hume", "Cosmin", ""),
    ("Oyelaran", "Rosalind", "T"), ("Gethin", "Zbigniew", ""), ("D'Arcy-Penhallow", "Bronwen", "L"),
    ("Vanderhoek", "Isidore", ""), ("Stroud-Kessler", "Tamsin", "A"), ("Ballantyne", "Evander", ""),
]
ACCENTED_PEOPLE = [
    ("Jörgensen", "Ségolène", ""), ("Nuñez-Calloway", "Aurélien", "M"), ("Brückner", "Françoise", ""),
    ("Ólafsdóttir", "Þórdís", ""), ("Sørlie-Ancelin", "Noémie", "C"), ("Lacôte", "Jérôme", ""),
]
CYRILLIC_PEOPLE = [("Воробьёва", "Анастасия", "Ильинична"), ("Кузнецов", "Игорь", "Петрович"),
                   ("Белоусова", "Дарья", ""), ("Тимофеев", "Всеволод", "")]
GREEK_PEOPLE = [("Παπαδοπούλου", "Ελένη", ""), ("Καραγιάννης", "Νικόλαος", ""), ("Βλάχου", "Σοφία", "")]
# Japanese: alphabetic, ideographic and phonetic groups (PS3.5 6.2.1.2)
JAPANESE_PEOPLE = [(("Yamashiro", "Kenta"), ("山城", "健太"), ("やましろ", "けんた")),
                   (("Fujinami", "Sayuri"), ("藤波", "小百合"), ("ふじなみ", "さゆり"))]

# staff and relatives named after cue words (given, family)
OTHERS = [("Marguerite", "Sallow"), ("Bronagh", "Keelan"), ("Fitzroy", "Amory"), ("Anwuli", "Obi-Rhys"),
          ("Hesper", "Voyle"), ("Crispin", "Lathbury"), ("Ottilie", "Fennimore"), ("Desmond", "Quarrie"),
          ("Ysolde", "Penhaligon"), ("Lucan", "Harrowgate"), ("Imelda", "Corrigan-Boyd"), ("Kwabena", "Asante-Moor"),
          ("Greer", "Tolliver"), ("Saoirse", "Mulcahy"), ("Horatio", "Venables"), ("Philippa", "Dwyer-Stoke"),
          ("Benedikt", "Haslinger"), ("Niamh", "Colquhoun"), ("Aurelio", "Bettancourt"), ("Tansy", "Lumley")]
MOTHERS = [("Marguerite", "Sallow"), ("Bronagh", "Keelan"), ("Ottilie", "Fennimore"), ("Ysolde", "Penhaligon"),
           ("Imelda", "Corrigan-Boyd"), ("Saoirse", "Mulcahy"), ("Philippa", "Dwyer-Stoke"), ("Niamh", "Colquhoun"),
           ("Hesper", "Voyle"), ("Greer", "Tolliver")]
FEMALE = {"Oriane", "Adaeze", "Caoimhe", "Solveig", "Ximena", "Perpetua", "Anouk", "Fenella", "Wilhelmina", "Marisol",
          "Rosalind", "Bronwen", "Tamsin", "Ségolène", "Françoise", "Þórdís", "Noémie", "Анастасия", "Дарья", "Ελένη",
          "Σοφία", "Sayuri", "Marguerite", "Bronagh", "Anwuli", "Hesper", "Ottilie", "Ysolde", "Imelda", "Greer",
          "Saoirse", "Philippa", "Niamh", "Tansy"}
RELATIONS_OF = {"F": ["daughter", "wife", "niece", "granddaughter", "sister", "partner"],
                "M": ["son", "husband", "grandson", "brother", "nephew", "partner"]}
RELATIONS = RELATIONS_OF["F"] + RELATIONS_OF["M"][:-1]
STAFF_CUES = ["per Dr {g} {f}", "spoke with {g} {f}, RN", "d/w Dr. {f}", "discussed with {g} {f} (radiographer)",
              "verbal report given to Dr {g} {f}", "per {g} {f}, charge nurse", "reviewed by {f}, {g} (fellow)",
              "called {g} {f} on the ward", "technologist {g} {f}", "attending: {f}, {g}"]
KIN_CUES = ["{rel} {g} {f} present", "accompanied by {rel}, {g} {f}", "carer {g} {f} helped with positioning",
            "NOK: {f}, {g} ({rel})", "history from {rel} ({g} {f})", "POA is {rel} {g} {f}",
            "{g} {f} ({rel}) consented on pt's behalf", "lives with {rel} {g} {f}"]

# -- places and contacts -----------------------------------------------------------------------------------
ADDRESSES = [
    # (text, forms)
    ("418 Corrigan Hollow Rd Apt 12B, Maple Shade NJ 08052",
     [("alpha", "Corrigan Hollow"), ("alpha", "Maple Shade"), ("digits", "08052")]),
    ("Flat 3, 27 Wexcombe Terrace, Lyddington LE15 9RA",
     [("alpha", "Wexcombe"), ("alpha", "Lyddington"), ("alnum", "LE159RA")]),
    ("P.O. Box 7731, Tunkhannock PA 18657", [("alnum", "Box7731"), ("alpha", "Tunkhannock"), ("digits", "18657")]),
    ("RR 2 Box 118, Wolcottville IN 46795", [("alnum", "Box118"), ("alpha", "Wolcottville"), ("digits", "46795")]),
    ("1206-77 Ouellette Ave, Windsor ON N9A 1B2", [("alpha", "Ouellette"), ("alpha", "Windsor"),
                                                   ("alnum", "N9A1B2")]),
    ("Grüner Weg 14, 2. OG, 50825 Köln-Ehrenfeld", [("alpha", "Grüner Weg"), ("digits", "50825"),
                                                   ("alpha", "Köln"), ("alpha", "Ehrenfeld")]),
    ("Unit 5/62 Banksia Parade, Kirrawee NSW 2232", [("alpha", "Banksia"), ("alpha", "Kirrawee"),
                                                     ("digits", "2232")]),
    ("2291 Old Mill Pond Lane, Ste 140, Keedysville MD 21756",
     [("alpha", "Old Mill Pond"), ("alpha", "Keedysville"), ("digits", "21756")]),
    ("PO Box 406, Ballyjamesduff, Co. Cavan", [("alnum", "Box406"), ("alpha", "Ballyjamesduff"),
                                                    ("alpha", "Cavan")]),
    ("55 Quarrington Close, Sedgefield TS21 3HL", [("alpha", "Quarrington"), ("alpha", "Sedgefield"),
                                                   ("alnum", "TS213HL")]),
    ("7 rue des Tanneurs, Apt 4, 67000 Strasbourg", [("alpha", "des Tanneurs"), ("digits", "67000"),
                                                         ("alpha", "Strasbourg")]),
    ("HC 64 Box 2210, Pinedale WY 82941", [("alnum", "Box2210"), ("alpha", "Pinedale"), ("digits", "82941")]),
    ("3340 Brackenridge Ct #7, Yorba Linda CA 92886", [("alpha", "Brackenridge"), ("alpha", "Yorba Linda"),
                                                       ("digits", "92886")]),
    ("Rural Route 1, Site 9, Comp 14, Rimbey AB T0C 2J0", [("alpha", "Rimbey"), ("alnum", "T0C2J0")]),
]
PHONES = ["(570) 836-2291", "570.836.4417", "+1 319 555 0148", "01632 960418", "+44 1632 960 733", "07700 900583",
          "+49 (0)221 4478 1930", "+33 1 84 88 47 21", "01 84 88 52 06", "(02) 5550 1734", "+61 4 9120 8836",
          "+353 87 641 2290", "0161 496 0875", "905-555-0193", "+47 412 77 380"]
EMAILS = ["o.thistlewood1931@kestrelmail.net", "adaeze.ob@brightwater-clinic.org.uk", "leo_quaintance@fastpost.example",
          "perpetua.dunleavy@ballyhale-mail.ie", "carer.sallow@homecare-north.example", "fjorgensen@postkasse.example",
          "x.castellanosweir@correo-sur.example", "tkilbride44@greenlane-isp.example"]
URLS = [("https://mychart.holloway-regional.org/pt/88213", ["mychart.holloway-regional.org", "88213"]),
        ("www.fernhillortho.co.uk/patients/ab-7781", ["fernhillortho.co.uk", "ab-7781"]),
        ("http://pacs-view.quarrymed.example/viewer?acc=QM40017", ["pacs-view.quarrymed.example", "QM40017"]),
        ("https://share.imagexchange.example/s/Tq7vPz2", ["share.imagexchange.example", "Tq7vPz2"]),
        ("portal.brightwater-clinic.org.uk/myrecord", ["portal.brightwater-clinic.org.uk"])]
IPS = ["10.118.4.77", "192.168.20.141", "172.16.203.9", "10.40.12.250"]
IDS = [  # (label and value, value forms)
    ("MRN 0048813297", [("digits", "0048813297")]), ("Medicare 1EG4-TE5-MK73", [("alnum", "1EG4TE5MK73")]),
    ("NHS no. 943 476 5919", [("digits", "9434765919")]), ("ins. ID XQH884210937", [("alnum", "XQH884210937")]),
    ("driver licence D6101-40706-60905", [("alnum", "D61014070660905")]),
    ("pacemaker S/N PM2240-118873", [("alnum", "PM2240118873")]), ("acct 7730-1142-09", [("digits", "7730114209")]),
    ("SSN 078-05-1120", [("digits", "078051120")]), ("policy #HX-55120-448", [("alnum", "HX55120448")]),
    ("hospital no. K7718204", [("alnum", "K7718204")]), ("chart 2019-004471", [("digits", "2019004471")]),
    ("implant serial RXG449812H", [("alnum", "RXG449812H")]), ("BCBS member W88204417-01", [("alnum", "W8820441701")]),
    ("CHI 1503419917", [("digits", "1503419917")]),
]

AGE_WORDS_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TENS = {9: "ninety", 10: "hundred"}


def age_words(n):
    """English words of an age from 90 to 109 ('ninety-three', 'one hundred and two')."""
    if 90 <= n <= 99:
        return "ninety" + ("-" + AGE_WORDS_UNITS[n - 90] if n > 90 else "")
    if n == 100:
        return "one hundred"
    return "one hundred and " + AGE_WORDS_UNITS[n - 100]


# ages over 89: a clinician's, a registrar's and a technologist's ways; {n} digits, {w} words, {o} ordinal
OLD_AGES = ["aged {n}", "age: {n} yrs", "{n} y.o.", "{w}-year-old", "{n} years of age", "{n} yrs old",
            "celebrated {o} birthday last week", "{w} years old", "{n} year old", "{n}-year-old", "at {n} still drives",
            "{n}y 4m", "{n} y", "aged {w}", "{n} y/o", "{n}yr", "{n}-yo", "nearly {n}", "{n} yrs"]
# the patient's own, by sex
OLD_AGES_OF = {"F": ["{n}yo F", "a {n}-yr-old woman", "F, {n}", "{n}F", "{n}yof", "lady of {n}", "{w} year old female"],
               "M": ["{n}yoM", "{n} yo male", "{n}-y-o gentleman", "M/{n}", "a {w} year old man", "{n}M"]}
PATIENT_AGES = ["pt is {n}", "now {n} (DOB on file)", "Age {n}Y", "elderly ({n})"]
ORD = {1: "st", 2: "nd", 3: "rd"}


def ordinal(n):
    return f"{n}{'th' if 10 <= n % 100 <= 20 else ORD.get(n % 10, 'th')}"


YOUNG_AGES = ["{n}yo", "{n}-year-old", "aged {n}", "{n} y.o.", "{n} yrs", "age {n}"]

# dates nobody put in a header attribute: (layout, day-month leak form type)
DATE_LAYOUTS = ["{d} {M} {y}", "{M} {d}, {y}", "{dd}/{mm}/{y}", "{mm}/{dd}/{yy}", "{y}-{mm}-{dd}", "{dd}.{mm}.{y}",
                "{Mon} {o}", "the {o} of {M}", "{d}-{Mon}-{y}", "{mm}-{dd}-{y}"]

# -- research text to keep -------------------------------------------------------------------------------------------
# per IOD family: study descriptions, series descriptions, protocols, body part, performed step, reasons, contrast
DESC = {
    "MG": dict(study=["MG BILAT SCREENING TOMO", "MAMMO DX LT W CAD", "MG SPOT COMPRESSION RT", "BREAST TOMO DBT BIL"],
               series=["L CC", "R MLO", "LCC SPOT MAG", "RXCCL", "L ML 90"],
               protocol=["DBT 2D SYNTH", "SCREEN 4VIEW", "DIAG MAG 1.8X"], body=["BREAST"],
               pps=["Bilateral screening DBT with synthesized 2D", "Diagnostic spot compression, left UOQ"],
               reason=["Palpable lump L breast 2 o'clock", "BI-RADS 0 recall, asymmetry RCC",
                       "Annual screen, dense breasts (C)"],
               contrast=[""]),
    "XA": dict(study=["XA CORONARY ANGIO LHC", "CARDIAC CATH PCI LAD", "PERIPH ANGIO RLE RUNOFF", "CEREBRAL DSA 4V"],
               series=["LAO 30 CAU 25", "RAO 20 CRA 30", "AP CRANIAL", "DSA R ICA LAT", "FLUORO STORE"],
               protocol=["Coro 15fps", "DSA Neuro 3fps", "Periph Step 2fps"], body=["HEART", "HEAD", "LEG"],
               pps=["Left heart cath, LV gram", "Diagnostic cerebral angiogram, 4 vessel"],
               reason=["NSTEMI, troponin rising", "Claudication R calf, ABI 0.62", "SAH Fisher 3, r/o aneurysm"],
               contrast=["Iohexol 350", "Iodixanol 320 (Visipaque)"]),
    "NM": dict(study=["NM BONE WB 3 PHASE", "MYOCARDIAL PERF SPECT REST STRESS", "NM RENOGRAM MAG3", "NM GASTRIC EMPTY"],
               series=["ANT POST WB", "SA RECON STRESS", "DYN 60x2s", "LAO 45 STATIC", "TOMO NC"],
               protocol=["Bone 3ph Tc99m MDP", "Myo 1d Tc99m Tetro", "MAG3 Lasix F0"], body=["WHOLEBODY", "HEART",
                                                                                              "KIDNEY"],
               pps=["Whole body bone scan, delayed images 3h", "Renogram with furosemide F+0"],
               reason=["PSA rise, r/o osseous mets", "Chest pain, intermediate pretest probability",
                       "Hydronephrosis L, obstruction?"],
               contrast=[""]),
    "PT": dict(study=["PET CT FDG SKULL BASE TO THIGH", "PSMA PET WB", "FDG PET BRAIN", "DOTATATE PET ABD"],
               series=["PET AC 3D", "PET NAC", "WB MIP", "PET AC TOF PSF"],
               protocol=["FDG Onco 2min/bed", "Ga68 PSMA 3min", "Brain FDG 10min"], body=["WHOLEBODY", "BRAIN"],
               pps=["FDG PET CT skull base to mid thigh", "PSMA PET with low dose CT"],
               reason=["Staging NSCLC RUL", "BCR after RP, PSA 0.4", "Epilepsy L TLE, presurgical"],
               contrast=[""]),
    "OP": dict(study=["FUNDUS PHOTO OU", "RETINAL IMAGING DIABETIC SCREEN", "OPTIC DISC PHOTO"],
               series=["OD MACULA 45DEG", "OS DISC RED FREE", "OU 7 FIELD"],
               protocol=["Fundus 45 color", "Red free 30"], body=["EYE"],
               pps=["Color fundus, 2 fields each eye"], reason=["NPDR follow up, HbA1c 8.1",
                                                              "Glaucoma suspect, CDR 0.7"],
               contrast=[""]),
    "SC": dict(study=["CT ABD PELVIS W CONTRAST", "MR KNEE RT WO", "US RENAL BILAT", "DX CHEST PA LAT"],
               series=["3D VR KIDNEYS", "Dose Report", "MIP COR 10MM", "Screen Save"],
               protocol=["Abd Pel Venous", "Knee PD FS"], body=["ABDOMEN", "KNEE", "CHEST"],
               pps=["Secondary capture of 3D workstation"], reason=["RLQ pain, r/o appendicitis",
                                                                   "Twisting injury, MCL?"],
               contrast=["Omnipaque 300 100 mL IV"]),
    "SR": dict(study=["CT CHEST LOW DOSE LCS", "MR PROSTATE MPMRI", "ECHO TTE COMPLETE", "US THYROID"],
               series=["Radiology Report", "Measurements", "CAD SR"],
               protocol=["LDCT LCS", "PIRADS MP"], body=["CHEST", "PROSTATE", "NECK"],
               pps=["Structured report"], reason=["Lung cancer screening, 35 pack-yr", "PSA 6.8, PI-RADS?"],
               contrast=[""]),
    "KO": dict(study=["CT HEAD WO", "MR SPINE LUMBAR WO", "CT ANGIO CHEST PE"], series=["Key Images", "Teaching file"],
               protocol=["Head Routine"], body=["HEAD", "LSPINE", "CHEST"], pps=["Key object selection"],
               reason=["Fall on anticoagulation", "Radiculopathy L5"], contrast=[""]),
    "PR": dict(study=["CR HAND LT 3V", "MR BRAIN W WO", "CT SINUS WO"], series=["Annotations", "GSPS W/L"],
               protocol=["Brain Tumor Protocol"], body=["HAND", "BRAIN", "HEAD"], pps=["Presentation state"],
               reason=["Fall onto outstretched hand", "GBM post resection, RANO"], contrast=["Gadobutrol 0.1 mmol/kg"]),
    "RT": dict(study=["RT PLAN PROSTATE VMAT", "SBRT LUNG LLL", "WBRT 20Gy/5"], series=["RTPLAN", "Plan Approved"],
               protocol=["Prostate 60Gy/20 VMAT", "SBRT 54Gy/3"], body=["PROSTATE", "CHEST", "HEAD"],
               pps=["Treatment planning"], reason=["Adenoca prostate Gleason 3+4", "NSCLC T1b N0"], contrast=[""]),
    "DOC": dict(study=["OUTSIDE REPORT", "CONSENT FORM CT", "REFERRAL LETTER"], series=["PDF"],
                protocol=[""], body=[""], pps=["Scanned document"], reason=["Outside films for second opinion"],
                contrast=[""]),
}

ACQ_TEXT = {"MG": ["Flat panel, grid in, AEC center", "Processing: Flavor 2.1, LUT linear"],
            "XA": ["Edge enhancement level 3, frame avg 2", "Fluoro low dose 7.5 nGy/p"],
            "NM": ["Butterworth 0.5 order 10, Chang AC", "OSEM 4i8s, no scatter corr"],
            "PT": ["TOF PSF 2i21s, z-filter", "Recon: OSEM 4i16s, Gauss 5mm"],
            "OP": ["Color balance auto, gamma 2.2"], "SC": ["kernel Br40, iDose 3", "ASIR-V 40%, 0.625 mm"]}

# clinical numbers that look like phones, dates or IDs and are not: (text, number strings to keep)
CLIN_NUMS = [("DLP 412.6 mGy*cm, CTDIvol 12.84 mGy", ["412.6", "12.84"]), ("matrix 512 x 512, FOV 380", ["512", "380"]),
             ("BP 142/88, HR 71", ["142/88"]), ("eGFR 58 mL/min/1.73m2, creat 1.12", ["1.12"]),
             ("TR/TE 2400/85", ["2400/85"]), ("Hb 11.4 g/dL, plt 212", ["11.4", "212"]),
             ("PSA 4.2 -> 6.8 ng/mL over 18 mo", ["6.8"]), ("Gleason 3+4=7, 4/12 cores", ["4/12"]),
             ("injected 4.5 mL/s x 80 mL", ["4.5"]), ("SUVmax 11.7, MTV 38.2 mL", ["11.7", "38.2"]),
             ("L4-5 and L5-S1 discs", ["L4-5"]), ("dose 740 MBq Tc-99m", ["740"]), ("series 6001-6004", ["6001-6004"]),
             ("LVEF 55-60%", ["55-60"]), ("INR 2.3 on 5 mg warfarin", ["2.3"]), ("kVp 28, mAs 63.2", ["63.2"]),
             ("HbA1c 8.1%, IOP 21/19", ["21/19"]), ("creatinine 88 umol/L, K 4.1", ["4.1"]),
             ("fluoro time 12.3 min, 1430 mGy AK", ["1430"]), ("lesion 12 x 9 x 14 mm", ["14"])]

NOTE_SENTENCES = ["Patient tolerated the procedure well.", "No prior imaging available for comparison.",
                  "Hx of AF on apixaban.", "Claustrophobic, oral lorazepam given.", "Wheelchair, hoist transfer.",
                  "Hard of hearing, interpreter not required.", "Allergy: iodinated contrast (hives), premedicated.",
                  "Prior right hemicolectomy 2009.", "Creatinine checked before contrast.",
                  "Pacemaker MR conditional, checked by physics.", "Limited study due to motion.",
                  "Fasting 6 hours, glucose 5.8 mmol/L.", "Patient declined the second series."]


def words(text):
    return [w for w in re.findall(r"[A-Za-z][A-Za-z'\-]{3,}", text)]
