"""Research text to keep, per IOD of the fourth held-out header set: descriptions, protocols, body parts, reasons,
ROI and segment names, acquisition text. ``nums`` are the clinical numbers in them that must survive as written.

Study descriptions come in the file's language where one is given (else English).
"""

RESEARCH = {
    "EnhMR": dict(
        study={"en": "MR BRAIN WO/W CONTRAST - PARKINSON PROTOCOL", "pl": "MR mózgowia bez i z kontrastem",
               "nl": "MRI hersenen met contrast (Parkinson)", "ko": "뇌 MRI 조영증강", "vi": "MRI sọ não có thuốc",
               "he": "MRI מוח עם חומר ניגוד"},
        series=["Ax T2 FLAIR 3mm", "Sag 3D T1 MPRAGE post Gd", "Ax SWI nigrosome"],
        protocol=["NEURO_PARKINSON_3T", "BRAIN_MS_FOLLOWUP_1.5T"],
        body="BRAIN", reason=["Parkinson disease, r/o Wilson disease", "Tremor R>L since 2019, DaT scan equivocal"],
        contrast="Gadovist 7.5 mL IV", coil="Head 20ch", frame_labels=["Slice 1", "Slice 2", "Slice 3"],
        nums=["3mm", "7.5", "R>L", "20ch"]),
    "EnhCT": dict(
        study={"en": "CT CHEST ABDOMEN PELVIS W CONTRAST - HODGKIN RESTAGING", "tr": "Toraks-abdomen BT kontrastlı",
               "zh": "胸腹部增强CT", "es": "TC TÓRAX-ABDOMEN-PELVIS CON CONTRASTE IV"},
        series=["Venous phase 1.25mm", "Portal venous 70s Br40"],
        protocol=["ONC_CAP_PORTAL_70s", "LYMPHOMA_RESTAGE_CAP"],
        body="CHEST", reason=["Hodgkin lymphoma stage IIB, restaging after 4 cycles ABVD",
                              "Non-Hodgkin lymphoma, Ann Arbor III, interim"],
        contrast="Omnipaque 350 90 mL", kernel="Br40", frame_labels=["Z -120.0", "Z -125.0", "Z -130.0"],
        nums=["350", "90", "1.25mm", "70s"]),
    "SEG": dict(
        study={"en": "CT ABDOMEN - WILMS TUMOUR FOLLOW-UP", "sv": "DT buk - Wilms tumör uppföljning",
               "cs": "CT břicha - Wilmsův tumor kontrola"},
        series=["Segmentation kidney and tumour", "AI segmentation nnU-Net"],
        protocol=["PED_ABD_PORTAL"], body="ABDOMEN",
        reason=["Wilms tumour R kidney, post nephron-sparing surgery", "Bilateral Wilms, stage V, surveillance"],
        segments=[("Kidney_R", "85756007", "Tissue", "64033007", "Kidney"),
                  ("Wilms tumour", "49755003", "Morphologically abnormal structure", "302849000", "Nephroblastoma"),
                  ("Liver", "85756007", "Tissue", "10200004", "Liver")],
        algorithm="nnU-Net v2 3d_fullres", nums=[]),
    "RTSS": dict(
        study={"en": "RT HEAD AND NECK IMRT 70 Gy / 35 fx", "pt": "Radioterapia cabeça e pescoço 70 Gy / 35 fx",
               "pl": "Radioterapia głowa-szyja 70 Gy / 35 fx", "hu": "Fej-nyak sugárterápia 70 Gy / 35 fx",
               "he": "RT ראש צוואר 70 Gy / 35 fx"},
        series=["RTSTRUCT HN IMRT v2", "Structure set approved"], protocol=["HN_IMRT_SIB"], body="HEADNECK",
        reason=["SCC oropharynx T2N1M0, p16+", "Nasopharyngeal carcinoma T3N2M0, EBV DNA 2400 copies/mL"],
        label="HN_IMRT_V2", name="Plan1_OAR",
        rois=[("PTV_70Gy", "PTV"), ("PTV_56Gy", "PTV"), ("CTV_High", "CTV"), ("GTVp", "GTV"), ("Parotid_L", "ORGAN"),
              ("Parotid_R", "ORGAN"), ("SpinalCord_PRV5", "AVOIDANCE"), ("Brainstem", "ORGAN"), ("Mandible", "ORGAN"),
              ("Larynx_Glottic", "ORGAN"), ("Cochlea_L", "ORGAN"), ("OpticChiasm", "ORGAN")],
        roi_notes=["Parotid sparing: mean < 26 Gy", "D95 > 98% of 70 Gy", "PRV 5 mm around cord, max 45 Gy",
                   "V50 < 30%"],
        nums=["70", "35", "T2N1M0", "T3N2M0", "2400", "26", "98%", "45", "5", "V50", "30%"]),
    "RTDOSE": dict(
        study={"en": "VMAT PROSTATE 78 Gy / 39 fx", "ar": "VMAT prostate 78 Gy / 39 fx",
               "es": "Radioterapia próstata VMAT 78 Gy / 39 fx"},
        series=["RTDOSE plan sum", "Dose VMAT 2 arcs"], protocol=["PROSTATE_VMAT_SIB"], body="PELVIS",
        reason=["Adenocarcinoma prostate Gleason 4+3, PSA 8.4, T2cN0M0", "Gleason 3+4=7, 4/12 cores, iPSA 11.2"],
        dose_note="Rx 7800 cGy to PTV; gantry 181-179 CW; D95 > 98%",
        nums=["78", "39", "4+3", "8.4", "T2cN0M0", "3+4=7", "4/12", "11.2", "7800", "181-179", "98%"]),
    "USMF": dict(
        study={"en": "US ABDOMEN COMPLETE", "th": "อัลตราซาวด์ช่องท้อง", "br": "ULTRASSONOGRAFIA DE ABDOME TOTAL",
               "nl": "Echo bovenbuik"},
        series=["Liver cine loop", "Gallbladder sweep"], protocol=["ABD_GENERAL_C5-1"], body="ABDOMEN",
        reason=["ALT 112 U/L, r/o steatosis", "RUQ pain, Murphy sign +, r/o cholecystitis"],
        nums=["112", "C5-1"]),
    "IO": dict(
        study={"en": "INTRAORAL XRAY 46-47", "ko": "치과 구내 방사선 46-47", "sv": "Intraoral röntgen 46-47",
               "tr": "Periapikal grafi 46-47"},
        series=["Periapical 46-47", "Bitewing R"], protocol=["IO_PA_MOLAR"], body="JAW",
        reason=["Caries 46 distal, r/o periapical lesion", "Pain 47 on percussion, PAI 3"],
        nums=["46-47", "46", "47"]),
    "PX": dict(
        study={"en": "PANORAMIC DENTAL XRAY", "sv": "Panoramaröntgen OPG", "tr": "Panoramik dental grafi"},
        series=["OPG standard"], protocol=["PANO_ADULT_66kV"], body="JAW",
        reason=["Impacted 38 and 48, pre-extraction", "Periodontitis stage III, bone loss 35%"],
        nums=["38", "48", "66kV", "35%"]),
    "VL": dict(
        study={"en": "DERMATOLOGY PHOTOGRAPHY - MOLE MAPPING", "es": "Fotografía dermatológica - nevus",
               "ro": "Fotografie dermatologică - nev displazic", "he": "צילום עור - נבוס"},
        series=["Back, left scapula, 10 cm ruler", "Dermoscopy lesion 3"], protocol=["DERM_TBP"], body="SKIN",
        reason=["Changing naevus, ABCD 4/5, r/o melanoma", "Lyme erythema migrans, day 6"],
        nums=["10", "4/5", "6"]),
    "DOSESR": dict(
        study={"en": "CT CHEST LOW DOSE SCREENING", "zh": "胸部CT平扫", "cs": "CT hrudníku nativ",
               "nl": "CT thorax low dose"},
        series=["Radiation dose report"], protocol=["LUNG_LDCT_100kV"], body="CHEST",
        reason=["Lung cancer screening, 30 pack-years", "Nodule follow-up, Lung-RADS 3"],
        nums=["30", "3", "100kV"]),
    "TEXTSR": dict(
        study={"en": "MRI KNEE RIGHT", "sv": "MR knä höger", "ar": "MRI knee right", "ka": "MRI knee right"},
        series=["Radiology report"], protocol=["MSK_KNEE_3T"], body="KNEE",
        reason=["Locking, r/o bucket-handle tear; Baker cyst?", "Osgood-Schlatter vs patellar tendinopathy"],
        findings=["Horizontal tear posterior horn medial meniscus, grade 3.",
                  "Baker cyst 3.2 x 1.1 cm. Segond fracture excluded."],
        nums=["3.2", "1.1", "3"]),
    "CADSR": dict(
        study={"en": "MAMMOGRAPHY SCREENING BILATERAL", "pt": "MAMOGRAFIA BILATERAL DE RASTREIO",
               "pl": "Mammografia przesiewowa obustronna"},
        series=["CAD results"], protocol=["MG_SCREEN_CAD"], body="BREAST",
        reason=["Screening, BI-RADS 4A at prior, family hx", "Dense breasts ACR C, BI-RADS 2"],
        nums=["4A", "2"]),
    "RAW": dict(
        study={"en": "CT RAW DATA - LUNG SCREENING", "tr": "Beyin MR ham veri"},
        series=["Raw projection data"], protocol=["RAW_EXPORT_V3"], body="CHEST",
        reason=["Research reconstruction, kernel study Qr40", "Iterative recon comparison ADMIRE 3"],
        nums=["Qr40", "3"]),
    "CT": dict(
        study={"en": "CT HEAD WITHOUT CONTRAST", "th": "ซีทีสมองไม่ฉีดสี", "es": "TC CRÁNEO SIN CONTRASTE",
               "zh": "头颅CT平扫", "sv": "DT hjärna utan kontrast"},
        series=["Axial 5mm Brain", "Ax 0.625 bone"], protocol=["HEAD_ROUTINE_120kV"], body="HEAD",
        reason=["Fall on apixaban (Eliquis), r/o SDH", "GCS 14, INR 2.8 on warfarin"],
        nums=["5mm", "0.625", "120kV", "14", "2.8"]),
}
