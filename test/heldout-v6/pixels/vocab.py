"""The sixth pixel set's words: invented people, staff, institutions, labels per screen language, month names,
phones, streets and the roles that decide which words of a PHI item are scored (see the README's "Scoring units").

Every identity is invented. Written for this set without reading the kit's vocabularies or any earlier set's.
"""

# ---- people: (given names, family names, how the culture writes a name on a screen)
# 'order': 'gf' given then family, 'fg' family first; 'mono': a single name (Indonesian mononyms)
CULTURES = {
    'sv': {'given': ['Sigrid', 'Torbjörn', 'Linnéa', 'Gösta', 'Ebba', 'Holger'],
           'family': ['Fjällström', 'Ekwall', 'Lindqvist-Årman', 'Sjöberg', 'Hedenstierna', 'Bäckman']},
    'fi': {'given': ['Aune', 'Veikko', 'Tyyne', 'Eino', 'Kerttu', 'Pentti'],
           'family': ['Räsänen', 'Kokkonen', 'Ylönen', 'Hämäläinen', 'Tuominen-Salo', 'Kärkkäinen']},
    'ro': {'given': ['Ileana', 'Dorin', 'Viorica', 'Tudor', 'Rodica', 'Costel'],
           'family': ['Constantinescu', 'Pârvulescu', 'Ionașcu', 'Dumitrache', 'Bălănescu', 'Zăvoianu']},
    'hr': {'given': ['Zdravka', 'Tihomir', 'Ljerka', 'Dragutin', 'Snježana', 'Krešimir'],
           'family': ['Vuković', 'Horvatinčić', 'Babić-Jurić', 'Kovačević', 'Žganec', 'Matijašević']},
    'ca': {'given': ['Montserrat', 'Jordi', 'Núria', 'Pere', 'Mercè', 'Oriol'],
           'family': ['Puigdollers i Serra', 'Vilaró', 'Casademunt', 'Bosch Ferrer', 'Ribalta', 'Sunyer Pla']},
    'id': {'given': ['Sukarmi', 'Wiryono', 'Ratnasari', 'Budiharjo', 'Purwaningsih', 'Sutrisno'],
           'family': [], 'mono': True},
    'lt': {'given': ['Danutė', 'Vytautas', 'Aldona', 'Kęstutis', 'Birutė', 'Algirdas'],
           'family': ['Žemaitienė', 'Bartkevičius', 'Kazlauskaitė', 'Petrauskas', 'Šimkūnienė', 'Jankūnas']},
    'hu': {'given': ['Erzsébet', 'Gyula', 'Ilona', 'Ferenc', 'Katalin', 'Zoltán'],
           'family': ['Horváth', 'Kiss-Lengyel', 'Bődi', 'Szalontai', 'Varga', 'Gergely'], 'order': 'fg'},
    'is': {'given': ['Guðrún', 'Sigurður', 'Ásdís', 'Þórður', 'Hulda', 'Einar'],
           'family': ['Ólafsdóttir', 'Hjálmarsson', 'Kristjánsdóttir', 'Bergþórsson', 'Jónsdóttir', 'Haraldsson']},
    'ka': {'given': ['Nino', 'Levan', 'Tamar', 'Giorgi', 'Maka', 'Zurab'],
           'family': ['Beridze', 'Tsiklauri', 'Kapanadze', 'Gogoladze', 'Mchedlishvili', 'Jorbenadze']},
    'hy': {'given': ['Anahit', 'Vardan', 'Siranush', 'Hovhannes', 'Lusine', 'Aram'],
           'family': ['Petrosyan', 'Ter-Grigoryan', 'Hakobyan', 'Sargsyan', 'Mkrtchyan', 'Avetisyan']},
    'fa': {'given': ['Shirin', 'Dariush', 'Parvaneh', 'Bahram', 'Mahnaz', 'Kourosh'],
           'family': ['Ghorbani', 'Mousavi-Nejad', 'Esfandiari', 'Tavakoli', 'Rahimzadeh', 'Farahani']},
    'ta': {'given': ['Kamala', 'Murugesan', 'Selvi', 'Arumugam', 'Valli', 'Palanisamy'],
           'family': ['Ramasamy', 'Sundaram', 'Thangavel', 'Kandasamy', 'Natarajan', 'Periyasamy']},
    'th': {'given': ['Somchai', 'Malee', 'Prasert', 'Wannee', 'Chaiwat', 'Ratana'],
           'family': ['Srisuwannakul', 'Thongprasert', 'Wongsawat', 'Chaiyaphum', 'Boonyarat', 'Kittikhun']},
    'mi': {'given': ['Aroha', 'Tamati', 'Hine', 'Wiremu', 'Mere', 'Rawiri'],
           'family': ['Te Whatu', 'Ngata', 'Parata', 'Tipene', 'Horomona', 'Te Rangi']},
    'yo': {'given': ['Folasade', 'Adewale', 'Omolara', 'Babatunde', 'Yetunde', 'Olumide'],
           'family': ['Adeyemi-Bankole', 'Ogunleye', 'Fashola', 'Akinwande', 'Oyelaran', 'Adebisi']},
    'he': {'given': ['Yael', 'Avraham', 'Rivka', 'Shmuel', 'Tova', 'Yitzhak'],
           'family': ['Ben-Ami', 'Rosenzweig', 'Abergel', 'Katzenelson', 'Dahan', 'Shapira']},
    'us': {'given': ['Loretta', 'Delbert', 'Wilma', 'Orville', 'Bernadine', 'Clyde'],
           'family': ['Wojciechowski', 'McCandless', 'Thibodeaux', 'Strickland', 'Van Buskirk', 'Quattlebaum']},
    'gb': {'given': ['Winifred', 'Reginald', 'Mavis', 'Cuthbert', 'Enid', 'Alistair'],
           'family': ['Featherstonehaugh', 'Pennycuick', 'Ashworth-Lyle', 'Gilchrist', 'Tremayne', 'Blenkinsop']},
}

# name particles never scored alone (they identify nobody); titles; the words of a multi-word family name are scored
PARTICLES = {'i', 'Te', 'Van', 'Ter'}
TITLES = {'Dr', 'Dr.', 'MD', 'Prof.', 'dr.', 'Dra.', 'Sr.', 'RN', 'RT', 'RT(R)', 'DDS', 'lek.'}

# ---- staff (referring, performing, operators, other people on screen), per culture like the patients
STAFF = {
    'given': ['Annika', 'Mikael', 'Oana', 'Ante', 'Laia', 'Dewi', 'Rūta', 'Bence', 'Katrín', 'Eka', 'Gohar', 'Navid',
              'Lakshmi', 'Anong', 'Manaia', 'Chidinma', 'Noa', 'Wendell', 'Philippa', 'Jarmo', 'Silviu', 'Maja'],
    'family': ['Nordenskiöld', 'Ahonen', 'Munteanu', 'Perković', 'Garriga', 'Hartono', 'Valančius', 'Fekete',
               'Gunnarsdóttir', 'Lomidze', 'Harutyunyan', 'Zand', 'Balasubramanian', 'Phromma', 'Tuhiwai',
               'Okonkwo-Eze', 'Friedlander', 'Haskins', 'Coldwell-Brand', 'Leinonen', 'Popovici', 'Šarić'],
}

# ---- institutions: full name (the header's), the screen's short forms, and the generic words (not scored)
INSTITUTIONS = [
    ('Sahlgrenska Västerholm Universitetssjukhus', ['SVU', 'Västerholm Univ.sjh', 'Sahlgrenska Västerholm']),
    ('Kymenlaakson Keskussairaala', ['KYKS', 'Kymenlaakson KS']),
    ('Spitalul Clinic Județean Mureșeni', ['SCJ Mureșeni', 'Sp. Jud. Mureșeni']),
    ('Opća bolnica Zlatar-Podgora', ['OB Zlatar-Podgora', 'OB Zlatar']),
    ('Hospital Comarcal del Lluçanès', ['H. Comarcal Lluçanès', 'HCLL']),
    ('Rumah Sakit Umum Daerah Kertasari', ['RSUD Kertasari', 'RSU Kertasari']),
    ('Respublikinė Dubysos ligoninė', ['RDL', 'Dubysos lig.']),
    ('Somogyvári Megyei Kórház', ['SMK', 'Somogyvári MK']),
    ('Heilbrigðisstofnun Breiðafjarðar', ['HBF', 'Heilbr. Breiðafj.']),
    ('Tsinandali Regional Medical Center', ['Tsinandali RMC', 'TRMC']),
    ('Ararat Valley Medical Centre', ['Ararat Valley MC', 'AVMC']),
    ('Golestan Heart Institute', ['Golestan HI', 'GHI']),
    ('Kaveri Nagar Government Hospital', ['Kaveri Nagar GH', 'KNGH']),
    ('Chaiyaphum Provincial Hospital', ['Chaiyaphum Prov. Hosp', 'CPH']),
    ('Waitaha Coast Base Hospital', ['Waitaha Coast BH', 'WCBH']),
    ('Ikorodu General Hospital', ['Ikorodu Gen Hosp', 'IGH']),
    ('Carmel Ridge Medical Center', ['Carmel Ridge MC', 'CRMC']),
    ('Saint Wendeline Infirmary', ['St. Wendeline Inf.', 'SWI']),
    ('Pennine Moor Royal Infirmary', ['Pennine Moor RI', 'PMRI']),
]
# words of an institution's name that identify no one (not scored when drawn)
GENERIC = {'Universitetssjukhus', 'Univ.sjh', 'Keskussairaala', 'KS', 'Spitalul', 'Clinic', 'Județean', 'Sp.',
           'Jud.', 'Opća', 'bolnica', 'OB', 'Hospital', 'Comarcal', 'del', 'H.', 'Rumah', 'Sakit', 'Umum', 'Daerah',
           'RSUD', 'RSU', 'Respublikinė', 'ligoninė', 'lig.', 'Megyei', 'Kórház', 'MK', 'Heilbrigðisstofnun',
           'Heilbr.', 'Regional', 'Medical', 'Center', 'RMC', 'Valley', 'Centre', 'MC', 'Heart', 'Institute', 'HI',
           'Nagar', 'Government', 'GH', 'Provincial', 'Prov.', 'Hosp', 'Coast', 'Base', 'BH', 'General', 'Gen',
           'Saint', 'St.', 'Infirmary', 'Inf.', 'Royal', 'RI', 'SCJ'}

# ---- screen languages: labels and month names
LANG = {
    'en': {'name': 'Name:', 'id': 'MRN:', 'dob': 'DOB:', 'age': 'Age:', 'sex': 'Sex:', 'date': 'Date:',
           'ref': 'Ref:', 'perf': 'Physician:', 'op': 'Tech:', 'acc': 'Acc#', 'phone': 'Tel:', 'prior': 'Prior:',
           'months': ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
           'years': 'yrs'},
    'gb': {'name': 'Patient:', 'id': 'Hosp No:', 'dob': 'D.O.B.', 'age': 'Age', 'sex': 'Sex', 'date': 'Exam',
           'ref': 'Referrer:', 'perf': 'Consultant:', 'op': 'Radiographer:', 'acc': 'Ref No', 'phone': 'Tel.',
           'prior': 'Previous:',
           'months': ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
           'years': 'y'},
    'sv': {'name': 'Namn:', 'id': 'Pnr:', 'dob': 'Född:', 'age': 'Ålder:', 'sex': 'Kön:', 'date': 'Datum:',
           'ref': 'Remittent:', 'perf': 'Läkare:', 'op': 'Usk:', 'acc': 'Rem.nr', 'phone': 'Tfn', 'prior': 'Tidigare:',
           'months': ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
           'years': 'år'},
    'fi': {'name': 'Nimi:', 'id': 'Hetu:', 'dob': 'Synt.', 'age': 'Ikä:', 'sex': 'Sp:', 'date': 'Pvm:',
           'ref': 'Lähettäjä:', 'perf': 'Lääkäri:', 'op': 'Hoitaja:', 'acc': 'Tutk.nro', 'phone': 'Puh.',
           'prior': 'Aiempi:',
           'months': ['tammi', 'helmi', 'maalis', 'huhti', 'touko', 'kesä', 'heinä', 'elo', 'syys', 'loka', 'marras',
                      'joulu'], 'years': 'v'},
    'ro': {'name': 'Nume:', 'id': 'CNP:', 'dob': 'Data naşt.:', 'age': 'Vârsta:', 'sex': 'Sex:', 'date': 'Data:',
           'ref': 'Trimis de:', 'perf': 'Medic:', 'op': 'Asistent:', 'acc': 'Nr. cerere', 'phone': 'Tel:',
           'prior': 'Anterior:',
           'months': ['ian.', 'feb.', 'mar.', 'apr.', 'mai', 'iun.', 'iul.', 'aug.', 'sept.', 'oct.', 'nov.', 'dec.'],
           'years': 'ani'},
    'hr': {'name': 'Ime i prezime:', 'id': 'MBO:', 'dob': 'Dat. rođ.:', 'age': 'Dob:', 'sex': 'Spol:',
           'date': 'Datum:', 'ref': 'Uputio:', 'perf': 'Liječnik:', 'op': 'Inž.:', 'acc': 'Br. uputnice',
           'phone': 'Tel.', 'prior': 'Prethodni:',
           'months': ['sij.', 'velj.', 'ožu.', 'tra.', 'svi.', 'lip.', 'srp.', 'kol.', 'ruj.', 'lis.', 'stu.', 'pro.'],
           'years': 'g.'},
    'ca': {'name': 'Pacient:', 'id': 'NHC:', 'dob': 'Data naix.:', 'age': 'Edat:', 'sex': 'Sexe:', 'date': 'Data:',
           'ref': 'Sol·licitant:', 'perf': 'Metge:', 'op': 'TER:', 'acc': 'Núm. petició', 'phone': 'Tel.',
           'prior': 'Previ:',
           'months': ['gen.', 'febr.', 'març', 'abr.', 'maig', 'juny', 'jul.', 'ag.', 'set.', 'oct.', 'nov.', 'des.'],
           'years': 'anys'},
    'id': {'name': 'Nama:', 'id': 'No. RM:', 'dob': 'Tgl Lahir:', 'age': 'Umur:', 'sex': 'JK:', 'date': 'Tanggal:',
           'ref': 'Pengirim:', 'perf': 'Dokter:', 'op': 'Radiografer:', 'acc': 'No. Reg', 'phone': 'Telp.',
           'prior': 'Sebelumnya:',
           'months': ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September',
                      'Oktober', 'November', 'Desember'], 'years': 'th'},
    'lt': {'name': 'Pacientas:', 'id': 'Asm. k.:', 'dob': 'Gim. data:', 'age': 'Amžius:', 'sex': 'Lytis:',
           'date': 'Data:', 'ref': 'Siuntė:', 'perf': 'Gydytojas:', 'op': 'Rad. technologas:', 'acc': 'Tyr. Nr.',
           'phone': 'Tel.', 'prior': 'Ankstesnis:',
           'months': ['saus.', 'vas.', 'kov.', 'bal.', 'geg.', 'birž.', 'liep.', 'rugp.', 'rugs.', 'spal.', 'lapkr.',
                      'gruod.'], 'years': 'm.'},
    'hu': {'name': 'Név:', 'id': 'TAJ:', 'dob': 'Szül.:', 'age': 'Kor:', 'sex': 'Nem:', 'date': 'Dátum:',
           'ref': 'Beutaló orvos:', 'perf': 'Orvos:', 'op': 'Asszisztens:', 'acc': 'Vizsg. sz.', 'phone': 'Tel.:',
           'prior': 'Előző:',
           'months': ['jan.', 'febr.', 'márc.', 'ápr.', 'máj.', 'jún.', 'júl.', 'aug.', 'szept.', 'okt.', 'nov.',
                      'dec.'], 'years': 'év'},
    'is': {'name': 'Nafn:', 'id': 'Kt.:', 'dob': 'Fæð.:', 'age': 'Aldur:', 'sex': 'Kyn:', 'date': 'Dags.:',
           'ref': 'Tilvísun:', 'perf': 'Læknir:', 'op': 'Geislafr.:', 'acc': 'Beiðni nr.', 'phone': 'Sími',
           'prior': 'Fyrri rannsókn:',
           'months': ['jan.', 'feb.', 'mar.', 'apr.', 'maí', 'jún.', 'júl.', 'ágú.', 'sep.', 'okt.', 'nóv.', 'des.'],
           'years': 'ára'},
}

# screen language of each culture (others use English)
SCREEN_LANG = {'sv': 'sv', 'fi': 'fi', 'ro': 'ro', 'hr': 'hr', 'ca': 'ca', 'id': 'id', 'lt': 'lt', 'hu': 'hu',
               'is': 'is', 'gb': 'gb', 'mi': 'gb'}

# ---- phones (not in the header): layouts per language; '#' is a digit, the first word may be a country code
PHONES = {
    'en': ['(###) ###-####', '###-###-####', '+1 ### ### ####'], 'gb': ['0#### ######', '+44 ## #### ####'],
    'sv': ['+46 8 ### ## ##', '0##-### ## ##'], 'fi': ['0## ### ####', '+358 40 ### ####'],
    'ro': ['+40 7## ### ###', '02## ### ###'], 'hr': ['01 #### ###', '+385 9# ### ####'],
    'ca': ['93 ### ## ##', '+34 6## ## ## ##'], 'id': ['08##-####-####', '(021) ###-####'],
    'lt': ['+370 6## #####', '8 5 ### ####'], 'hu': ['+36 1 ### ####', '06 30 ### ####'],
    'is': ['+354 ### ####', '5## ####'],
}
COUNTRY_CODES = {'+1', '+44', '+46', '+358', '+40', '+385', '+34', '+370', '+36', '+354'}

# ---- streets and towns (invented) for addresses the header does not hold; street-type words are not scored
ADDRESSES = {
    'en': ['{n} Quillfeather Rd, Marlow Springs', '{n} Brackenridge Ave, Ottersville'],
    'gb': ['{n} Hollinthorpe Lane, Wexcombe', '{n} Gorsey Bank, Ambleside Fold'],
    'sv': ['Kvarnbäcksvägen {n}, 722 14 Västerholm', 'Ljungbyhedsgatan {n}, 583 31 Norrfjärden'],
    'fi': ['Kuusiniementie {n}, 48100 Kymenlahti', 'Haapakatu {n} B 7, 45130 Korialinna'],
    'ro': ['Str. Zorelelor nr. {n}, Mureșeni', 'Bd. Trandafirilor {n}, Vălenii de Sus'],
    'hr': ['Ulica Ivana Šestana {n}, 49250 Zlatar', 'Kumrovečka {n}, 49243 Podgora Zl.'],
    'ca': ['C/ de les Oliveres {n}, 08519 Santa Eugènia del Lluçanès', 'Pl. del Pou {n}, 08512 Sobremunt'],
    'id': ['Jl. Cempaka Wangi No. {n}, Kertasari', 'Gg. Melati {n} RT 03/RW 05, Sukamulya'],
    'lt': ['Ąžuolyno g. {n}, Kelmiškė', 'Dubysos g. {n}-4, Lyduvėnai'],
    'hu': ['Pipacs utca {n}., 7400 Somogyvár', 'Rózsahegyi út {n}, 8630 Balatonkövesd'],
    'is': ['Hraunbrún {n}, 340 Stykkishólmur', 'Fjarðargata {n}, 355 Ólafsvík'],
}
STREET_WORDS = {'Rd,', 'Ave,', 'Lane,', 'Str.', 'nr.', 'Bd.', 'Ulica', 'C/', 'de', 'les', 'Pl.', 'del', 'Jl.',
                'No.', 'Gg.', 'RT', 'RW', 'g.', 'utca', 'út', 'B'}

# ---- other people's role words (a second person the header does not hold)
ROLE_WORDS = {
    'en': ['Nurse:', 'Scrub:', 'Anesthesia:', 'Fellow:', 'cc:'], 'gb': ['Scrub nurse:', 'Registrar:', 'cc:'],
    'sv': ['Ssk:', 'Narkos:', 'Kopia:'], 'fi': ['Sairaanhoitaja:', 'Anestesia:'], 'ro': ['Asist. șef:', 'ATI:'],
    'hr': ['Med. sestra:', 'Anest.:'], 'ca': ['Infermera:', 'Anestèsia:'], 'id': ['Perawat:', 'Anestesi:'],
    'lt': ['Slaugytoja:', 'Anest.:'], 'hu': ['Ápoló:', 'Aneszt.:'], 'is': ['Hjúkr.:', 'Svæfing:'],
}

# e-mail domains (invented)
MAIL_DOMAINS = ['kyks-mail.fi', 'ob-zlatar.hr', 'svu-region.se', 'rsud-kertasari.id', 'carmelridge.org']
