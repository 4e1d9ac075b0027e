"""Free-text templates of the fifth header set, as clinicians, technologists and registrars write them. Slots:
{PT} the patient in another form, {REL} a relative or carer, {STAFF} a clinician, {AGE} the patient's age (over 89
in a third of the files: planted; else kept), {RAGE} a relative's age over 89, {KAGE} a relative's age of 89 or
under (kept), {PHONE}, {ADDR}, {EMAIL}, {URL}, {IP}, {PLATE}, {SERIAL}, {ACCT}, {LIC}, {PLAN}, {NID}, {DATE} (a
date in words no header attribute holds), {DATEN} (the same in digits). Written for this set."""

LOCAL = {
    "it": [
        "Paziente {AGE}, accompagnata dalla {REL}. Riferisce caduta accidentale il {DATE}. Recapito: {PHONE}.",
        "Portatrice di PM (matricola {SERIAL}); TAO con warfarin sospesa. Domicilio {ADDR}. Referto da inviare a {EMAIL}.",
        "Visitata dal {STAFF} in PS; ricoverata in Medicina 2. {PLAN}.",
        "Vive con il marito, {RAGE}, allettato. Referto via fax al {PHONE}.",
    ],
    "de": [
        "Pat. {AGE}, lebt allein, {REL} (Tel. {PHONE}) bringt sie. Sturz am {DATE} zu Hause.",
        "Vorbefund vom {DATEN} extern, Befund bitte an {EMAIL}. Wohnadresse: {ADDR}.",
        "Rücksprache mit {STAFF}; Kennzeichen des Krankentransports {PLATE}. {NID}.",
        "Ehemann {RAGE}, pflegebedürftig. Befund per Fax an Hausarzt, Fax {PHONE}.",
    ],
    "da": [
        "Pt. er {AGE}, bor på plejehjem, ledsaget af {REL}. Faldt {DATE}. Kontakt: {PHONE}.",
        "Drøftet med {STAFF}. Pacemaker serienr. {SERIAL}. Bopæl {ADDR}.",
        "Ægtefælle {RAGE}, på plejehjem. Svar faxes til {PHONE}.",
    ],
    "nb": [
        "Pasienten er {AGE}, kommer med {REL}. Innlagt fra sykehjem {DATE}. Telefon pårørende {PHONE}.",
        "Vurdert av {STAFF} på akuttmottaket. Adresse: {ADDR}. Bilnr. drosje {PLATE}.",
    ],
    "is": [
        "Sjúklingur {AGE}, í fylgd {REL}. Datt heima {DATE}. Sími {PHONE}.",
        "Rætt við {STAFF}. Heimilisfang {ADDR}.",
    ],
    "ga": [
        "Othar {AGE}, in éineacht lena {REL}. Thit sí ar an {DATE}. Guthán: {PHONE}.",
        "Pléite le {STAFF}. Seoladh: {ADDR}.",
    ],
    "ca": [
        "Pacient de {AGE}, acompanyada per la {REL}. Caiguda a domicili el {DATE}. Telèfon de contacte {PHONE}.",
        "Valorada per la {STAFF}. Domicili {ADDR}. Informe per correu a {EMAIL}.",
    ],
    "fr": [
        "Patiente {AGE}, vit seule, accompagnée de sa {REL}. Chute le {DATE}. Joignable au {PHONE}.",
        "Vue par le {STAFF} aux urgences ; œdème du membre inférieur gauche. Adresse : {ADDR}. {NID}.",
        "Résultats à transmettre via {URL} ou à {EMAIL}.",
    ],
    "fi": [
        "Potilas on {AGE}, asuu palvelutalossa; mukana {REL}. Kaatui {DATE}. Puh. {PHONE}.",
        "Keskusteltu {STAFF} kanssa. Osoite {ADDR}. Tahdistimen sarjanumero {SERIAL}.",
        "Puoliso {RAGE}, laitoshoidossa. Lausunto faksilla {PHONE}.",
    ],
    "et": [
        "Patsient {AGE}, saatjaks {REL}. Kukkus kodus {DATE}. Kontakt {PHONE}.",
        "Konsulteeritud: {STAFF}. Elukoht {ADDR}. {NID}.",
    ],
    "lv": [
        "Pacientei {AGE}, pavada {REL}. Kritusi mājās {DATE}. Tālr. {PHONE}.",
        "Konsultēts ar {STAFF}. Dzīvesvieta: {ADDR}. {NID}.",
    ],
    "lt": [
        "Pacientė {AGE}, atlydėjo {REL}. Nukrito namuose {DATE}. Tel. {PHONE}.",
        "Konsultavo {STAFF}. Adresas: {ADDR}. {NID}.",
    ],
    "mt": [
        "Il-pazjenta għandha {AGE}, akkumpanjata minn {REL}. Waqgħet id-dar fil-{DATE}. Tel. {PHONE}.",
        "Diskuss ma' {STAFF}. Indirizz: {ADDR}.",
    ],
    "uk": [
        "Пацієнтка {AGE}, супроводжує {REL}. Впала вдома {DATE}. Тел. {PHONE}.",
        "Консультовано з {STAFF}. Адреса: {ADDR}. {NID}.",
    ],
    "bg": [
        "Пациентка на {AGE}, придружена от {REL}. Падане у дома на {DATE}. Тел. {PHONE}.",
        "Консултирана с {STAFF}. Адрес: {ADDR}. {NID}.",
    ],
    "sk": [
        "Pacientka {AGE}, v sprievode {REL}. Pád doma {DATE}. Tel. {PHONE}.",
        "Konzultované s {STAFF}. Bydlisko {ADDR}. {NID}.",
    ],
    "hr": [
        "Pacijentica {AGE}, u pratnji {REL}. Pala kod kuće {DATE}. Tel. {PHONE}.",
        "Konzultiran {STAFF}. Adresa: {ADDR}. {NID}.",
    ],
    "id": [
        "Pasien {AGE}, diantar oleh {REL}. Jatuh di rumah tanggal {DATE}. No. HP keluarga {PHONE}.",
        "Dikonsulkan ke {STAFF}. Alamat: {ADDR}. {PLAN}.",
    ],
    "fil": [
        "Pasyente ay {AGE}, kasama ang {REL}. Nadulas sa bahay noong {DATE}. Tel. {PHONE}.",
        "Nakausap si {STAFF}. Tirahan: {ADDR}. {PLAN}.",
    ],
    "ta": [
        "நோயாளி {AGE}, உடன் {REL}. {DATE} அன்று வீட்டில் விழுந்தார். தொலைபேசி {PHONE}.",
        "{STAFF} அவர்களுடன் ஆலோசிக்கப்பட்டது. முகவரி: {ADDR}.",
    ],
    "bn": [
        "রোগী {AGE}, সঙ্গে {REL}। {DATE} তারিখে বাড়িতে পড়ে যান। ফোন {PHONE}।",
        "{STAFF} এর সাথে আলোচনা করা হয়েছে। ঠিকানা: {ADDR}।",
    ],
    "ja": [
        "患者{AGE}、{REL}同伴。{DATE}自宅で転倒。連絡先{PHONE}。",
        "{STAFF}と相談済み。住所：{ADDR}。",
    ],
}

# English, as written in each English-speaking country and by clinicians elsewhere
ENGLISH = [
    "{AGE} pt, brought in by {REL} after a fall on {DATE}, long lie. NOK contact {PHONE}.",
    "Hx per {REL}: pt {AGE}, lives alone at {ADDR}. Spouse (was {KAGE}) died last year.",
    "Discussed with {STAFF} (on call). Pacemaker in situ, serial {SERIAL}, MRI conditional per card.",
    "Pt {AGE}. Seen by {STAFF} in ED; for review in fracture clinic. Please send report to {EMAIL}.",
    "Previous imaging from outside hospital dated {DATEN}, images via {URL}.",
    "Mobility scooter reg {PLATE}; pt still drives despite advice. NOK (aged {KAGE}) informed.",
    "Transfer from {IP} failed, resent manually. Billing account {ACCT}.",
    "Interpreting by {REL}; declined a professional interpreter. Patient is {AGE} and hard of hearing.",
    "Mother {RAGE}, also under our care. Contact daughter on {PHONE}.",
    "Referring doctor's registration {LIC}. Cover: {PLAN}.",
    "{PT} has a hearing aid (s/n {SERIAL}); removed for scan.",
    "Report to GP by fax {PHONE}; copy to {STAFF}.",
    "Sick certificate no. {CERT} issued on discharge. Discussed with {REL}.",
    "Per {STAFF}: prior study on {DATE} at another site, not available.",
]

# Where the English templates differ per country (the slots fill with the country's numbers either way)
COUNTRY_EN = {
    "en-GB": ["GP letter: {PT}, {AGE}, {NID}. {REL} has LPA for health.",
              "Seen by {STAFF}, SpR, on the AMU; d/w consultant. Address on PAS {ADDR}."],
    "en-IE": ["{PT} ({AGE}) attends with {REL}. Medical card holder, {NID}.",
              "Reviewed by {STAFF}, reg. Home: {ADDR}."],
    "en-AU": ["{PT}, {AGE}, from an aged-care facility; {REL} (EPOA) on {PHONE}.",
              "Seen by {STAFF} (RMO). {PLAN}. Lives at {ADDR}."],
    "en-NG": ["{PT}, {AGE}, brought by {REL}. Fell in the compound on {DATE}. Tel {PHONE}.",
              "Reviewed by {STAFF} (SR). {NID}. Address: {ADDR}."],
    "en-IN": ["{PT}, {AGE}, accompanied by {REL}. {NID}. Mob {PHONE}.",
              "Reviewed by {STAFF}, consultant. Resides at {ADDR}."],
    "en-ZA": ["{PT}, {AGE}, brought in by {REL}. {NID}. Cell {PHONE}.",
              "Seen by {STAFF} (MO). {PLAN}. Address {ADDR}."],
    "en-KE": ["{PT}, {AGE}, escorted by {REL}. {NID}. Tel {PHONE}.",
              "Reviewed by {STAFF} (registrar). {PLAN}. Lives in {ADDR}."],
}

# Short texts for the less common places
ALERTS_EN = ["Hearing impaired, needs {REL} present", "Speaks little English, interpreter {REL} booked"]
