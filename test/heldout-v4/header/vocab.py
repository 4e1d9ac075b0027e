"""Vocabulary of the fourth held-out header set (issue 8): invented people, places, numbers and wording.

Everything here is invented for this set (no real person); street and town names are real-sounding forms of each
country's layout. Written without reading the kit's generators or any earlier held-out set's vocabulary.
"""

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
# month names (and the abbreviations people write) per language, for dates written in words
MONTH_NAMES = {
    "en": MONTHS,
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
           "noviembre", "diciembre"],
    "pt": ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro",
           "novembro", "dezembro"],
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december"],
    "sv": ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
           "november", "december"],
    "pl": ["stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września",
           "października", "listopada", "grudnia"],
    "cs": ["ledna", "února", "března", "dubna", "května", "června", "července", "srpna", "září", "října",
           "listopadu", "prosince"],
    "tr": ["Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos", "Eylül", "Ekim", "Kasım",
           "Aralık"],
    "hu": ["január", "február", "március", "április", "május", "június", "július", "augusztus", "szeptember",
           "október", "november", "december"],
    "ro": ["ianuarie", "februarie", "martie", "aprilie", "mai", "iunie", "iulie", "august", "septembrie",
           "octombrie", "noiembrie", "decembrie"],
    "vi": [f"tháng {i}" for i in range(1, 13)],
}

_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TENS = {9: "ninety", 10: "hundred"}


def age_words(n):
    """English words of an age of 90-109 (``ninety-three``, ``one hundred and two``)."""
    if n < 100:
        return "ninety" + ("" if n == 90 else "-" + _ONES[n - 90])
    return "one hundred" + ("" if n == 100 else " and " + _ONES[n - 100])


# Ages over 89 written in each language: (template, extra literal forms of the number in words or other digits).
# {n} is the age in ASCII digits.
OLD_AGE = {
    "en": ["{n}-yr-old", "aged {w}", "a {n} y.o. woman", "pt is {n} this year", "{n}y 2m", "{n} yrs of age",
           "{w} years old"],
    "es": ["{n} años", "paciente de {es} años", "{n} a."],
    "pt": ["{n} anos", "idosa de {n} anos", "{pt} anos"],
    "nl": ["{n} jaar", "{n}-jarige", "mevrouw is {n} jr"],
    "sv": ["{n} år", "{n}-årig", "ålder {n}"],
    "pl": ["{n} lat", "lat {n}", "{n}-letnia"],
    "cs": ["{n} let", "{n}letá", "věk {n} r."],
    "tr": ["{n} yaşında", "{n} yaş", "yaşı {n}"],
    "he": ["בת {n}", "גיל {n}"],
    "ar": ["العمر {ar} سنة", "{n} سنة"],
    "th": ["อายุ {n} ปี", "{n} ปี"],
    "zh": ["{n}岁", "年龄{n}岁"],
    "ko": ["{n}세", "만 {n}세"],
    "vi": ["{n} tuổi"],
    "hi": ["{n} वर्ष", "आयु {n} वर्ष"],
    "hu": ["{n} éves"],
    "ro": ["{n} de ani"],
    "ka": ["{n} წლის"],
    "de": ["{n} Jahre", "{n} J."],
}
ES_WORDS = {90: "noventa", 91: "noventa y un", 92: "noventa y dos", 93: "noventa y tres", 94: "noventa y cuatro",
            95: "noventa y cinco", 96: "noventa y seis", 97: "noventa y siete"}
PT_WORDS = {90: "noventa", 91: "noventa e um", 92: "noventa e dois", 93: "noventa e três", 94: "noventa e quatro",
            95: "noventa e cinco", 96: "noventa e seis", 97: "noventa e sete"}
ARABIC_INDIC = "٠١٢٣٤٥٦٧٨٩"


def arabic_digits(n):
    return "".join(ARABIC_INDIC[int(c)] for c in str(n))


# -- people --------------------------------------------------------------------------------------------------
# Each locale: the character set, patients (family, given, middle, sex), their relatives and the staff
# (family, given), and particles that are not themselves identifying. Romanised alphabetic forms are given for
# scripts written with PN component groups.
LOCALES = {
    "pl": dict(cs="ISO_IR 101", lang="pl", country="Poland",
               patients=[("Grzelak-Ożóg", "Bożena", "Halina", "F"), ("Pietrzykowski", "Zdzisław", "", "M"),
                         ("Wierzbięta", "Jadwiga", "Teodora", "F")],
               others=[("Szczepańczyk", "Mirosława"), ("Kądziołka", "Grzegorz"), ("Żmudzińska", "Renata"),
                       ("Bębenek", "Przemysław")]),
    "cs": dict(cs="ISO_IR 101", lang="cs", country="Czechia",
               patients=[("Řezníčková", "Květoslava", "", "F"), ("Vondrášek", "Bořivoj", "", "M")],
               others=[("Šťastný", "Vratislav"), ("Kubíčková", "Zdeňka"), ("Hrdlička", "Ctibor")]),
    "tr": dict(cs="ISO_IR 148", lang="tr", country="Türkiye",
               patients=[("Çağlayangil", "Gülşen", "", "F"), ("Öztürkmenoğlu", "İlkay", "Şahin", "M"),
                         ("Karabıyıkoğlu", "Nermin", "", "F")],
               others=[("Eşrefoğlu", "Tuğrul"), ("Dağdelen", "Sevgül"), ("Kıvılcımlı", "Oğuz")]),
    "he": dict(cs="ISO_IR 138", lang="he", country="Israel",
               patients=[("בן-שושן", "נעמה", "", "F", "Ben-Shoshan", "Naama"),
                         ("אלמקייס", "יחזקאל", "", "M", "Almakayes", "Yehezkel"),
                         ("טבנקין", "רבקה", "", "F", "Tabenkin", "Rivka")],
               others=[("Zilberstein", "Ohad"), ("Hadad-Levinson", "Tamar"), ("Ashkenazy", "Yoram")]),
    "ar": dict(cs="ISO_IR 127", lang="ar", country="Jordan",
               patients=[("الخصاونة", "سلمى", "", "F", "Al-Khasawneh", "Salma"),
                         ("الطراونة", "منصور", "", "M", "Al-Tarawneh", "Mansour")],
               others=[("Haddadin", "Rami"), ("Obeidat", "Lina"), ("Qudah", "Firas")]),
    "th": dict(cs="ISO_IR 166", lang="th", country="Thailand",
               patients=[("ศรีสุวรรณวงศ์", "พิมพ์ชนก", "", "F", "Srisuwanwong", "Pimchanok"),
                         ("ธนากรพิพัฒน์", "สมชาย", "", "M", "Thanakornpipat", "Somchai")],
               others=[("Wongsawat", "Kittipong"), ("Rattanaporn", "Siriwan"), ("Chaiyaphum", "Anucha")]),
    "zh": dict(cs="GB18030", lang="zh", country="China",
               patients=[("欧阳", "晓梅", "", "F", "Ouyang", "Xiaomei"), ("诸葛", "振华", "", "M", "Zhuge", "Zhenhua"),
                         ("司马", "婉清", "", "F", "Sima", "Wanqing")],
               others=[("Lü", "Guoqiang"), ("Xiahou", "Lan"), ("Duanmu", "Jie")]),
    "ko": dict(cs="\\ISO 2022 IR 149", lang="ko", country="Korea",
               patients=[("서", "민지", "", "F", "Seo", "Minji", "徐", "敏智"),
                         ("남궁", "철호", "", "M", "Namgung", "Cheolho", "南宮", "哲浩")],
               others=[("Hwangbo", "Eunbi"), ("Jegal", "Sungmin"), ("Seonwoo", "Dahye")]),
    "es": dict(cs="ISO_IR 100", lang="es", country="España",
               patients=[("de la Fuente Ibarrola", "María Inmaculada", "", "F"), ("Urquijo Salaverría", "Íñigo", "", "M"),
                         ("Cienfuegos Mallén", "Remedios", "", "F")],
               others=[("Azcárate", "Begoña"), ("Olazábal Ruiz", "Fermín"), ("Castañares", "Nuria")]),
    "mx": dict(cs="ISO_IR 100", lang="es", country="México",
               patients=[("Tlapanco Huerta", "Guadalupe", "", "F")],
               others=[("Xicoténcatl", "Andrés"), ("Zapiain", "Rocío")]),
    "pt": dict(cs="ISO_IR 100", lang="pt", country="Portugal",
               patients=[("dos Santos Guimarães", "João Pedro", "", "M"), ("Vasconcelos Teixeira", "Maria da Graça", "", "F")],
               others=[("Magalhães", "Conceição"), ("Quaresma", "Leonel"), ("Brandão", "Filipa")]),
    "br": dict(cs="ISO_IR 100", lang="pt", country="Brasil",
               patients=[("Albuquerque Nóbrega", "Raimunda", "", "F")],
               others=[("Bittencourt", "Thiago"), ("Figueiró", "Luana")]),
    "nl": dict(cs="ISO_IR 100", lang="nl", country="Nederland",
               patients=[("van der Heijden-Bosscher", "Femke", "", "F"), ("ten Brinke", "Gerrit", "Jan", "M"),
                         ("Oosterhuis", "Willemijn", "", "F")],
               others=[("de Wijkerslooth", "Maarten"), ("IJzerman", "Sanne"), ("van 't Hooft", "Joris")]),
    "sv": dict(cs="ISO_IR 100", lang="sv", country="Sverige",
               patients=[("Lindqvist Åberg", "Åsa", "", "F"), ("Hägglund", "Torbjörn", "", "M"),
                         ("Sjöström", "Ingegerd", "", "F"), ("Östlund", "Bengt-Åke", "", "M")],
               others=[("Björkegren", "Sölve"), ("Ljungqvist", "Märta"), ("Dahlbäck", "Ylva")]),
    "vi": dict(cs="ISO_IR 192", lang="vi", country="Việt Nam",
               patients=[("Nguyễn Thị", "Hường", "", "F")],
               others=[("Trịnh", "Quốc Bảo"), ("Phạm", "Thu Hằng")]),
    "hi": dict(cs="ISO_IR 192", lang="hi", country="India",
               patients=[("Raghunathan", "Kalyani", "", "F", "रघुनाथन", "कल्याणी")],
               others=[("Venkataraman", "Srinivas"), ("Chaturvedi", "Anjali")]),
    "hu": dict(cs="ISO_IR 192", lang="hu", country="Magyarország",
               patients=[("Szőke-Bánffy", "Erzsébet", "", "F")],
               others=[("Gyöngyösi", "Levente"), ("Kőszegi", "Ildikó")]),
    "ro": dict(cs="ISO_IR 192", lang="ro", country="România",
               patients=[("Ștefănescu", "Tudorița", "", "F")],
               others=[("Bălănescu", "Mircea"), ("Țurcanu", "Oana")]),
    "ka": dict(cs="ISO_IR 192", lang="ka", country="Georgia",
               patients=[("ჯაფარიძე", "ნათია", "", "F", "Japaridze", "Natia")],
               others=[("Kvaratskhelia", "Levan"), ("Tsereteli", "Nino")]),
    "ar8": dict(cs="ISO_IR 192", lang="ar", country="Jordan",
                patients=[("العبادي", "هالة", "", "F", "Al-Abbadi", "Hala")],
                others=[("Majali", "Khaled"), ("Nsour", "Reem")]),
    "jb": dict(cs="ISO_IR 192", lang="pt", country="Japan",
               patients=[("Nakamura Ferreira", "Yuki", "", "F", "ナカムラ フェヘイラ", "ユキ")],
               others=[("Higashikuni", "Ren"), ("Oyamada", "Keiko")]),
}
PARTICLES = {"de", "la", "del", "dos", "da", "van", "der", "ten", "'t", "von", "y", "e", "al", "ben", "בן"}
TITLES = {"es": ["Sra.", "Sr.", "Dra.", "Dr."], "pt": ["Sra.", "Sr.", "Dra.", "Dr."], "nl": ["mevr.", "dhr.", "dr."],
          "sv": ["fru", "herr", "dr"], "pl": ["pani", "pan", "dr"], "cs": ["paní", "pan", "MUDr."],
          "tr": ["Hanım", "Bey", "Dr."]}

# -- places and numbers, per country layout --------------------------------------------------------------------
# (text, [(form type, form)...]): the forms a leak would take.
ADDRESSES = {
    "es": [("C/ Fray Luis de Zurbarán 17, 3º izda., 28045 Madrid", [("alpha", "Zurbarán"), ("alnum", "28045")]),
           ("Avda. de Sorolla Bautista 142, bajo B, 46021 València", [("alpha", "Sorolla Bautista"), ("alnum", "46021")])],
    "mx": [("Calle Tlacotalpan 218 int. 4, Col. Roma Sur, 06760 Ciudad de México", [("alpha", "Tlacotalpan"), ("alnum", "06760")])],
    "pt": [("Rua Almirante Gago Coutinho 73, 2.º Esq., 1700-031 Lisboa", [("alpha", "Gago Coutinho"), ("alnum", "1700-031")]),
           ("Travessa do Carregal 9, 4050-159 Porto", [("alpha", "Carregal"), ("alnum", "4050-159")])],
    "br": [("R. Des. Westphalen 1180 ap 42, Rebouças, Curitiba-PR, 80230-100",
            [("alpha", "Westphalen"), ("alnum", "80230-100")])],
    "nl": [("Koningin Wilhelminalaan 14-II, 3527 LB Utrecht", [("alpha", "Wilhelminalaan"), ("alnum", "3527 LB")]),
           ("Gerbrand Bredero-erf 7, 8017 KV Zwolle", [("alpha", "Bredero-erf"), ("alnum", "8017 KV")])],
    "sv": [("Hälsingegatan 41, lgh 1102, 113 31 Stockholm", [("alpha", "Hälsingegatan"), ("alnum", "113 31")]),
           ("Tallbacksvägen 8B, 907 38 Umeå", [("alpha", "Tallbacksvägen"), ("alnum", "907 38")])],
    "pl": [("ul. Żwirki i Wigury 23/7, 02-091 Warszawa", [("alpha", "Żwirki i Wigury"), ("alnum", "02-091")]),
           ("os. Bohaterów Września 14 m. 36, 31-621 Kraków", [("alpha", "Bohaterów Września"), ("alnum", "31-621")])],
    "cs": [("Křižíkova 148/34, 186 00 Praha 8 - Karlín", [("alpha", "Křižíkova"), ("alnum", "186 00")])],
    "tr": [("Bağdat Cad. Gülbahar Sok. No: 12 D: 5, 34728 Kadıköy/İstanbul", [("alpha", "Gülbahar"), ("alnum", "34728")])],
    "he": [("רחוב הנביאים 48 דירה 3, ירושלים 9514109", [("alpha", "הנביאים"), ("alnum", "9514109")])],
    "ar": [("شارع وصفي التل 27، عمّان 11183", [("alpha", "وصفي التل"), ("alnum", "11183")])],
    "th": [("99/41 ซอยสุขุมวิท 71 แขวงพระโขนงเหนือ กรุงเทพฯ 10110", [("alpha", "พระโขนงเหนือ"), ("alnum", "10110")])],
    "zh": [("上海市徐汇区漕溪北路 595 弄 12 号 1802 室", [("alpha", "漕溪北路")])],
    "ko": [("서울특별시 마포구 월드컵북로 396, 102동 1504호", [("alpha", "월드컵북로")])],
    "jp": [("3-14-7 Higashi-Komagata, Sumida-ku, Tokyo 130-0005", [("alpha", "Higashi-Komagata"), ("alnum", "130-0005")])],
    "in": [("12B Shanti Kunj, 14th Cross, Indiranagar, Bengaluru 560038",
            [("alpha", "Shanti Kunj"), ("alnum", "560038")])],
    "hu": [("Budapest, Szondi utca 62. II/4, 1063", [("alpha", "Szondi utca"), ("alnum", "1063")])],
    "ro": [("Str. Vasile Lascăr nr. 31, bl. B2, ap. 14, sector 2, București 020492",
            [("alpha", "Vasile Lascăr"), ("alnum", "020492")])],
    "vi": [("Số 27 ngõ 114 phố Trần Duy Hưng, Cầu Giấy, Hà Nội", [("alpha", "Trần Duy Hưng")])],
    "ka": [("ვაჟა-ფშაველას გამზ. 45, ბინა 12, თბილისი 0177", [("alpha", "ვაჟა-ფშაველას"), ("alnum", "0177")])],
}
# phones: (text, digits of its tail that a leak would keep)
PHONES = {
    "es": ["+34 915 55 02 87", "612 55 84 19"], "mx": ["+52 55 5555 0147", "(55) 5555-2286"],
    "pt": ["+351 21 846 3371", "912 555 604"], "br": ["(41) 98765-4312", "+55 41 3555-0190"],
    "nl": ["06-4181 7720", "+31 (0)30 255 5917"], "sv": ["08-555 123 45", "070-555 21 98"],
    "pl": ["+48 603 118 442", "(22) 555 71 30"], "cs": ["+420 605 555 318", "777 555 904"],
    "tr": ["0532 555 41 07", "(216) 555 18 22"], "he": ["052-555-7731", "02-5556140"],
    "ar": ["+962 7 9555 1234", "06 555 4810"], "th": ["081 555 2290", "02-555-4417"],
    "zh": ["138 5555 0716", "021-5555 3382"], "ko": ["010-5555-8312", "02-555-0173"],
    "jp": ["03-5555-0182", "090-5555-7316"], "in": ["+91 98450 55213", "080 2555 0194"],
    "hu": ["+36 30 555 2841"], "ro": ["0722 555 613"], "vi": ["0912 555 418"], "ka": ["+995 599 555120"],
}
EMAILS = ["b.grzelak.ozog@poczta-domowa.pl", "femke.vdheijden@kpnmail.example.nl", "asa.lindqvist44@telia-post.se",
          "joaopedro.guimaraes@sapo-mail.pt", "rai.nobrega@uol-exemplo.com.br", "kvetoslava.r@seznam-posta.cz",
          "gulsen.caglayangil@ttmail.com.tr", "ouyang_xm1931@163-mail.cn", "minji.seo.0412@naver-mail.kr",
          "salma.khasawneh@orange-mail.jo", "kalyani.r.blr@rediffmail-ex.in", "hurong.nguyen@fpt-mail.vn",
          "natia.japaridze@caucasus-mail.ge", "erzsi.szoke@freemail-pelda.hu", "tudorita.s@yahoo-exemplu.ro"]
URLS = ["https://portaal.umcu-voorbeeld.nl/mijndossier/4471902", "http://fotos.derma-privat.es/pacientes/MIF-20931",
        "https://pacs-share.hospital-exemplo.pt/study?pid=PT778812", "www.caringbridge-example.org/visit/bozenagrzelak",
        "https://drive.kakaocloud.example.kr/s/9Qm27xLk", "https://telederm.example.se/bild/8840913"]
IPS = ["10.42.117.23", "192.168.14.201", "172.20.3.88", "10.9.250.61"]
PLATES = ["4821 KLM", "XH-274-B", "WPR 55831", "34 ABC 712", "NKT 26B", "B 9163 XYZ", "서울12가3456"]
SERIALS = ["SN 4FK2-99813-RT", "S/N PM7723104", "serial no. DXH-0021473", "REF 5076-52 SN BLK884210",
           "lot 2301A77 / SN 00441982"]
ACCOUNTS = ["konto 44 1020 5558 0000 1102 3344 1991", "NHC 2208914", "CIP 7781-2043-55", "NIE Y4471023R",
            "BSN 203344178", "personnummer 440812-4431", "PESEL 31041212345", "TC Kimlik 33102457781",
            "CPF 412.558.903-27", "Aadhaar 5508 2217 9034", "RRN 311215-2047715", "SUS 898 0015 7723 1042"]
CERTS = ["licencia 28/28/41177", "BIG 49055813201", "CRM-PR 41552", "NPWZ 2781143", "lic. no. MMC-77104",
         "cert. DEA AB4455217"]
PLANS = ["Sanitas póliza 0099-4471-21", "Zilveren Kruis 771203998", "Medis 4403-221-09", "NFZ 07R-118822",
         "SGK 4102-99813", "Unimed 0 044 771202 22-3", "Folksam 88-4210-7", "Clalit 0341882", "NHSO 1-1020-44871-22-1"]
