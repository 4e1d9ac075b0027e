"""Free-text templates of the sixth held-out header set, per language, as clinicians, clerks and technologists write.

Slots (gen.py fills them and records each as planted PHI): {AGE} the patient's age over 89 (one of AGE below),
{PT} the patient's name in another form, {REL} a relative or carer's name (after the cue in the text), {RELAGE} a
relative's age over 89, {STAFF} a clinician with a title, {ADDR} a street address, {PHONE}, {DATE} a date in words,
{DATEN} a date in digits, {DOB} the patient's birth date (in digits), {ID} a national number with its label, {HP} a health-plan number with its label,
{EMAIL}, {URL}; {YOUNG} an age of 89 or below (kept). ``[[...]]`` marks a clinical number that must be kept.
In AGE, {n} is the age in digits, {w} in the language's words, {p} in Persian digits.
"""

AGE = {
    "es": ["paciente de {n} años", "{w} años de edad", "edad: {n} a.", "añosa de {n} años", "cumplió {n} años en marzo"],
    "fr": ["âgée de {n} ans", "patiente de {w} ans", "{n} ans, autonome", "âge : {n} a"],
    "af": ["{n} jaar oud", "'n {n}-jarige", "ouderdom {w} jaar", "pasiënt is {n}"],
    "sq": ["{n} vjeç", "në moshën {n} vjeçare", "mosha {w} vjeç"],
    "cy": ["{n} oed", "yn {w} oed", "claf {n} mlwydd oed"],
    "sw": ["mwenye umri wa miaka {n}", "miaka {w}", "umri: {n}"],
    "ms": ["berumur {n} tahun", "{n} thn", "umur {w} tahun"],
    "en": ["{n}-year-old", "{n} yrs of age", "age {w}", "nonagenarian ({n})", "turned {n} last month", "{n}yo",
           "a {w}-year-old", "aged {n} and a half", "{n}y 4m", "{w} years young", "pt {n}, frail", "{n} y.o."],
    "sr": ["стара {n} година", "{n} год.", "узраст {w} година"],
    "mk": ["{n} години", "на возраст од {n} години", "стара {w} години"],
    "sl": ["{n} let", "{n}-letna gospa", "stara {w} let"],
    "ku": ["{n} salî", "temenê wê {n}", "{w} salî"],
    "el": ["{n} ετών", "ηλικίας {n} ετών", "{w} χρονών"],
    "zh": ["{n}岁", "{w}歲", "年齡{n}", "{n}歲高齡"],
    "fa": ["{p} ساله", "سن: {p} سال", "{w} ساله", "سن {n} سال"],
    "ur": ["عمر {n} سال", "{p} سالہ", "{w} سال کی"],
    "am": ["ዕድሜ {n}", "{n} ዓመት", "የ{w} ዓመት"],
    "hy": ["{n} տարեկան", "{w} տարեկան", "տարիքը՝ {n}"],
}

NOTES = {
    "es": [
        "Paciente {AGE}, acude acompañada por {REL}. Domicilio: {ADDR}. Tel. contacto {PHONE}. Antecedente de "
        "hipertensión, PA [[148/92]]. Control con {STAFF} el {DATE}.",
        "Derivada por {STAFF}. {ID}, {HP}. Vive sola; avisar a {REL} al {PHONE}. Fractura de cadera previa, "
        "creatinina [[1,4]] mg/dL.",
        "Se informa a {PT} (F. nac. {DOB}) y a {REL} ({YOUNG} años). Próxima cita {DATEN}. Correo: {EMAIL}.",
    ],
    "fr": [
        "Mme {PT}, {AGE}, accompagnée de {REL}. Adresse : {ADDR}. Joindre au {PHONE}. Fibrillation auriculaire, "
        "INR [[2,6]]. Revue par {STAFF} le {DATE}.",
        "Référée par {STAFF}. Née le {DOB}. {ID} ; {HP}. Résultats sur {URL}. Glaucome OD, PIO [[24]] mmHg.",
        "Conjoint ({YOUNG} ans) présent. Rendez-vous du {DATEN} reporté; courriel {EMAIL}.",
    ],
    "af": [
        "Pasiënt {AGE}, vergesel deur {REL}. Adres: {ADDR}. Skakel {PHONE}. Diabetes tipe 2, HbA1c [[7,9]]%. "
        "Gesien deur {STAFF} op {DATE}.",
        "Verwys deur {STAFF}. {ID}, {HP}. Woon by {REL} op die plaas; e-pos {EMAIL}.",
        "Mnr./mev. {PT} se eggenoot ({YOUNG} jaar) teenwoordig. Opvolg {DATEN}.",
    ],
    "sq": [
        "Pacientja {AGE}, e shoqëruar nga {REL}. Adresa: {ADDR}. Tel. {PHONE}. Diabet, glicemia [[182]] mg/dl. "
        "Vizituar nga {STAFF} më {DATE}.",
        "Dërguar nga {STAFF}. {ID}; {HP}. Kontakt: {REL}, {PHONE}.",
        "Bashkëshorti ({YOUNG} vjeç). Kontrolli i radhës {DATEN}, {EMAIL}.",
    ],
    "cy": [
        "Claf {AGE}, daeth gyda {REL}. Cyfeiriad: {ADDR}. Ffôn {PHONE}. Ffibriliad atrïaidd, INR [[2.8]]. "
        "Gwelwyd gan {STAFF} ar {DATE}.",
        "Cyfeiriwyd gan {STAFF}. Dyddiad geni {DOB}. {ID}; {HP}. Siarad Cymraeg yn unig; cyswllt {REL} {PHONE}.",
        "Gŵr ({YOUNG} oed) yn bresennol. Apwyntiad nesaf {DATEN}; e-bost {EMAIL}.",
    ],
    "sw": [
        "Mgonjwa {AGE}, ameletwa na {REL}. Anwani: {ADDR}. Simu {PHONE}. Shinikizo la damu [[160/100]]. "
        "Ameonwa na {STAFF} tarehe {DATE}.",
        "Amepewa rufaa na {STAFF}. Tarehe ya kuzaliwa {DOB}. {ID}; {HP}. Mawasiliano: {REL} {PHONE}.",
        "Mume wake ({YOUNG}) yupo. Kliniki ijayo {DATEN}; barua pepe {EMAIL}.",
    ],
    "ms": [
        "Pesakit {AGE}, ditemani oleh {REL}. Alamat: {ADDR}. Tel: {PHONE}. Kencing manis, HbA1c [[8.2]]%. "
        "Dilihat oleh {STAFF} pada {DATE}.",
        "Dirujuk oleh {STAFF}. {ID}; {HP}. Waris: {REL} {PHONE}.",
        "Suami ({YOUNG} tahun) hadir. Temujanji seterusnya {DATEN}; emel {EMAIL}.",
    ],
    "en": [
        "{AGE} pt from {ADDR}, brought in by {REL}. Call {PHONE} before discharge. AF on apixaban, "
        "eGFR [[38]]. Reviewed with {STAFF} on {DATE}.",
        "Referred by {STAFF}. DOB {DOB}. {ID}; {HP}. Portal: {URL}. Next of kin {REL} ({PHONE}).",
        "Spouse ({YOUNG}) attends. Follow-up {DATEN}. E-mail {EMAIL}. Pt {PT} consents.",
        "Hx from {REL} as pt is hard of hearing ({AGE}). Sibling also in our care, {RELAGE}.",
    ],
    "sr": [
        "Пацијенткиња {AGE}, у пратњи {REL}. Адреса: {ADDR}. Тел. {PHONE}. Хипертензија, ТА [[170/95]]. "
        "Прегледао {STAFF} дана {DATE}",
        "Упутио {STAFF}. Рођена {DOB}. {ID}; {HP}. Контакт: {REL}, {PHONE}.",
        "Супруг ({YOUNG} год.) присутан. Контрола {DATEN}; {EMAIL}.",
    ],
    "mk": [
        "Пациентка {AGE}, придружена од {REL}. Адреса: {ADDR}. Тел. {PHONE}. Дијабетес, гликемија [[11,2]] mmol/L. "
        "Прегледана од {STAFF} на {DATE}.",
        "Упатена од {STAFF}. {ID}; {HP}. Контакт: {REL} {PHONE}.",
        "Сопругот ({YOUNG} години) присутен. Контрола {DATEN}; {EMAIL}.",
    ],
    "sl": [
        "Pacientka {AGE}, v spremstvu {REL}. Naslov: {ADDR}. Tel. {PHONE}. Atrijska fibrilacija, INR [[3,1]]. "
        "Pregledal {STAFF} dne {DATE}.",
        "Napotil {STAFF}. Rojena {DOB}. {ID}; {HP}. Kontakt: {REL}, {PHONE}.",
        "Mož ({YOUNG} let) prisoten. Kontrola {DATEN}; e-pošta {EMAIL}.",
    ],
    "ku": [
        "Nexweş {AGE}, bi {REL} re hat. Navnîşan: {ADDR}. Tel. {PHONE}. Tansiyon [[180/100]]. "
        "{STAFF} di {DATE} de dît.",
        "Ji aliyê {STAFF} ve hat şandin. {ID}; {HP}. Têkilî: {REL} {PHONE}.",
        "Mêrê wê ({YOUNG} salî) li vir e. Kontrol {DATEN}; {EMAIL}.",
    ],
    "el": [
        "Ασθενής {AGE}, συνοδεύεται από {REL}. Διεύθυνση: {ADDR}. Τηλ. {PHONE}. Κολπική μαρμαρυγή, INR [[2,4]]. "
        "Εξετάστηκε από {STAFF} στις {DATE}.",
        "Παραπομπή από {STAFF}. Γενν. {DOB}. {ID}; {HP}. Επικοινωνία: {REL} {PHONE}.",
        "Σύζυγος ({YOUNG} ετών) παρών. Επανεξέταση {DATEN}; {EMAIL}.",
    ],
    "zh": [
        "病人{AGE}，由{REL}陪同。地址：{ADDR}。電話{PHONE}。心房顫動，INR [[2.3]]。{STAFF}於{DATE}覆診。",
        "由{STAFF}轉介。出生日期{DOB}。{ID}；{HP}。聯絡人{REL}，{PHONE}。",
        "丈夫（{YOUNG}歲）陪同。下次覆診{DATEN}；電郵{EMAIL}。病人{PT}同意。",
    ],
    "fa": [
        "بیمار {AGE}، همراه با {REL}. نشانی: {ADDR}. تلفن {PHONE}. فشار خون [[150/95]]. "
        "توسط {STAFF} در تاریخ {DATE} ویزیت شد.",
        "ارجاع از {STAFF}. تاریخ تولد {DOB}. {ID}؛ {HP}. تماس: {REL} {PHONE}.",
        "همسر ({YOUNG} ساله) حضور دارد. نوبت بعدی {DATEN}؛ ایمیل {EMAIL}.",
    ],
    "ur": [
        "مریضہ {AGE}، {REL} کے ساتھ آئیں۔ پتہ: {ADDR}۔ فون {PHONE}۔ شوگر [[210]] mg/dL۔ "
        "{STAFF} نے {DATE} کو معائنہ کیا۔",
        "{STAFF} کی طرف سے ریفر۔ {ID}؛ {HP}۔ رابطہ: {REL} {PHONE}۔",
        "شوہر ({YOUNG} سال) ساتھ ہیں۔ اگلی ملاقات {DATEN}؛ ای میل {EMAIL}۔",
    ],
    "am": [
        "ታካሚ {AGE}፣ ከ{REL} ጋር መጡ። አድራሻ፡ {ADDR}። ስልክ {PHONE}። የደም ግፊት [[160/95]]። "
        "በ{STAFF} {DATE} ታይተዋል።",
        "በ{STAFF} የተላኩ። {ID}፤ {HP}። ተጠሪ፡ {REL} {PHONE}።",
        "ባለቤታቸው ({YOUNG} ዓመት) አብረው ናቸው። ቀጣይ ቀጠሮ {DATEN}፤ {EMAIL}።",
    ],
    "hy": [
        "Հիվանդ {AGE}, ուղեկցությամբ {REL}։ Հասցե՝ {ADDR}։ Հեռ. {PHONE}։ Զարկերակային ճնշում [[165/90]]։ "
        "Զննել է {STAFF} {DATE}։",
        "Ուղեգրել է {STAFF}։ Ծնվ. {DOB}։ {ID}; {HP}։ Կապ՝ {REL} {PHONE}։",
        "Ամուսինը ({YOUNG} տարեկան) ներկա է։ Հաջորդ այց {DATEN}; {EMAIL}։",
    ],
}

# a relative's age over 89 (English note {RELAGE}): {n} digits
RELAGE = ["{n}", "{n} yrs", "{n} y/o"]

# short notes for the small free-text places (LO/ST): a single slot each
SHORT = {
    "transport": ["Wheelchair; escort {REL}", "Stretcher, O2 2 L/min; call {PHONE}", "Ambulance from {ADDR}"],
    "request": ["Please compare with study of {DATEN}. Query {STAFF}.", "Urgent: {AGE} with new symptoms.",
                "Send copy to {STAFF}, ph {PHONE}."],
    "visit": ["Seen with {REL}; {AGE}", "Follow-up after fall on {DATE}", "Reassessment, {ID}"],
}
