"""Free-text wording of the fourth held-out header set: notes as clinicians, technologists and registrars write them.

A template is a string with slots in braces; gen.py fills each slot with an invented value and records it as
planted PHI (or, for {young} and {num:...}, as text to keep). Words outside slots are clinical prose.

Slots: {pt} the patient in a short form, {ptfull} the patient's whole name in another order or case, {rel} a
relative, carer or interpreter, {staff} a clinician, {old} an age over 89 ({olde} in German), {young} an age of 89 or below (kept),
{phone}, {addr}, {email}, {url}, {ip}, {plate}, {serial}, {acct}, {cert}, {plan}, {wdate} a date in words,
{ndate} a date in digits.
"""

NOTES = {
    "en": [
        "{old}, lives alone at {addr}; NOK {rel}, mobile {phone}.",
        "Pt {pt} seen by {staff} on {wdate}. Hx of Hodgkin lymphoma 1998, treated ABVD x 6. Denies dysphagia.",
        "Per {staff}: compare with outside CT of {ndate}. Pacemaker {serial}, MR conditional per card.",
        "Interpreter {rel} present for consent. Pt prefers e-mail {email}.",
        "Transport: son-in-law drives, car reg {plate}. Portal link {url}",
        "Insurance {plan}; billing {acct}. Referred from workstation {ip}.",
        "{pt}, {old}; son ({young}) is main carer. Clarified with {staff}.",
        "discussed with {staff} ({cert}) - Crohn disease, prior ileocecal resection; CRP 48 mg/L.",
        "Carer {rel} reports falls x2 since {wdate}; lives at {addr}.",
        "Transfer letter from Basel: Pat. {olde}, Pflegeheim; Hausarzt {staff}.",
    ],
    "es": [
        "Paciente de {old}, vive sola en {addr}. Tel. contacto familiar ({rel}): {phone}.",
        "Valorada por {staff} el {wdate}. Antecedente de enfermedad de Crohn, sin cirugías.",
        "Acompañada por familiar ({rel}). Aporta TC previo del {ndate}. Póliza: {plan}.",
        "Comentado con la {staff}; portador de marcapasos {serial}. Correo: {email}",
        "{pt}, {old}. Dolor en rodilla izq. tras caída; descartar quiste de Baker.",
    ],
    "pt": [
        "Doente de {old}, acompanhada por familiar ({rel}) (tlm {phone}). Morada: {addr}.",
        "Observada por {staff} em {wdate}; TC anterior de {ndate}. {acct}.",
        "Discutido com a {staff} ({cert}). Seguro {plan}. Contacto {email}",
        "{pt} - queda em casa, {old}. Portador de pacemaker {serial}.",
    ],
    "nl": [
        "Mevrouw is {old}, woont zelfstandig op {addr}. Contactpersoon {rel}, tel {phone}.",
        "Gezien door {staff} op {wdate}. Eerder CT van {ndate} ter vergelijking. {acct}.",
        "Overlegd met {staff}. Verzekering: {plan}. Mantelzorger {rel} aanwezig.",
        "{pt}, {old}, rolstoel. Patiëntportaal {url}",
    ],
    "sv": [
        "{old}, bor ensam på {addr}. Anhörig {rel} nås på {phone}.",
        "Bedömd av {staff} den {wdate}. Tidigare DT {ndate}. {acct}.",
        "Tolk {rel} närvarande. Diskuterat med {staff}. Försäkring {plan}.",
        "{pt} {old}, pacemaker {serial}. Bilder via {url}",
    ],
    "pl": [
        "Pacjentka {old}, mieszka sama: {addr}. Osoba kontaktowa: {rel}, tel. {phone}.",
        "Konsultowane z {staff} dnia {wdate}. Poprzednie TK z {ndate}. {acct}.",
        "{pt}, {old}. Rozrusznik serca {serial}. Ubezpieczenie {plan}.",
        "Opiekunka {rel} obecna przy badaniu. E-mail rodziny: {email}",
    ],
    "cs": [
        "Pacient(ka) {old}, bydlí sám/sama na adrese {addr}. Doprovod: {rel}, tel. {phone}.",
        "Konzultováno s {staff} dne {wdate}. Předchozí CT {ndate}. {acct}.",
        "{pt}, {old}. Kardiostimulátor {serial}. Pojišťovna {plan}.",
    ],
    "tr": [
        "Hasta {old}, {addr} adresinde yalnız yaşıyor. Yakını {rel} eşlik etti, tel {phone}.",
        "{staff} ile {wdate} tarihinde görüşüldü. Önceki BT {ndate}. {acct}.",
        "{pt}, {old}. Kalp pili {serial}. Sigorta {plan}. E-posta {email}",
    ],
    "hu": ["A beteg {old}, lakcím: {addr}. Hozzátartozó: {rel}, tel. {phone}. Konzultálva {staff}, {wdate}."],
    "ro": ["Pacienta de {old}, domiciliu {addr}. Aparținător {rel}, tel. {phone}. Văzută de {staff} pe {wdate}."],
    "vi": ["Bệnh nhân {old}, địa chỉ {addr}. Người nhà {rel}, ĐT {phone}. Khám bởi {staff} {wdate}."],
    "he": ["המטופלת {old}, גרה ב{addr}. בליווי בן משפחה {rel}, טלפון {phone}. נבדקה ע\"י {staff}."],
    "ar": ["المريضة {old}، العنوان {addr}. برفقة قريبها {rel}، هاتف {phone}. راجعها {staff}."],
    "th": ["ผู้ป่วย{old} ที่อยู่ {addr} ญาติ {rel} โทร {phone} ตรวจโดย {staff}"],
    "zh": ["患者{pt}，{old}，住址{addr}，家属{rel}陪同，电话{phone}。{staff}会诊。"],
    "ko": ["환자 {pt} {old}, 주소 {addr}. 보호자 {rel} 연락처 {phone}. {staff} 협진."],
    "hi": ["मरीज़ {old}, पता {addr}. परिजन {rel}, फ़ोन {phone}. {staff} द्वारा देखा गया."],
    "ka": ["პაციენტი {old}, მისამართი {addr}. ნათესავი {rel}, ტელ. {phone}. ნახა {staff}."],
}

# staff cues before a staff name, per language: the cue stays, the name goes
STAFF_CUE = {"en": ["Dr", "Dr.", "Prof.", "RN", "radiographer"], "es": ["Dra.", "Dr."], "pt": ["Dra.", "Dr."],
             "nl": ["dr.", "collega"], "sv": ["dr", "ssk"], "pl": ["dr", "lek."], "cs": ["MUDr.", "as."],
             "tr": ["Dr.", "Uzm. Dr."]}

# Short texts in the less common free-text places (Medical Alerts, Allergies, Special Needs, ...), with slots.
SHORT = {
    "MedicalAlerts": ["MRI-conditional ICD {serial}", "Latex allergy - inform {staff}", "DNR per POA {rel}"],
    "Allergies": ["Iodinated contrast (urticaria {ndate})", "Penicillin; gadolinium OK"],
    "SpecialNeeds": ["Wheelchair; interpreter {rel}", "Hard of hearing - call daughter {phone}"],
    "RequestedProcedureComments": ["Please copy to {staff}", "Prior at outside hospital {ndate}; images via {url}"],
    "ImageComments": ["Repeat after motion; pt {pt} uncooperative", "Tech {staff} - reduced FOV"],
    "StudyComments": ["Booked by {rel} by phone {phone}", "Old films brought from home, {addr}"],
}
