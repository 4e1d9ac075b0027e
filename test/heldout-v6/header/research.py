"""Research text of the sixth held-out header set: what a de-identifier must keep, per IOD.

Descriptions carry eponyms, brands and clinical look-alikes of dates, phones, IDs and staging; each word of them must
survive. CODES are (value, scheme, meaning) triples whose value and meaning must survive.
"""

STUDY = {
    "proclog": ["Cardiac cath LHC + PCI (Judkins JL4/JR4)", "EP study, AVNRT ablation (Koch triangle)",
                "TAVI 26 mm Evolut, transfemoral", "Coronary angiography FFR LAD 0.78"],
    "spectacle": ["Refraction - spectacle Rx, Jackson cross cylinder", "Low vision assessment, Amsler grid"],
    "rpdose": ["PET/CT F-18 FDG whole body, Deauville 4", "Ga-68 PSMA-11 PET, PSMA-RADS 4"],
    "comp3d": ["CT coronary, Agatston 412, CAD-RADS 3", "Liver volumetry MR, Couinaud IV-VIII"],
    "acqctx": ["Holter 24 h - Bazett QTc 471", "Echo TTE, Simpson biplane EF 35-40%"],
    "chestcad": ["CT chest low dose, Lung-RADS 4A", "CXR PA/LAT, Fleischner follow-up"],
    "hemo": ["Right heart cath, Swan-Ganz, PCWP 22", "Hemodynamic study, Fick CO 3.9 L/min",
             "Valve study Gorlin AVA 0.8 cm2", "Vasoreactivity test, iNO 20 ppm"],
    "ker": ["Keratometry pre-cataract, K1/K2 43.25/44.50", "Topography, Amsler-Krumeich stage 2"],
    "arf": ["Autorefraction, cycloplegic (cyclopentolate 1%)", "Autorefraction + NCT, IOP 21/19"],
    "va": ["Visual acuity Snellen 6/9, ETDRS 70 letters"],
    "lens": ["Lensometry, progressive addition +2.50"],
    "subj": ["Subjective refraction, Duochrome, +1.75 DS"],
    "rwvm": ["DCE-MRI prostate Tofts Ktrans, PI-RADS 4", "DWI ADC map, Hodgkin lymphoma restaging"],
    "reg": ["PET-CT fusion, Brainlab registration", "MR-CT rigid registration, Leksell frame"],
    "fid": ["Fiducials for CyberKnife, Synchrony 3 markers"],
    "pcps": ["Perfusion CBF map, hot iron palette", "SPECT Tc-99m HMPAO, Rainbow LUT"],
    "sc16": ["Digitised film, Mayo 1998 archive", "Scanned mammogram, Wolfe P2 pattern"],
    "sc1": ["Scanned consent form, 2 pages"],
    "rtsum": ["RT summary: 60 Gy / 30 fx, Stupp protocol", "RT summary: SBRT 54 Gy / 3 fx, RTOG 0236"],
    "stl": ["3D print mandible, Le Fort I planning", "3D print heart, Fontan circulation"],
}

SERIES = {
    "proclog": "Procedure log", "spectacle": "Spectacle Rx report", "rpdose": "Radiopharmaceutical dose report",
    "comp3d": "Measurements 3D", "acqctx": "Acquisition context", "chestcad": "CAD findings (Riverain)",
    "hemo": "Pressures RA/RV/PA/PCW", "ker": "Keratometry OU", "arf": "Autorefraction OU", "va": "VA OU",
    "lens": "Lensometry OU", "subj": "Subjective refraction OU", "rwvm": "Ktrans mapping", "reg": "Rigid registration",
    "fid": "Fiducial set", "pcps": "Pseudo-colour PS", "sc16": "Digitised film 12-bit", "sc1": "Scanned document",
    "rtsum": "Treatment summary", "stl": "STL model",
}

# SR TEXT findings / procedure log actions / other IOD text kept verbatim
FINDINGS = {
    "proclog": ["Heparin 5000 IU IV", "Radial access 6F, Barbeau B", "Stent 3.0 x 18 mm LAD, TIMI 3 flow",
                "ACT 265 s", "Verapamil 2.5 mg IA"],
    "spectacle": ["OD -2.25 / -0.75 x 180, Add +2.50", "OS -1.75 / -1.00 x 170, PD 62/59"],
    "rpdose": ["F-18 FDG 312 MBq at 09:41", "Ga-68 PSMA-11 148 MBq, eGFR 74"],
    "comp3d": ["Plaque volume 142 mm3 in proximal LAD", "Segment IV volume 318 mL"],
    "acqctx": ["Lead II, paper speed 25 mm/s", "Apical 4-chamber, Nyquist 0.62 m/s"],
    "chestcad": ["Nodule 7 mm RUL, solid, Brock 12%", "Ground-glass 14 mm LLL, Fleischner 2017"],
}

CODES = {
    "proclog": [("18745-0", "LN", "Cardiac catheterization study report")],
    "spectacle": [("70947-7", "LN", "Spectacle prescription")],
    "rpdose": [("C-B1031", "SRT", "Fluorodeoxyglucose F^18^")],
    "comp3d": [("126000", "DCM", "Imaging Measurement Report")],
    "acqctx": [("113876", "DCM", "Device Role in Procedure")],
    "chestcad": [("112000", "DCM", "Chest CAD Report")],
}
