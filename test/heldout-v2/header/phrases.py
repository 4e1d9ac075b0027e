"""Vocabulary and phrasing for the second held-out header set.

Everything here is invented for this set (fake people, streets, hosts, numbers). Templates mark PHI with
``{slot}`` placeholders filled by :mod:`gen`; the text around the slots is clinical prose that must read
the same after cleaning.
"""

# People ---------------------------------------------------------------------------------------------
# (family, given, middle initial, sex). Accented names go to ISO_IR 100 / ISO_IR 192 files.
PATIENTS = [
    ("Thornbury", "Greta", "M", "F"),
    ("Kowalczyk", "Bartholomew", "J", "M"),
    ("Abernethy", "Rosalind", "E", "F"),
    ("Oyelaran", "Desmond", "T", "M"),
    ("MacQuarrie", "Tamsin", "L", "F"),
    ("Villanueva", "Horatio", "R", "M"),
    ("Ibáñez", "Joaquín", "A", "M"),
    ("Lefèvre", "Thérèse", "C", "F"),
    ("Müller", "Søren", "K", "M"),
    ("Gunnarsdóttir", "Ingibjörg", "H", "F"),
    ("Pemberton", "Clementine", "S", "F"),
    ("Draxler", "Fintan", "P", "M"),
    ("Castellanos", "Mireille", "D", "F"),
    ("Haverford", "Lorcan", "W", "M"),
    ("Sokolova", "Katarzyna", "N", "F"),
    ("Whitcombe", "Dashiell", "O", "M"),
    ("Quintero", "Perpetua", "G", "F"),
    ("Fairweather", "Ulrich", "B", "M"),
    ("Marchetti", "Wilhelmina", "F", "F"),
    ("Ellingsen", "Yusuf", "V", "M"),
    ("Nakamura-Hale", "Cosima", "I", "F"),
    ("Brennigan", "Florian", "Q", "M"),
]
# Staff: referring, performing, operators, readers. Surnames disjoint from the patients'.
STAFF = [
    ("Okafor", "Chinedu"), ("Halvorsen", "Britt"), ("Szymanski", "Teodor"), ("Achterberg", "Liesbeth"),
    ("Ramanathan", "Priya"), ("Dunleavy", "Siobhan"), ("Feldkamp", "Anselm"), ("Tsvetkova", "Milena"),
    ("Oduya", "Kwabena"), ("Carrizosa", "Inés"), ("Lindqvist", "Torbjörn"), ("Vantongeren", "Margriet"),
    ("Prendergast", "Declan"), ("Esterhazy", "Ilona"), ("Mbeki-Stone", "Thandiwe"), ("Rutledge", "Amos"),
]
# Relatives and contacts named after cue words in notes (never in the header).
RELATIVES = [
    ("daughter", "Maribel"), ("son", "Evander"), ("husband", "Leopold"), ("wife", "Imelda"),
    ("niece", "Philippa"), ("grandson", "Caspian"), ("sister", "Henrietta"), ("brother", "Augustin"),
    ("neighbour", "Oswin"), ("partner", "Marisol"),
]
RELATIVE_SURNAMES = ["Trevelyan", "Aldershot", "Carmody", "Westerhout", "Penhaligon", "Szabo-Reyes"]

# Places and contacts ---------------------------------------------------------------------------------
STREETS = [
    ("4127", "Wexcombe", "Lane"), ("88", "Tallowby", "Road"), ("1509", "Old Quarry", "Rd"),
    ("23", "Harrowgate", "Ct"), ("702", "Birchfield", "Avenue"), ("3316", "Pellinore", "Drive"),
    ("57", "Cobbledick", "Street"), ("1940", "Ravensworth", "Blvd"), ("612", "Kestrel Hollow", "Way"),
    ("8803", "Saltmarsh", "Pkwy"), ("241", "Ambleside", "Terrace"), ("1177", "Fennimore", "St"),
    ("35", "Glenmorrow", "Circle"), ("4460", "Larchmere", "Ave"),
]
CITIES = [("Vernon Falls", "NH", "03791"), ("Marlow Springs", "OR", "97381"), ("East Tolland", "CT", "06284"),
          ("Pikeville Junction", "KY", "41522"), ("Red Wing Bluff", "MN", "55068"), ("Castine Harbor", "ME", "04417")]
INSTITUTIONS = [
    ("St. Brigid of Kildare Medical Center", "1200 Cathedral Hill Road, Vernon Falls, NH 03791"),
    ("Pendlewood Valley Regional Hospital", "45 Hospital Drive, Marlow Springs, OR 97381"),
    ("Tolland County Orthopaedic Institute", "900 Mansfield Turnpike, East Tolland, CT 06284"),
    ("Clínica Nuestra Señora de la Merced", "Av. Libertador 2210, Castine Harbor, ME 04417"),
]
EMAIL_DOMAINS = ["gmail.com", "outlook.com", "yahoo.com", "protonmail.com", "comcast.net"]
PORTAL_HOSTS = ["mychart.pendlewoodvalley.org", "portal.stbrigidkildare.org", "records.tollandortho.com"]

# Research text ---------------------------------------------------------------------------------------
# (study description, series descriptions, protocol, body part, procedure code (value, scheme, meaning),
#  anatomic region code (value, scheme, meaning)). Codes are SNOMED CT / LOINC-style, fake where noted.
CT_STUDIES = [
    ("CT CHEST ABDOMEN PELVIS W/ CONTRAST", ["AX 5MM SOFT TISSUE", "COR MPR 3MM", "SAG LUNG WINDOW"],
     "CAP W/ CONTRAST ROUTINE", "CHEST", ("CTCAPWC", "L", "CT chest abdomen pelvis with contrast"),
     ("51185008", "SCT", "Thorax")),
    ("CTA HEAD NECK", ["CTA ARCH TO VERTEX 0.625", "MIP AX", "3D VR CIRCLE OF WILLIS"],
     "CTA HEAD NECK STROKE", "HEAD", ("CTAHN", "L", "CT angiography head and neck"),
     ("69536005", "SCT", "Head")),
    ("CT HEAD WO CONTRAST", ["AX BRAIN 5MM", "AX BONE 2.5MM", "COR BRAIN"],
     "ROUTINE HEAD NON CON", "HEAD", ("CTHWO", "L", "CT head without contrast"), ("69536005", "SCT", "Head")),
    ("CT L-SPINE WO", ["SAG BONE 2MM", "AX SOFT TISSUE L3-S1"], "LUMBAR SPINE TRAUMA", "LSPINE",
     ("CTLSWO", "L", "CT lumbar spine without contrast"), ("122496007", "SCT", "Lumbar spine")),
    ("CT CHEST PE PROTOCOL", ["AX 1.25 PE ARTERIAL", "COR MIP 10MM"], "PE CHEST BOLUS TRACK", "CHEST",
     ("CTPE", "L", "CT pulmonary angiography"), ("51185008", "SCT", "Thorax")),
    ("CT ABD PELVIS RENAL STONE", ["AX 3MM NON CON", "COR 3MM"], "KUB STONE LOW DOSE", "ABDOMEN",
     ("CTSTONE", "L", "CT abdomen pelvis renal calculus"), ("818981001", "SCT", "Abdomen")),
    ("CT SINUS WO CONTRAST", ["COR BONE 1MM", "AX BONE 1MM"], "SINUS LOW DOSE", "HEAD",
     ("CTSIN", "L", "CT paranasal sinuses"), ("2095001", "SCT", "Accessory sinus")),
]
MR_STUDIES = [
    ("MR BRAIN W/WO CONTRAST", ["AX T2 FLAIR", "AX DWI B1000", "SAG T1 MPRAGE POST GAD", "AX SWI"],
     "BRAIN TUMOR FOLLOW UP", "BRAIN", ("MRBWWO", "L", "MRI brain with and without contrast"),
     ("12738006", "SCT", "Brain")),
    ("MR L-SPINE WO", ["SAG T1", "SAG T2 FSE", "AX T2 L3-S1"], "LSPINE RADICULOPATHY", "LSPINE",
     ("MRLSWO", "L", "MRI lumbar spine without contrast"), ("122496007", "SCT", "Lumbar spine")),
    ("MR KNEE RT WO", ["COR PD FS", "SAG PD", "AX T2 FS", "SAG T1"], "KNEE ROUTINE 3T", "KNEE",
     ("MRKNEE", "L", "MRI knee without contrast"), ("72696002", "SCT", "Knee")),
    ("MRA HEAD WO", ["3D TOF MRA", "MIP ROTATE"], "TOF COW", "HEAD", ("MRAH", "L", "MR angiography head"),
     ("69536005", "SCT", "Head")),
    ("MR PROSTATE MULTIPARAMETRIC", ["AX T2 TSE", "AX DWI B1400", "DCE T1 VIBE", "ADC MAP"],
     "PROSTATE PIRADS", "PROSTATE", ("MRPROS", "L", "MRI prostate multiparametric"),
     ("41216001", "SCT", "Prostate")),
    ("MR CERVICAL SPINE W/WO", ["SAG STIR", "SAG T2", "AX GRE"], "C-SPINE MS PROTOCOL", "CSPINE",
     ("MRCS", "L", "MRI cervical spine with and without contrast"), ("122494005", "SCT", "Cervical spine")),
]
US_STUDIES = [
    ("US ABDOMEN COMPLETE", ["RUQ", "LIVER LONG", "GB TRANS"], "ABD COMPLETE", "ABDOMEN",
     ("USABD", "L", "US abdomen complete"), ("818981001", "SCT", "Abdomen")),
    ("US RENAL BILATERAL", ["RT KIDNEY LONG", "LT KIDNEY TRANS", "BLADDER PRE VOID"], "RENAL", "KIDNEY",
     ("USREN", "L", "US kidneys and bladder"), ("64033007", "SCT", "Kidney")),
    ("US CAROTID DUPLEX BILAT", ["RT ICA PSV", "LT CCA COLOR"], "CAROTID DUPLEX", "NECK",
     ("USCAR", "L", "US carotid duplex"), ("45048000", "SCT", "Neck")),
    ("US THYROID", ["RT LOBE TRANS", "ISTHMUS", "LT LOBE SAG"], "THYROID NODULE", "NECK",
     ("USTHY", "L", "US thyroid"), ("69748006", "SCT", "Thyroid")),
    ("ECHO TTE COMPLETE", ["PLAX", "A4C CINE", "PSAX MV"], "TTE ADULT", "HEART",
     ("ECHO", "L", "Transthoracic echocardiography"), ("80891009", "SCT", "Heart")),
]
CR_STUDIES = [
    ("XR CHEST PA LAT", ["PA", "LAT"], "CHEST 2 VIEWS", "CHEST", ("XRCH2", "L", "X-ray chest 2 views"),
     ("51185008", "SCT", "Thorax"), ["PA", "LL"]),
    ("XR L-SPINE AP LAT", ["AP", "LAT", "SPOT L5-S1"], "L-SPINE AP LAT", "LSPINE",
     ("XRLS", "L", "X-ray lumbar spine AP and lateral"), ("122496007", "SCT", "Lumbar spine"), ["AP", "LL"]),
    ("XR HIP LT 2V", ["AP PELVIS", "FROG LAT LT"], "HIP 2 VIEWS", "HIP", ("XRHIP", "L", "X-ray hip 2 views"),
     ("24136001", "SCT", "Hip joint"), ["AP", "LL"]),
    ("XR HAND RT 3V", ["PA", "OBL", "LAT"], "HAND 3 VIEWS", "HAND", ("XRHAND", "L", "X-ray hand 3 views"),
     ("85562004", "SCT", "Hand"), ["PA", "RL"]),
    ("XR PORTABLE CHEST AP", ["AP PORTABLE SUPINE"], "PORTABLE CHEST", "CHEST",
     ("XRCHP", "L", "X-ray chest portable"), ("51185008", "SCT", "Thorax"), ["AP"]),
]
# Performed procedure step descriptions and reasons for the request (research text, kept).
PPS_DESCRIPTIONS = {
    ("CT", "CHEST"): "CT CHEST IV CONTRAST 100ML OMNI 350", ("CT", "HEAD"): "CT HEAD NECK BOLUS TRACKING",
    ("CT", "LSPINE"): "CT LSPINE NON CON", ("CT", "ABDOMEN"): "CT ABD PELVIS LOW DOSE NO IV",
    ("MR", "BRAIN"): "MRI BRAIN GAD 0.1 MMOL/KG", ("MR", "LSPINE"): "MR LSPINE NON CON",
    ("MR", "KNEE"): "MR KNEE 3T NO CONTRAST", ("MR", "HEAD"): "MRA HEAD TOF NON CON",
    ("MR", "PROSTATE"): "MR PELVIS PROSTATE GAD DCE", ("MR", "CSPINE"): "MR CSPINE W WO GADAVIST",
    ("US", "ABDOMEN"): "US COMPLETE ABDOMEN", ("US", "KIDNEY"): "US RETROPERITONEAL COMPLETE",
    ("US", "NECK"): "DUPLEX CAROTID BILATERAL", ("US", "HEART"): "TTE COMPLETE WITH DOPPLER",
    ("CR", "CHEST"): "XR CHEST PA AND LATERAL", ("CR", "LSPINE"): "XR SPINE 2 VIEWS",
    ("CR", "HIP"): "XR HIP UNILATERAL 2 VIEWS", ("CR", "HAND"): "XR EXTREMITY 3 VIEWS",
}
REASONS = [
    "R/O PE, SOB AND TACHYCARDIA", "HEADACHE WITH VISUAL AURA, EVAL MASS", "LOW BACK PAIN RADIATING TO LT LEG",
    "F/U PULMONARY NODULE RUL", "RUQ PAIN, ELEVATED LFTS", "TIA, LT FACIAL DROOP", "KNEE EFFUSION AFTER FALL",
    "HEMATURIA, FLANK PAIN", "STAGING NSCLC", "SUSPECTED SCAPHOID FX", "PSA 8.4, PIRADS ASSESSMENT",
]
CLINICAL_HISTORY = [
    "hx CHF, AFib on apixaban", "COPD on 2L home O2", "s/p CABG 2009, HTN, HLD", "metastatic breast ca, on letrozole",
    "T2DM, CKD stage 3b, eGFR 38", "prior L hip ORIF", "known AAA 4.1 cm, annual surveillance",
    "hx of nephrolithiasis", "MS diagnosed in 2004", "recent fall, on warfarin",
]
# Technique strings that are harmless (used to test learned patterns).
TECHNIQUE = [
    "120 kVp 250 mAs", "TR 9000 TE 81 TI 2500", "C5-1 17Hz MI 1.2 TIS 0.4", "L12-5 38mm Gn 52 DR 60",
    "W 400 L 40", "SLICE 5.0 MM", "CTDIvol 12.3 mGy DLP 540 mGy*cm", "FOV 240 MATRIX 512", "B1000 ADC",
    "PITCH 0.984 ROT 0.5S", "kVp 85 mAs 4.0", "Se 3 Im 47", "3.0T HEAD 20CH", "DAP 1.2 dGy*cm2",
]

# Ages ----------------------------------------------------------------------------------------------
ONES = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TENS = {1: "ten", 2: "twenty", 3: "thirty", 4: "forty", 5: "fifty", 6: "sixty", 7: "seventy", 8: "eighty", 9: "ninety"}
TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]


def age_words(n: int, hyphen: bool = True) -> str:
    """English words for an age from 10 to 109 (``ninety-three``, ``one hundred and two``)."""
    if n >= 100:
        rest = n - 100
        return "one hundred" + (f" and {ONES[rest]}" if rest else "")
    tens, ones = divmod(n, 10)
    if tens == 1:
        return TEENS[ones]
    if not ones:
        return TENS[tens]
    return TENS[tens] + ("-" if hyphen else " ") + ONES[ones]


def ordinal(n: int) -> str:
    """``91st``, ``92nd``, ``93rd``, ``94th``, ``111th``."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


# Each phrasing takes (n, sex letter) and writes the age; the number is the only one in the phrase.
AGE_PHRASINGS = [
    lambda n, s: f"{n} y/o",
    lambda n, s: f"{n}yo",
    lambda n, s: f"{n}-year-old",
    lambda n, s: f"{n} year old",
    lambda n, s: f"aged {n}",
    lambda n, s: f"age {n}",
    lambda n, s: f"{n} yrs old",
    lambda n, s: f"{n} y.o.",
    lambda n, s: f"{n} years of age",
    lambda n, s: f"{n}{s}",
    lambda n, s: f"{s}/{n}",
    lambda n, s: f"{n} YO {s}",
    lambda n, s: f"{n}-yr-old",
    lambda n, s: f"Age: {n}",
    lambda n, s: f"{age_words(n)}-year-old",
    lambda n, s: f"{age_words(n, False)} years old",
    lambda n, s: f"aged {age_words(n)}",
    lambda n, s: f"{n}y",
    lambda n, s: f"{n} yr",
    lambda n, s: f"{n} years",
    lambda n, s: f"in {'her' if s == 'F' else 'his'} {ordinal(n)} year",
    lambda n, s: f"{n} y. o.",
    lambda n, s: f"{age_words(n)} years of age",
    lambda n, s: f"now {n}",
]

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]

# Note templates: {slot}s are PHI (or ages); {hx} is clinical history filled in before, and kept.
HISTORY_NOTES = [
    "Pt {own_age}, {hx}. Lives with {relative} at {street_city}. Best contact {phone}.",
    "Pt is {own_age}; {hx}. Outside CT {date} at another facility; {relative} asks that copies go to {email}.",
    "{pname}, {own_age}; {hx}. Referred by {staff}.",
    "Hx: {hx}. Wheelchair bound, {own_age}. SSN on file {ssn}, billing acct {acct}.",
    "{hx}. Prior images uploaded to {url} on {date}. Outside MRN {mrn}.",
    "Send report to {staff}, fax {phone}. Pt {own_age}, hard of hearing.",
    "{own_age} nursing home resident ({street}), {hx}; {relative} at bedside.",
    "{hx}. Mother still living, {rel_old_f}. Home phone {phone}.",
    "Seen in ED {date} for the same complaint; {hx}. Lives alone at {street}.",
    "{hx}. Pt's {relative} ({phone}) is health care proxy; pt {own_age}.",
    "Father died at {rel_old_m} of stroke. {hx}. Insurance ID {ins}.",
]
PATIENT_COMMENTS = [
    "Interpreter: Portuguese. Contact {relative} {phone}.",
    "Contrast allergy (hives on {date}), premedicated per protocol.",
    "Veteran, {own_age}. VA claim no. {acct}.",
    "Prefers email contact: {email}",
    "Pt {own_age}; DNR on file. Guardian is {relative}.",
]
IMAGE_COMMENTS = [
    "Motion artifact, pt {own_age} and confused. Tech {staff}.",
    "Repeat views, first set rejected. Called {staff} at {phone}.",
    "ID band checked: {pname}, {pid}.",
    "Limited exam due to body habitus. Prelim called to {staff}.",
    "Pt {own_age}, could not hold breath.",
]
ADMITTING = ["Fall with L hip pain, {own_age}", "Community acquired pneumonia", "NSTEMI in pt {own_age}",
             "Acute on chronic renal failure"]
REASON_TAILS = ["", " - compare {date}", " in pt {own_age}", " - callback {phone}", ""]
# A technologist's addition to a research description ({desc} is the description).
DESC_MIXES = ["{desc} - {pname}", "{desc} call {staff} {phone}", "{desc} ({own_age})", "{desc} ACC {acc}",
              "{desc} per {staff}", "{desc} prior {date}", "{pname} {desc}"]
FINDINGS = ["No acute intracranial hemorrhage. Chronic small vessel ischemic change",
            "Stable 6 mm RUL nodule", "Mild L4-L5 disc bulge without canal stenosis",
            "No filling defect in the pulmonary arteries", "Cholelithiasis without cholecystitis",
            "Moderate left pleural effusion with adjacent atelectasis"]
IMPRESSIONS = ["No acute process.", "Stable exam, recommend follow up CT in one year.",
               "PI-RADS 4 lesion left peripheral zone.", "Findings consistent with acute appendicitis.",
               "Small pleural effusion, otherwise unremarkable."]
SR_TEXTS = [
    ("History", "{own_age} presenting with {reason}. {hx}."),
    ("Findings", "Compared with outside study of {date}. {finding}. Discussed with {staff} by phone {phone}."),
    ("Findings", "{finding}. Images reviewed with {staff}."),
    ("Impression", "{impression} Results given to {relative} at patient's request."),
    ("Impression", "{impression}"),
]
ROI_NAMES = ["PTV_70", "CTV_HIGH", "GTV", "PAROTID_L", "PAROTID_R", "SPINAL CORD", "BRAINSTEM", "MANDIBLE",
             "ORAL CAVITY", "LARYNX", "CORD PRV 5MM", "BLADDER", "RECTUM", "FEMORAL HEAD L"]
RT_DESCRIPTIONS = ["Contours approved by {staff} on {date}; pt {own_age}.", "H&N IMRT, OARs per RTOG atlas. Contact {staff} {phone}.",
                   "Pelvis VMAT replan after weight loss, {own_age}."]
SEG_DESCRIPTIONS = ["Lesion contoured by {staff}", "Semi-automatic liver segmentation, pt {own_age}",
                    "Reviewed {date} with {staff}"]
KO_TEXTS = ["For tumor board {date}: discuss with {staff}; pt {own_age}.", "Key images for {staff}, teaching file.",
            "Flagged by {staff} - {pname} callback {phone}."]
