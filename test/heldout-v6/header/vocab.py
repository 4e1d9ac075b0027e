"""Invented people, places and contacts of the sixth held-out header set, per locale (all fictitious).

Each locale: its character set, given and family names (a Latin transliteration where the script is not Latin),
name particles, titles of staff, relatives' cue words, month names as dates write them, ages over 89 in words,
street layouts, cities and postcodes, phone layouts, national and health-plan numbers. Written for this set only.
"""
import random

# ---- number words (ages over 89) --------------------------------------------------------------------------
_EN_UNITS = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


def age_words(n):
    """English words of an age from 90 to 109 (the scorer matches these in every language's text)."""
    if n < 100:
        return "ninety" + (f"-{_EN_UNITS[n - 90]}" if n > 90 else "")
    return "one hundred" + (f" and {_EN_UNITS[n - 100]}" if n > 100 else "")


def _tens(tens, units, joiner, hundred, hundred_joiner=" "):
    def words(n):
        if n < 100:
            return tens + (joiner + units[n - 90] if n > 90 else "")
        return hundred + (hundred_joiner + units[n - 100] if n > 100 else "")
    return words


LOCAL_AGE_WORDS = {
    "es": lambda n: ("noventa" + ["", " y uno", " y dos", " y tres", " y cuatro", " y cinco", " y seis", " y siete",
                                  " y ocho", " y nueve"][n - 90]) if n < 100 else
    ["cien", "ciento uno", "ciento dos", "ciento tres", "ciento cuatro"][n - 100],
    "fr": lambda n: ("quatre-vingt-" + ["dix", "onze", "douze", "treize", "quatorze", "quinze", "seize", "dix-sept",
                                        "dix-huit", "dix-neuf"][n - 90]) if n < 100 else
    ("cent" + ["", " un", " deux", " trois", " quatre"][n - 100]),
    "af": lambda n: (["negentig", "een-en-negentig", "twee-en-negentig", "drie-en-negentig", "vier-en-negentig",
                      "vyf-en-negentig", "ses-en-negentig", "sewe-en-negentig", "agt-en-negentig",
                      "nege-en-negentig"][n - 90]) if n < 100 else ("honderd" + ["", " en een", " en twee",
                                                                                  " en drie", " en vier"][n - 100]),
    "sq": _tens("nëntëdhjetë", ["", "e një", "e dy", "e tre", "e katër", "e pesë", "e gjashtë", "e shtatë",
                                "e tetë", "e nëntë"], " ", "njëqind", " "),
    "cy": _tens("naw deg", ["", "un", "dau", "tri", "pedwar", "pump", "chwech", "saith", "wyth", "naw"], " ", "cant",
                " ac "),
    "sw": _tens("tisini", ["", "na moja", "na mbili", "na tatu", "na nne", "na tano", "na sita", "na saba",
                           "na nane", "na tisa"], " ", "mia moja", " "),
    "ms": _tens("sembilan puluh", ["", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "lapan",
                                   "sembilan"], " ", "seratus", " "),
    "sr": _tens("деведесет", ["", "један", "два", "три", "четири", "пет", "шест", "седам", "осам", "девет"], " ",
                "сто", " "),
    "mk": _tens("деведесет", ["", "и еден", "и два", "и три", "и четири", "и пет", "и шест", "и седум", "и осум",
                              "и девет"], " ", "сто", " "),
    "sl": lambda n: (["devetdeset", "enaindevetdeset", "dvaindevetdeset", "triindevetdeset",
                      "štiriindevetdeset", "petindevetdeset", "šestindevetdeset", "sedemindevetdeset",
                      "osemindevetdeset", "devetindevetdeset"][n - 90]) if n < 100 else
    ("sto" + ["", " ena", " dva", " tri", " štiri"][n - 100]),
    "ku": _tens("nod", ["", "û yek", "û du", "û sê", "û çar", "û pênc", "û şeş", "û heft", "û heşt", "û neh"], " ",
                "sed", " "),
    "el": _tens("ενενήντα", ["", "ένα", "δύο", "τρία", "τέσσερα", "πέντε", "έξι", "επτά", "οκτώ", "εννέα"], " ",
                "εκατό", " "),
    "zh": lambda n: ("九十" + ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"][n - 90]) if n < 100 else
    ("一百" + ["", "零一", "零二", "零三", "零四"][n - 100]),
    "fa": _tens("نود", ["", "و یک", "و دو", "و سه", "و چهار", "و پنج", "و شش", "و هفت", "و هشت", "و نه"], " ",
                "صد", " "),
    "ur": lambda n: (["نوے", "اکانوے", "بانوے", "ترانوے", "چورانوے", "پچانوے", "چھیانوے", "ستانوے", "اٹھانوے",
                      "ننانوے"][n - 90]) if n < 100 else ("ایک سو" + ["", " ایک", " دو", " تین", " چار"][n - 100]),
    "am": _tens("ዘጠና", ["", "አንድ", "ሁለት", "ሦስት", "አራት", "አምስት", "ስድስት", "ሰባት", "ስምንት", "ዘጠኝ"], " ", "መቶ",
                " "),
    "hy": lambda n: ("իննսուն" + ["", "մեկ", "երկու", "երեք", "չորս", "հինգ", "վեց", "յոթ", "ութ", "ինը"][n - 90])
    if n < 100 else ("հարյուր" + ["", " մեկ", " երկու", " երեք", " չորս"][n - 100]),
    "en": age_words,
}

PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"


def persian_digits(s):
    return "".join(PERSIAN_DIGITS[int(c)] if c.isdigit() else c for c in str(s))


# ---- month names as dates write them (genitive where the language declines them) ---------------------------
MONTH_NAMES = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
           "noviembre", "diciembre"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre"],
    "af": ["Januarie", "Februarie", "Maart", "April", "Mei", "Junie", "Julie", "Augustus", "September", "Oktober",
           "November", "Desember"],
    "sq": ["janar", "shkurt", "mars", "prill", "maj", "qershor", "korrik", "gusht", "shtator", "tetor", "nëntor",
           "dhjetor"],
    "cy": ["Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst", "Medi", "Hydref",
           "Tachwedd", "Rhagfyr"],
    "sw": ["Januari", "Februari", "Machi", "Aprili", "Mei", "Juni", "Julai", "Agosti", "Septemba", "Oktoba",
           "Novemba", "Desemba"],
    "ms": ["Januari", "Februari", "Mac", "April", "Mei", "Jun", "Julai", "Ogos", "September", "Oktober", "November",
           "Disember"],
    "sr": ["јануар", "фебруар", "март", "април", "мај", "јун", "јул", "август", "септембар", "октобар", "новембар",
           "децембар"],
    "mk": ["јануари", "февруари", "март", "април", "мај", "јуни", "јули", "август", "септември", "октомври",
           "ноември", "декември"],
    "sl": ["januarja", "februarja", "marca", "aprila", "maja", "junija", "julija", "avgusta", "septembra",
           "oktobra", "novembra", "decembra"],
    "ku": ["Çile", "Sibat", "Adar", "Nîsan", "Gulan", "Hezîran", "Tîrmeh", "Tebax", "Îlon", "Cotmeh", "Mijdar",
           "Kanûn"],
    "el": ["Ιανουαρίου", "Φεβρουαρίου", "Μαρτίου", "Απριλίου", "Μαΐου", "Ιουνίου", "Ιουλίου", "Αυγούστου",
           "Σεπτεμβρίου", "Οκτωβρίου", "Νοεμβρίου", "Δεκεμβρίου"],
    "sr_gen": ["јануара", "фебруара", "марта", "априла", "маја", "јуна", "јула", "августа", "септембра", "октобра",
               "новембра", "децембра"],
    "zh": [f"{m}月" for m in range(1, 13)],
    "fa": ["ژانویه", "فوریه", "مارس", "آوریل", "مه", "ژوئن", "ژوئیه", "اوت", "سپتامبر", "اکتبر", "نوامبر", "دسامبر"],
    "ur": ["جنوری", "فروری", "مارچ", "اپریل", "مئی", "جون", "جولائی", "اگست", "ستمبر", "اکتوبر", "نومبر", "دسمبر"],
    "am": ["ጃንዋሪ", "ፌብሩዋሪ", "ማርች", "ኤፕሪል", "ሜይ", "ጁን", "ጁላይ", "ኦገስት", "ሴፕቴምበር", "ኦክቶበር", "ኖቬምበር",
           "ዲሴምበር"],
    "hy": ["հունվարի", "փետրվարի", "մարտի", "ապրիլի", "մայիսի", "հունիսի", "հուլիսի", "օգոստոսի", "սեպտեմբերի",
           "հոկտեմբերի", "նոյեմբերի", "դեկտեմբերի"],
}


def _d(n):
    return "".join(random.choice("0123456789") for _ in range(n))


# ---- locales ------------------------------------------------------------------------------------------------
# name fields: F/M given names, family names; "latin" maps a native-script word to its transliteration (used in
# the alphabetic PN group); "ideo" marks locales whose names run together in text (Chinese).
LOCALES = {
    "es-CL": dict(
        lang="es", charset="ISO_IR 100", country="Chile",
        F=["Javiera", "Constanza", "Francisca", "Valentina", "Catalina", "Antonia"],
        M=["Bastián", "Matías", "Benjamín", "Cristóbal", "Vicente", "Joaquín"],
        family=["Caroca Urrutia", "Pizarro Lagos", "Huenchullán Rivas", "Astudillo Vergara", "Quilodrán Soto",
                "Manríquez Ulloa", "Cifuentes Aravena", "Saavedra Painemal"],
        particles=["de", "del", "la", "y"],
        staff_titles=["Dr.", "Dra.", "TM", "EU"], rel=["su hija", "su nieto", "su sobrina", "su cuidadora"],
        streets=["Pasaje Los Aromos", "Avenida Grecia", "Calle Lautaro", "Villa Los Copihues, pasaje Quillay"],
        street_fmt="{street} {num}, depto. {apt}, {city}", cities=["Talcahuano", "Curicó", "Linares", "Ovalle"],
        postcode=lambda: _d(7), phone=lambda: f"+56 9 {_d(4)} {_d(4)}",
        nid=("RUT", lambda: f"{random.randint(5, 24)}.{_d(3)}.{_d(3)}-{random.choice('0123456789K')}"),
        hp=("FONASA tramo B, folio", lambda: _d(9)), domain="correo.cl"),
    "es-AR": dict(
        lang="es", charset="ISO_IR 100", country="Argentina",
        F=["Milagros", "Florencia", "Agustina", "Micaela", "Rocío", "Luján"],
        M=["Facundo", "Thiago", "Gonzalo", "Nahuel", "Santino", "Lautaro"],
        family=["Bustamante Giorgi", "Iturraspe", "Quiroga Bianchi", "Zabaleta", "Etcheverry Lombardi",
                "Pagliaro", "Villafañe", "Scarpetta Ocampo"],
        particles=["de", "del", "la", "y"],
        staff_titles=["Dr.", "Dra.", "Lic.", "Téc."], rel=["su hijo", "su nuera", "su yerno", "su vecina"],
        streets=["Av. Pellegrini", "Calle Tucumán", "Pje. Florentino Ameghino", "Bv. Oroño"],
        street_fmt="{street} {num}, piso {apt}, {city}", cities=["Rosario", "Rafaela", "Bahía Blanca", "Tandil"],
        postcode=lambda: f"S{_d(4)}{random.choice('ABCDEFG')}{random.choice('HJKLMN')}{random.choice('PQRST')}",
        phone=lambda: f"+54 9 341 {_d(3)}-{_d(4)}",
        nid=("DNI", lambda: f"{random.randint(4, 39)}.{_d(3)}.{_d(3)}"),
        hp=("OSDE credencial", lambda: f"6{_d(3)} {_d(4)} {_d(2)}"), domain="fibertel.com.ar"),
    "es-CO": dict(
        lang="es", charset="ISO_IR 100", country="Colombia",
        F=["Yuliana", "Marleny", "Leidy", "Dayana", "Luz Dary", "Yesenia"],
        M=["Jhon Fredy", "Yeison", "Wilmar", "Edwin", "Arley", "Duván"],
        family=["Londoño Arboleda", "Zuluaga Cardona", "Mosquera Palacios", "Ospina Giraldo", "Betancur Henao",
                "Rengifo Valencia", "Tabares Quintero", "Galvis Restrepo"],
        particles=["de", "del", "la", "y"],
        staff_titles=["Dr.", "Dra.", "Enf.", "Tecnóloga"], rel=["su hija", "su compañero", "su madrina", "su hermano"],
        streets=["Carrera 43A", "Calle 10 Sur", "Diagonal 75B", "Transversal 39"],
        street_fmt="{street} # {num}-{apt}, barrio Laureles, {city}", cities=["Envigado", "Itagüí", "Rionegro",
                                                                             "Sabaneta"],
        postcode=lambda: "05" + _d(4), phone=lambda: f"+57 3{_d(2)} {_d(3)} {_d(4)}",
        nid=("CC", lambda: f"{random.randint(10, 99)}.{_d(3)}.{_d(3)}"),
        hp=("EPS Sura afiliación", lambda: _d(10)), domain="une.net.co"),
    "fr-CA": dict(
        lang="fr", charset="ISO_IR 100", country="Canada",
        F=["Geneviève", "Marie-Ève", "Josée", "Mélanie", "Chantal", "Gisèle"],
        M=["Réjean", "Ghislain", "Jean-Sébastien", "Benoît", "Sylvain", "Gaétan"],
        family=["Tremblay-Bouchard", "Gagnon", "Lachapelle", "Thériault", "Desrosiers", "Bergeron-Lévesque",
                "Ouellette", "Charbonneau"],
        particles=["de", "du", "la", "le", "des"],
        staff_titles=["Dr", "Dre", "inf.", "t.i.m."], rel=["sa fille", "son conjoint", "sa belle-sœur", "son fils"],
        streets=["rue Saint-Vallier Est", "boulevard Talbot", "chemin Sainte-Foy", "avenue Belvédère"],
        street_fmt="{num}, {street}, app. {apt}, {city}", cities=["Chicoutimi", "Lévis", "Rimouski", "Shawinigan"],
        postcode=lambda: f"G{random.randint(1, 9)}{random.choice('ABCEGHJK')} {random.randint(1, 9)}"
                         f"{random.choice('LMNPRS')}{random.randint(1, 9)}",
        phone=lambda: f"418 {_d(3)}-{_d(4)}",
        nid=("RAMQ", lambda: f"{random.choice(['TREM', 'GAGN', 'LACH', 'OUEL'])} {_d(4)} {_d(4)}"),
        hp=("Croix Bleue certificat", lambda: f"QC{_d(8)}"), domain="videotron.ca"),
    "af-ZA": dict(
        lang="af", charset="ISO_IR 100", country="Suid-Afrika",
        F=["Anneke", "Marietjie", "Elsabé", "Riana", "Sonja", "Lientjie"],
        M=["Gerhardus", "Pieter-Jan", "Hendrik", "Johannes", "Wynand", "Stefanus"],
        family=["Oosthuizen", "van Wyk", "Grobbelaar", "du Plessis", "Swanepoel", "Coetzee", "Engelbrecht",
                "Steenkamp"],
        particles=["van", "du", "de", "der", "le", "la"],
        staff_titles=["Dr.", "dr.", "Suster", "Radiograaf"], rel=["haar dogter", "sy seun", "haar suster",
                                                                  "die skoonseun"],
        streets=["Kerkstraat", "Voortrekkerweg", "Jacarandalaan", "Bloekomsingel"],
        street_fmt="{street} {num}, {city}", cities=["Potchefstroom", "Worcester", "Kroonstad", "Oudtshoorn"],
        postcode=lambda: _d(4), phone=lambda: f"082 {_d(3)} {_d(4)}",
        nid=("ID-nr.", lambda: f"{random.randint(20, 34)}{_d(4)} {_d(4)} 08{_d(1)}"),
        hp=("Medihelp lidnr.", lambda: _d(9)), domain="mweb.co.za"),
    "sq-AL": dict(
        lang="sq", charset="ISO_IR 100", country="Shqipëri",
        F=["Drita", "Lindita", "Mirela", "Anila", "Valbona", "Blerina"],
        M=["Arben", "Gëzim", "Ilir", "Fatmir", "Bujar", "Ardit"],
        family=["Hoxha", "Çela", "Mërkuri", "Shehu", "Dervishi", "Gjoka", "Xhafa", "Kuçi"],
        particles=[], staff_titles=["Dr.", "Mjeku", "Infermierja", "Tekn."], rel=["e bija", "i biri", "nusja e djalit",
                                                                             "motra"],
        streets=["Rruga Myslym Shyri", "Rruga e Kavajës", "Bulevardi Zhan D'Ark", "Rruga Sami Frashëri"],
        street_fmt="{street}, pallati {num}, shk. {apt}, {city}", cities=["Elbasan", "Korçë", "Berat", "Lushnjë"],
        postcode=lambda: _d(4), phone=lambda: f"+355 69 {_d(3)} {_d(4)}",
        nid=("NID", lambda: f"{random.choice('IJK')}{_d(8)}{random.choice('ABLPW')}"),
        hp=("FSDKSH karta", lambda: _d(10)), domain="abcom.al"),
    "cy-GB": dict(
        lang="cy", charset="ISO_IR 192", country="Cymru",
        F=["Nia", "Ffion", "Eirlys", "Gwenllïan", "Siwan", "Heledd"],
        M=["Iolo", "Gwilym", "Dafydd", "Emyr", "Rhodri", "Aneurin"],
        family=["Pritchard", "Llewellyn", "ap Rhys", "Bowen-Howells", "Prydderch", "Gruffydd", "Vaughan", "Eynon"],
        particles=["ap", "ab", "ferch"],
        staff_titles=["Dr", "Nyrs", "Radiograffydd", "Meddyg"], rel=["ei merch", "ei fab", "ei ŵyr", "ei gymydog"],
        streets=["Heol y Wawr", "Stryd Fawr", "Lôn Ŵyn", "Ffordd Penrhos"],
        street_fmt="{num} {street}, {city}", cities=["Llanbedr Pont Steffan", "Tregaron", "Aberteifi", "Pwllheli"],
        postcode=lambda: f"SA{random.randint(30, 48)} {random.randint(1, 9)}{random.choice('ABDEFGHJLNPQRSTUWXYZ')}"
                         f"{random.choice('ABDEFGHJLNPQRSTUWXYZ')}",
        phone=lambda: f"01570 {_d(6)}", nid=("Rhif GIG", lambda: f"{_d(3)} {_d(3)} {_d(4)}"),
        hp=("Yswiriant Simplyhealth", lambda: f"SH{_d(7)}"), domain="btinternet.com"),
    "sw-TZ": dict(
        lang="sw", charset=None, country="Tanzania",
        F=["Neema", "Rehema", "Zawadi", "Mwanaisha", "Upendo", "Tumaini"],
        M=["Baraka", "Juma", "Shabani", "Emmanuel", "Hamisi", "Mussa"],
        family=["Mwakyusa", "Kilembe", "Massawe", "Mrisho", "Lyimo", "Kimaro", "Nyamwela", "Mtenga"],
        particles=["bin", "binti"], staff_titles=["Dkt.", "Dr.", "Muuguzi", "Mtaalamu"],
        rel=["binti yake", "mwanawe", "mjukuu wake", "mke wake"],
        streets=["Mtaa wa Lumumba", "Barabara ya Nyerere", "Mtaa wa Mkwepu", "Barabara ya Uhuru"],
        street_fmt="{street}, nyumba Na. {num}, Kitalu {apt}, {city}", cities=["Moshi", "Morogoro", "Tanga",
                                                                              "Iringa"],
        postcode=lambda: _d(5), phone=lambda: f"+255 7{_d(2)} {_d(3)} {_d(3)}",
        nid=("NIDA", lambda: f"19{_d(6)}-{_d(5)}-{_d(5)}-{_d(2)}"),
        hp=("NHIF kadi", lambda: _d(12)), domain="gmail.com"),
    "ms-MY": dict(
        lang="ms", charset=None, country="Malaysia",
        F=["Nurul Ain", "Siti Khadijah", "Farhana", "Aisyah", "Zarina", "Haslinda"],
        M=["Mohd Faizal", "Azlan", "Khairul Anuar", "Shahrizal", "Ridzuan", "Hafiz"],
        family=["bin Ismail", "binti Kamaruddin", "bin Rosli", "binti Zakaria", "bin Othman", "binti Hashim",
                "bin Jaafar", "binti Yusof"],
        particles=["bin", "binti", "bte", "b."], staff_titles=["Dr.", "Jururawat", "Pegawai", "Juru X-ray"],
        rel=["anak perempuannya", "suaminya", "menantunya", "cucunya"],
        streets=["Jalan Tun Razak", "Lorong Seri Kenanga 3", "Jalan Bukit Bintang", "Taman Desa Aman, Jalan DA 7"],
        street_fmt="No. {num}, {street}, {city}", cities=["Seremban", "Kuantan", "Ipoh", "Batu Pahat"],
        postcode=lambda: _d(5), phone=lambda: f"012-{_d(3)} {_d(4)}",
        nid=("No. MyKad", lambda: f"{random.randint(30, 39)}{_d(4)}-{_d(2)}-{_d(4)}"),
        hp=("Takaful kad", lambda: f"TK{_d(8)}"), domain="yahoo.com.my"),
    "en-NZ": dict(
        lang="en", charset="ISO_IR 192", country="New Zealand",
        F=["Mereana", "Aroha", "Hinewai", "Kiri", "Pania", "Ngaire"],
        M=["Tamati", "Wiremu", "Rāwiri", "Hēmi", "Tāne", "Manaia"],
        family=["Te Whare", "Ngāti-Parata", "Hōhepa", "Waititi", "Rangihuna", "Tūhoe-Moana", "Paewai", "Kerehoma"],
        particles=["te", "o"], staff_titles=["Dr", "RN", "MRT", "Sister"], rel=["her whāngai son", "her moko",
                                                                             "his partner", "her daughter"],
        streets=["Tawa Crescent", "Kōwhai Road", "Pōhutukawa Drive", "Rimu Street"],
        street_fmt="{num} {street}, {city}", cities=["Whakatāne", "Ōpōtiki", "Taupō", "Kaitāia"],
        postcode=lambda: _d(4), phone=lambda: f"021 {_d(3)} {_d(4)}",
        nid=("NHI", lambda: f"{random.choice('ZQRT')}{random.choice('ABCD')}{random.choice('EFGH')}{_d(4)}"),
        hp=("Southern Cross member", lambda: _d(8)), domain="xtra.co.nz"),
    "en-CA": dict(
        lang="en", charset=None, country="Canada",
        F=["Brittany", "Shauna", "Kaitlyn", "Darlene", "Maureen", "Tamsin"],
        M=["Dwayne", "Brent", "Garrett", "Colton", "Murray", "Lyle"],
        family=["MacAskill", "Thibodeau", "Kowalchuk", "Fehr", "Sawatzky", "Nakamura-Byrne", "Oleskiw", "Dueck"],
        particles=[], staff_titles=["Dr.", "RN", "MRT(R)", "Dr"], rel=["her son", "his wife", "her niece",
                                                                      "the stepdaughter"],
        streets=["Assiniboine Ave", "Portage Crescent", "Saskatchewan Dr", "Kildonan Rd"],
        street_fmt="{apt}-{num} {street}, {city}", cities=["Brandon", "Steinbach", "Moose Jaw", "Selkirk"],
        postcode=lambda: f"R{random.randint(1, 9)}{random.choice('ABCEGH')} {random.randint(1, 9)}"
                         f"{random.choice('JKLMN')}{random.randint(1, 9)}",
        phone=lambda: f"(204) {_d(3)}-{_d(4)}",
        nid=("PHIN", lambda: f"{_d(3)} {_d(3)} {_d(3)}"), hp=("Blue Cross ID", lambda: f"MB{_d(9)}"),
        domain="shaw.ca"),
    "en-GH": dict(
        lang="en", charset=None, country="Ghana",
        F=["Akosua", "Efua", "Abena", "Adwoa", "Esi", "Yaa"],
        M=["Kwabena", "Kofi", "Yaw", "Kwame", "Kojo", "Kwaku"],
        family=["Owusu-Ansah", "Boateng", "Asamoah", "Darko", "Nkansah", "Appiah-Kubi", "Agyeman", "Frimpong"],
        particles=[], staff_titles=["Dr.", "Nurse", "Sister", "Radiographer"], rel=["her grandson", "his brother",
                                                                                   "her daughter-in-law",
                                                                                   "the caretaker"],
        streets=["Asafo Market Road", "Ahodwo Roundabout Street", "Kaneshie-Odorkor Road", "Nhyiaeso Close"],
        street_fmt="House No. {num}, {street}, {city}", cities=["Kumasi", "Koforidua", "Cape Coast", "Sunyani"],
        postcode=lambda: f"AK-{_d(3)}-{_d(4)}", phone=lambda: f"024 {_d(3)} {_d(4)}",
        nid=("Ghana Card", lambda: f"GHA-{_d(9)}-{_d(1)}"), hp=("NHIS No.", lambda: _d(8)), domain="yahoo.com"),
    "sr-RS": dict(
        lang="sr", charset="ISO_IR 144", country="Србија",
        F=["Милица", "Јелена", "Драгана", "Снежана", "Љиљана", "Гордана"],
        M=["Душан", "Небојша", "Мирослав", "Зоран", "Ђорђе", "Радомир"],
        family=["Петровић", "Јовановић", "Ђурђевић", "Митровић", "Стојановић", "Радуловић", "Живковић",
                "Костић"],
        particles=[], staff_titles=["др", "Др", "мед. сестра", "рад. техничар"], rel=["ћерка", "син", "снаја",
                                                                                   "унука"],
        streets=["Улица Краља Петра", "Булевар ослобођења", "Улица Његошева", "Улица Бранка Радичевића"],
        street_fmt="{street} {num}, стан {apt}, {city}", cities=["Крагујевац", "Ваљево", "Чачак", "Зрењанин"],
        postcode=lambda: _d(5), phone=lambda: f"064/{_d(3)}-{_d(2)}-{_d(2)}",
        nid=("ЈМБГ", lambda: _d(13)), hp=("ЛБО", lambda: _d(11)), domain="eunet.rs"),
    "mk-MK": dict(
        lang="mk", charset="ISO_IR 144", country="Македонија",
        F=["Билјана", "Весна", "Марија", "Катерина", "Снежана", "Елена"],
        M=["Горан", "Никола", "Ѓорѓи", "Трајче", "Методија", "Зоран"],
        family=["Трајковски", "Стојановска", "Николовски", "Ристеска", "Ѓорѓиевски", "Јовановска",
                "Велјановски", "Петрушевска"],
        particles=[], staff_titles=["д-р", "Д-р", "мед. сестра", "рендген техничар"], rel=["нејзината ќерка", "синот",
                                                                                        "нејзината внука", "сопругот"],
        streets=["ул. Македонија", "бул. Партизански одреди", "ул. Маршал Тито", "ул. Гоце Делчев"],
        street_fmt="{street} бр. {num}, {city}", cities=["Битола", "Прилеп", "Охрид", "Штип"],
        postcode=lambda: _d(4), phone=lambda: f"070 {_d(3)} {_d(3)}", nid=("ЕМБГ", lambda: _d(13)),
        hp=("ФЗОМ картичка", lambda: _d(10)), domain="t-home.mk"),
    "sl-SI": dict(
        lang="sl", charset="ISO_IR 101", country="Slovenija",
        F=["Špela", "Mojca", "Urška", "Nataša", "Tjaša", "Darja"],
        M=["Matjaž", "Gašper", "Boštjan", "Uroš", "Žiga", "Primož"],
        family=["Kovačič", "Zupančič", "Potočnik", "Vidmar", "Hribernik", "Žagar", "Kralj", "Bizjak"],
        particles=[], staff_titles=["dr.", "dr. med.", "dipl. m. s.", "rad. inž."], rel=["hči", "sin", "snaha",
                                                                                      "vnukinja"],
        streets=["Trubarjeva cesta", "Ulica heroja Šaranoviča", "Prešernova ulica", "Cesta v Mestni log"],
        street_fmt="{street} {num}, {city}", cities=["Velenje", "Ptuj", "Novo mesto", "Škofja Loka"],
        postcode=lambda: _d(4), phone=lambda: f"041 {_d(3)} {_d(3)}", nid=("EMŠO", lambda: _d(13)),
        hp=("ZZZS kartica", lambda: _d(9)), domain="siol.net"),
    "ku-TR": dict(
        lang="ku", charset="ISO_IR 148", country="Tirkiye",
        F=["Berfîn", "Rojda", "Nêrgiz", "Gulistan", "Hêvî", "Zozan"],
        M=["Rênas", "Şêrko", "Azad", "Dilşad", "Berzan", "Welat"],
        family=["Aydın", "Kaya", "Yıldız", "Demir", "Özdemir", "Çelik", "Arslan", "Doğan"],
        particles=[], staff_titles=["Dr.", "Op. Dr.", "Hemşire", "Tekniker"], rel=["keça wê", "kurê wî",
                                                                                "bûka wê", "neviyê wê"],
        streets=["Kolana Gulan", "Cadeya Xanê", "Kolana Zozanan", "Cadeya Ronahî"],
        street_fmt="{street} No: {num} D: {apt}, {city}", cities=["Amed", "Sêrt", "Wan", "Mêrdîn"],
        postcode=lambda: "21" + _d(3), phone=lambda: f"0532 {_d(3)} {_d(2)} {_d(2)}",
        nid=("TC", lambda: _d(11)), hp=("SGK", lambda: _d(10)), domain="hotmail.com"),
    "el-CY": dict(
        lang="el", charset=["ISO 2022 IR 6", "ISO 2022 IR 126"], country="Κύπρος",
        F=["Ελένη", "Χρυστάλλα", "Σταυρούλα", "Παναγιώτα", "Αντρούλα", "Ευτυχία"],
        M=["Ανδρέας", "Χαράλαμπος", "Σάββας", "Κυριάκος", "Νεόφυτος", "Παντελής"],
        family=["Χατζηκωνσταντίνου", "Σολομωνίδης", "Παπαχριστοφόρου", "Ευαγγέλου", "Κυπριανού", "Λοϊζίδου",
                "Μιχαηλίδης", "Χριστοδούλου"],
        particles=[], staff_titles=["Δρ", "Δρ.", "νοσηλεύτρια", "ακτινοδιαγνώστης"], rel=["η κόρη της",
                                                                                      "ο γιος του",
                                                                                      "η νύφη της",
                                                                                      "ο εγγονός της"],
        streets=["Οδός Αρχιεπισκόπου Μακαρίου", "Λεωφόρος Γρίβα Διγενή", "Οδός Κλεάνθους", "Οδός Αγίας Φυλάξεως"],
        street_fmt="{street} {num}, διαμ. {apt}, {city}", cities=["Λεμεσός", "Λάρνακα", "Πάφος", "Παραλίμνι"],
        postcode=lambda: _d(4), phone=lambda: f"99 {_d(3)} {_d(3)}", nid=("ΑΔΤ", lambda: _d(7)),
        hp=("ΓεΣΥ", lambda: _d(10)), domain="cytanet.com.cy"),
    "zh-HK": dict(
        lang="zh", charset="GBK", country="香港", ideo=True,
        F=[("Wai Ling", "慧玲"), ("Siu Fong", "小芳"), ("Mei Kuen", "美娟"), ("Yuk Lan", "玉蘭")],
        M=[("Tai Man", "大文"), ("Kwok Wing", "國榮"), ("Chi Keung", "志強"), ("Ka Fai", "家輝")],
        family=[("Chan", "陳"), ("Leung", "梁"), ("Cheung", "張"), ("Wong", "黃"), ("Lau", "劉"), ("Ho", "何")],
        particles=[], staff_titles=["醫生", "姑娘", "Dr", "放射技師"], rel=["女兒", "兒子", "媳婦", "孫女"],
        streets=["彌敦道", "青山公路", "英皇道", "沙田正街"],
        street_fmt="{city}{street}{num}號{apt}樓", cities=["旺角", "荃灣", "北角", "沙田"],
        postcode=lambda: "", phone=lambda: f"9{_d(3)} {_d(4)}",
        nid=("香港身份證", lambda: f"{random.choice('ACDEGKPRYZ')}{_d(6)}({_d(1)})"),
        hp=("保險單號", lambda: f"AIA{_d(8)}"), domain="netvigator.com"),
    "zh-TW": dict(
        lang="zh", charset="ISO_IR 192", country="臺灣", ideo=True,
        F=[("Shu-Fen", "淑芬"), ("Ya-Ting", "雅婷"), ("Mei-Hua", "美華"), ("Hsiu-Ying", "秀英")],
        M=[("Chih-Ming", "志明"), ("Chun-Hung", "俊宏"), ("Wen-Hsiung", "文雄"), ("Chien-Hua", "建華")],
        family=[("Lin", "林"), ("Tsai", "蔡"), ("Hsu", "許"), ("Cheng", "鄭"), ("Hsieh", "謝"), ("Kuo", "郭")],
        particles=[], staff_titles=["醫師", "護理師", "放射師", "Dr."], rel=["女兒", "長子", "外孫", "看護"],
        streets=["中山路二段", "民生東路三段", "成功路", "和平西路一段"],
        street_fmt="{city}{street}{num}號{apt}樓", cities=["臺南市東區", "嘉義市西區", "新竹市北區", "花蓮縣吉安鄉"],
        postcode=lambda: _d(3), phone=lambda: f"0912-{_d(3)}-{_d(3)}",
        nid=("身分證字號", lambda: f"{random.choice('ABDEFHNR')}{random.choice('12')}{_d(8)}"),
        hp=("健保卡號", lambda: "0000" + _d(8)), domain="hinet.net"),
    "fa-IR": dict(
        lang="fa", charset="ISO_IR 192", country="ایران",
        F=["مهناز", "فرشته", "پروین", "شیرین", "نسرین", "زهره"],
        M=["بهرام", "فرهاد", "کامران", "سیاوش", "مهرداد", "داریوش"],
        family=["رضایی", "کرمانی", "تهرانی‌پور", "صادقی", "نوروزی", "قاسمیان", "امیرخانی", "شاهرخی"],
        particles=[], staff_titles=["دکتر", "خانم دکتر", "پرستار", "کارشناس رادیولوژی"],
        rel=["دخترش", "پسرش", "عروسش", "نوه‌اش"],
        streets=["خیابان شریعتی", "کوچه یاس", "بلوار کشاورز", "خیابان ولیعصر"],
        street_fmt="{city}، {street}، پلاک {num}، واحد {apt}", cities=["شیراز", "تبریز", "کرمانشاه", "یزد"],
        postcode=lambda: _d(10), phone=lambda: f"0912 {_d(3)} {_d(4)}", nid=("کد ملی", lambda: _d(10)),
        hp=("بیمه تأمین اجتماعی", lambda: _d(10)), domain="yahoo.com", digits="fa"),
    "ur-PK": dict(
        lang="ur", charset="ISO_IR 192", country="پاکستان",
        F=["نسرین", "رخسانہ", "شبانہ", "عائشہ", "فرزانہ", "کوثر"],
        M=["عمران", "شاہد", "طارق", "ندیم", "عبدالرشید", "جاوید"],
        family=["چوہدری", "قریشی", "بٹ", "ملک", "اعوان", "گیلانی", "راجپوت", "شیخ"],
        particles=[], staff_titles=["ڈاکٹر", "ڈاکٹر صاحب", "نرس", "ریڈیوگرافر"],
        rel=["ان کی بیٹی", "ان کا بیٹا", "ان کی بہو", "ان کا پوتا"],
        streets=["گلی نمبر 4، محلہ اسلام پورہ", "مین بلیوارڈ گلبرگ", "ریلوے روڈ", "ستلج بلاک علامہ اقبال ٹاؤن"],
        street_fmt="مکان نمبر {num}، {street}، {city}", cities=["فیصل آباد", "گوجرانوالہ", "سیالکوٹ", "ملتان"],
        postcode=lambda: _d(5), phone=lambda: f"0300-{_d(7)}", nid=("شناختی کارڈ", lambda: f"35{_d(3)}-{_d(7)}-{_d(1)}"),
        hp=("صحت کارڈ", lambda: _d(10)), domain="gmail.com"),
    "am-ET": dict(
        lang="am", charset="ISO_IR 192", country="ኢትዮጵያ",
        F=["ትዕግስት", "መሰረት", "አልማዝ", "ፀሐይ", "ብርቱካን", "ሰላማዊት"],
        M=["ተስፋዬ", "ግርማ", "ብርሃኑ", "ዮሐንስ", "ደረጄ", "አበበ"],
        family=["ወልደማርያም", "ገብረመድህን", "ታደሰ", "ኃይሌ", "በቀለ", "አሰፋ", "ተክለሃይማኖት", "መንግሥቱ"],
        particles=[], staff_titles=["ዶ/ር", "ዶክተር", "ሲስተር", "ራዲዮግራፈር"], rel=["ልጇ", "ልጁ", "የልጅ ልጇ", "ባለቤቱ"],
        streets=["ቦሌ መንገድ", "ቸርችል ጎዳና", "አፍሪካ ጎዳና", "ሲኤምሲ መንገድ"],
        street_fmt="{city}፣ {street}፣ ቤት ቁጥር {num}", cities=["ባህር ዳር", "ጎንደር", "ሐዋሳ", "ደብረ ብርሃን"],
        postcode=lambda: _d(4), phone=lambda: f"+251 91 {_d(3)} {_d(4)}", nid=("ፋይዳ", lambda: f"{_d(4)} {_d(4)} {_d(4)}"),
        hp=("የጤና መድን", lambda: _d(9)), domain="ethionet.et"),
    "hy-AM": dict(
        lang="hy", charset="ISO_IR 192", country="Հայաստան",
        F=["Անահիտ", "Գայանե", "Սիրանուշ", "Լուսինե", "Հասմիկ", "Նարինե"],
        M=["Արտաշես", "Վարդան", "Գագիկ", "Տիգրան", "Հրանտ", "Սուրեն"],
        family=["Պետրոսյան", "Հովհաննիսյան", "Սարգսյան", "Մկրտչյան", "Ղազարյան", "Աբրահամյան", "Գրիգորյան",
                "Վարդանյան"],
        particles=[], staff_titles=["բժ.", "դոկտոր", "բուժքույր", "ռենտգենաբան"], rel=["դուստրը", "որդին",
                                                                                      "հարսը", "թոռը"],
        streets=["Աբովյան փողոց", "Մաշտոցի պողոտա", "Կոմիտասի պողոտա", "Տիգրան Մեծի փողոց"],
        street_fmt="{city}, {street} {num}, բն. {apt}", cities=["Գյումրի", "Վանաձոր", "Աբովյան", "Էջմիածին"],
        postcode=lambda: _d(4), phone=lambda: f"+374 91 {_d(2)}-{_d(2)}-{_d(2)}", nid=("ՀԾՀ", lambda: _d(10)),
        hp=("ապահովագրական պայմանագիր", lambda: f"ԱՊ{_d(7)}"), domain="mail.am"),
}

# people at work: e-mail and URL pieces
PORTALS = ["mychart", "paciente", "portail", "wellbeing", "sehat", "bolnica", "patients"]
DEVICE_VENDORS = ["Topcon", "Nidek", "Huvitz", "Tomey", "Reichert", "Rodenstock", "Potec", "Schwind",
                  "Mortara", "Philips", "GE Healthcare", "Biosense Webster", "Abbott", "Elekta", "Varian",
                  "Brainlab", "Materialise", "Stratasys", "Hermes Medical", "Siemens Healthineers", "Canon",
                  "Mirada", "MIM Software", "Hologic", "Riverain"]

# words of a street name that identify no street (not leak forms): types, connectors, compass points
STREET_GENERIC = {
    "calle", "avenida", "av.", "pasaje", "pje.", "bv.", "carrera", "diagonal", "transversal", "sur", "villa", "los",
    "las", "de", "del", "la", "rue", "boulevard", "chemin", "avenue", "est", "rruga", "e", "bulevardi", "heol", "y",
    "stryd", "lôn", "ffordd", "mtaa", "wa", "barabara", "ya", "jalan", "lorong", "taman", "road", "street", "drive",
    "crescent", "ave", "dr", "rd", "close", "улица", "булевар", "ул.", "бул.", "cesta", "ulica", "v", "kolana",
    "cadeya", "οδός", "λεωφόρος", "خیابان", "کوچه", "بلوار", "گلی", "نمبر", "روڈ", "መንገድ", "ጎዳና", "փողոց",
    "պողոտա", "market", "pasaje", "pasaj", "desa", "3", "7", "4", "mestni", "log", "pasaje", "street,",
    "mayor", "main", "bloku", "da", "blok", "block", "mtaa", "ulitsa", "ул", "бр.", "bulevard", "bloc",
    "маршал", "fawr", "محلہ", "مین", "بلیوارڈ", "بلاک", "ٹاؤن",
}

# the sex a relative's cue word implies (cues not listed imply none): relatives are drawn to match
REL_SEX = {
    **dict.fromkeys(["su hija", "su sobrina", "su cuidadora", "su nuera", "su vecina", "su madrina", "sa fille",
                     "sa belle-sœur", "haar dogter", "haar suster", "e bija", "nusja e djalit", "motra", "ei merch",
                     "binti yake", "mke wake", "anak perempuannya", "menantunya", "her daughter", "her niece",
                     "the stepdaughter", "her daughter-in-law", "the niece", "his wife", "ћерка", "снаја", "унука",
                     "нејзината ќерка", "нејзината внука", "hči", "snaha", "vnukinja", "keça wê", "bûka wê",
                     "η κόρη της", "η νύφη της", "女兒", "媳婦", "孫女", "دخترش", "عروسش", "ان کی بیٹی", "ان کی بہو",
                     "ልጇ", "դուստրը", "հարսը"], "F"),
    **dict.fromkeys(["su nieto", "su hijo", "su yerno", "su compañero", "su hermano", "son conjoint", "son fils",
                     "sy seun", "die skoonseun", "i biri", "ei fab", "ei ŵyr", "mwanawe", "suaminya",
                     "her whāngai son", "her son", "her grandson", "his brother", "his son", "син", "синот",
                     "сопругот", "sin", "kurê wî", "neviyê wê", "ο γιος του", "ο εγγονός της", "兒子", "長子", "外孫",
                     "پسرش", "ان کا بیٹا", "ان کا پوتا", "ልጁ", "ባለቤቱ", "որդին"], "M"),
}
