"""Invented identities, institutions and the technical wording of the fourth held-out burned-in text set.

Every person, institution, street, phone and e-mail here is made up for this set. Names: `given`, `family` as a
DICOM Person Name would hold them (family first), `order` 'gf' (given family) or 'fg' (family first on a screen too,
as Korean, Chinese and Vietnamese names are written), `particles`: standalone words of the family name that identify
nobody alone (van, der, de, bin, Abu, ...; they are not scored on their own).
"""

PEOPLE = [
    # Spanish double surnames
    dict(given='María Inmaculada', family='Quesada Villalobos', order='gf'),
    dict(given='Jorge Luis', family='Peñaranda de la Fuente', order='gf', particles=['de', 'la']),
    dict(given='Ainhoa', family='Etxeberria Olabarrieta', order='gf'),
    # Portuguese
    dict(given='João Baptista', family='Magalhães Teixeira dos Anjos', order='gf', particles=['dos']),
    dict(given='Leonor', family='Brandão Quintela', order='gf'),
    # Dutch particles
    dict(given='Willemijn', family='van der Heijden-Bakker', order='gf', particles=['van', 'der']),
    dict(given='Pieter-Jan', family='ten Brinke', order='gf', particles=['ten']),
    dict(given='Femke', family="van 't Hoenderdaal", order='gf', particles=['van', "'t"]),
    # Polish
    dict(given='Grzegorz', family='Wierzbicki-Żurawski', order='gf'),
    dict(given='Małgorzata', family='Szczepańska', order='gf'),
    # Turkish
    dict(given='Şükrü Cengiz', family='Karaosmanoğlu', order='gf'),
    dict(given='Gülizar', family='Yıldırımtürk', order='gf'),
    # Vietnamese (family first)
    dict(given='Thị Bích Ngọc', family='Nguyễn', order='fg'),
    dict(given='Văn Khải', family='Trương', order='fg'),
    # Korean romanised (family first)
    dict(given='Seung-hyun', family='Baek', order='fg'),
    dict(given='Ji-yeon', family='Hwangbo', order='fg'),
    # Chinese romanised (compound family names, family first)
    dict(given='Wenjie', family='Situ', order='fg'),
    dict(given='Mingxuan', family='Ouyang', order='fg'),
    # Indian
    dict(given='Venkataraghavan', family='Subramaniam Iyer', order='gf'),
    dict(given='Priyanka', family='Raghunathan-Kulkarni', order='gf'),
    dict(given='Harjeet Kaur', family='Dhaliwal', order='gf'),
    # Nigerian
    dict(given='Oluwaseun', family='Adebayo-Okonkwo', order='gf'),
    dict(given='Chukwuemeka Ifeanyi', family='Nwachukwu', order='gf'),
    dict(given='Aisha Funmilayo', family='Balogun', order='gf'),
    # Arabic with bin / Abu / Al-
    dict(given='Khalid', family='bin Rashid Al-Mansouri', order='gf', particles=['bin']),
    dict(given='Yousef', family='Abu Shanab', order='gf', particles=['Abu']),
    dict(given='Noura', family='Al-Qahtani', order='gf'),
    # apostrophes and hyphens elsewhere
    dict(given="Siobhán", family="O'Callaghan-Drury", order='gf'),
    dict(given='Jean-Baptiste', family="D'Aubigné", order='gf'),
    dict(given='Kealoha', family='Kahananui', order='gf'),
    dict(given='Tereza', family='Dvořáková', order='gf'),
    dict(given='Björn-Erik', family='Lindqvist', order='gf'),
    dict(given='Mpho', family='Dlamini-Sithole', order='gf'),
    dict(given='Raúl Ignacio', family='Cárdenas Bustamante', order='gf'),
    dict(given='Anneliese', family='Oberhuber', order='gf'),
    dict(given='Tavita', family='Fa\'asalele', order='gf'),
    dict(given='Dragana', family='Milošević', order='gf'),
    dict(given='Hamid Reza', family='Zarghami', order='gf'),
    dict(given='Eilidh', family='MacGillivray', order='gf'),
    dict(given='Thandiwe', family='Mokoena', order='gf'),
]

# staff: referring, performing, operators, and second names shown after a role word (not in the header)
STAFF = [
    dict(given='Imelda', family='Quispe Huamán', order='gf'),
    dict(given='Tomasz', family='Kowalczyk-Bień', order='gf'),
    dict(given='Rukmini', family='Venkatesan', order='gf'),
    dict(given='Adaeze', family='Okafor-Eze', order='gf'),
    dict(given='Farid', family='Abu Zaid', order='gf', particles=['Abu']),
    dict(given='Hyun-woo', family='Pak', order='fg'),
    dict(given='Ana Luísa', family='Prates', order='gf'),
    dict(given='Maarten', family='de Vries-Oosting', order='gf', particles=['de']),
    dict(given='Emre', family='Çakıroğlu', order='gf'),
    dict(given='Linh', family='Đặng', order='fg'),
    dict(given='Wiremu', family='Tawhiri', order='gf'),
    dict(given='Bartholomew', family='Ashgrove', order='gf'),
    dict(given='Ingrid', family='Solheim-Vik', order='gf'),
    dict(given='Kwabena', family='Asante-Mensah', order='gf'),
    dict(given='Rosalind', family='Pemberton-Hale', order='gf'),
    dict(given='Dmitri', family='Vasilenko', order='gf'),
    dict(given='Yolanda', family='Echeverría Soto', order='gf'),
    dict(given='Sunil', family='Bhattacharjee', order='gf'),
    dict(given='Keiko', family='Matsudaira', order='fg'),
    dict(given='Olufemi', family='Oyelaran', order='gf'),
    dict(given='Margarida', family='Serôdio', order='gf'),
    dict(given='Lars', family='Oudekerk', order='gf'),
    dict(given='Zainab', family='bint Hamad', order='gf', particles=['bint']),
    dict(given='Cormac', family='Ó Floinn', order='gf'),
]

# institutions: full name (the header), shortened forms a screen prints; words of a form that identify nobody are
# the generic words below (scored: the others, acronyms holding a distinctive initial included)
INSTITUTIONS = [
    dict(full='Hospital Universitario Santa Leocadia', short=['H.U. Sta. Leocadia', 'HU Santa Leocadia', 'Sta Leocadia']),
    dict(full='Centro Hospitalar do Vale do Sousa', short=['CH Vale do Sousa', 'C.H. Vale Sousa', 'CHVS']),
    dict(full='Rijnoever Medisch Centrum', short=['Rijnoever MC', 'RMC Rijnoever', 'Rijnoever Med. Ctr']),
    dict(full='Szpital Wojewódzki im. Brzozowskiego', short=['Szp. Woj. Brzozowskiego', 'SW Brzozowskiego']),
    dict(full='Karadeniz Eğitim ve Araştırma Hastanesi', short=['Karadeniz EAH', 'Karadeniz Egt. Arst. Hst.']),
    dict(full='Bệnh viện Đa khoa Tân Phước', short=['BV DK Tan Phuoc', 'BVDK Tân Phước']),
    dict(full='Hanbit University Hospital', short=['Hanbit Univ Hosp', 'Hanbit UH', 'HANBIT U.H.']),
    dict(full="Lakeshore Women's and Children's Centre", short=["Lakeshore W&C", "Lakeshore Women's", 'LWCC']),
    dict(full='Sri Venkatadri Multispeciality Institute', short=['Sri Venkatadri MSI', 'Venkatadri Inst.']),
    dict(full='Federal Medical Centre Ikorodu', short=['FMC Ikorodu', 'Fed Med Ctr Ikorodu']),
    dict(full='Al-Nakheel Specialist Hospital', short=['Al-Nakheel Spec Hosp', 'Al-Nakheel SH']),
    dict(full='Marrowbrook Heart and Vascular Institute', short=['Marrowbrook HVI', 'Marrowbrook Heart']),
    dict(full='Greyfield Dental Clinic', short=['Greyfield Dental', 'GREYFIELD DC']),
    dict(full='Tidewater Bone Health Center', short=['Tidewater BHC', 'Tidewater Bone Hlth']),
    dict(full='Northgate Eye Institute', short=['Northgate Eye Inst.', 'NEI Northgate']),
    dict(full='Kwazulu Coastal Regional Hospital', short=['Coastal Reg. Hosp.', 'KZ Coastal RH']),
    dict(full='Hospital Privado Monte Alvorada', short=['H. Monte Alvorada', 'Monte Alvorada']),
    dict(full='Klinikum Oberwiesental', short=['Klinikum Oberwiesental', 'Kl. Oberwiesental']),
]

GENERIC = {
    # institution words that name no place or person
    'hospital', 'hosp', 'hosp.', 'h.', 'hu', 'h.u.', 'universitario', 'university', 'univ', 'uh', 'u.h.', 'centro',
    'hospitalar', 'ch', 'c.h.', 'do', 'da', 'dos', 'de', 'medisch', 'centrum', 'mc', 'med.', 'med', 'ctr', 'szpital',
    'szp.', 'wojewódzki', 'woj.', 'sw', 'im.', 'eğitim', 'egt.', 've', 'araştırma', 'arst.', 'hastanesi', 'hst.',
    'eah', 'bệnh', 'viện', 'đa', 'khoa', 'bv', 'dk', 'bvdk', "women's", 'and', "children's", 'centre', 'w&c',
    'multispeciality', 'institute', 'inst.', 'msi', 'federal', 'medical', 'fed', 'fmc', 'specialist', 'spec', 'sh',
    'heart', 'vascular', 'hvi', 'dental', 'clinic', 'dc', 'bone', 'health', 'hlth', 'center', 'bhc', 'eye', 'nei',
    'regional', 'reg.', 'rh', 'privado', 'klinikum', 'kl.', 'sri', 'sta', 'sta.', 'santa', 'the', 'of',
    # name particles alone, titles and degrees
    'van', 'der', 'den', 'ten', "'t", 'la', 'bin', 'bint', 'abu', 'al', 'dr', 'dr.', 'md', 'mbbs', 'prof.', 'mrs',
    'mrs.', 'mr', 'mr.', 'ms', 'ms.', 'sr.', 'sra.', 'bay', 'bayan', 'pani', 'pan', 'dhr.', 'mevr.',
}

# ID shapes (letters L, digits D kept; other characters literal)
ID_SHAPES = ['HC-DDDD-DDDD', 'DDDDDDDDD', 'LDDDDDDD', 'UH/DD/DDDDDD', 'P-DD-DDDDD', 'DDDDDDDDDDD', 'DDD-DDD-DDD',
             'LLDDDDDD', 'DDDDDD', 'DDDDDDD/DD', 'MR-DDDDDDD', 'DDDDD-L']
ACC_SHAPES = ['DDDDLDDDDDD', 'RX-DDDDDDD', 'LLDDDDDDDD', 'DDDDDDDD', 'A-DDDD-DDDDD', 'LDDDDDDDDLL', 'DDDDDDDDDDDD']
ID_LABELS = ['MRN', 'Pt ID', 'ID:', 'NHC:', 'Nº Processo', 'Hasta No:', 'UHID', 'Hosp No.', 'Reg#', 'Patient-ID',
             'PID', 'Chart', 'Prontuário', 'Nr pacjenta:', 'Dossier', '']
ACC_LABELS = ['Acc:', 'ACC#', 'Accn', 'Order#', 'Req. No.', 'Auftrag', 'Exam No.', 'Acc.No', 'Study#', 'ORD', '']
DOB_LABELS = ['DOB', 'DOB:', 'D.O.B.', 'Born', 'F.Nac.:', 'Data nasc.', 'Geb.', 'Doğum T.:', 'Birth', 'Ur.', 'BD', '']
AGE_UNITS = ['Y', 'y', ' yrs', ' y', ' años', ' lat', ' jaar', ' yaş', ' yo', 'yr']
NAME_LABELS = ['Name:', 'Patient:', 'Pt:', 'Nombre:', 'Nome:', 'Naam', 'Hasta:', 'Pac.:', 'PATIENT', '']
REF_LABELS = ['Ref:', 'Ref. Phys:', 'Referred by', 'Solicitante:', 'Médico req.:', 'Verwijzer:', 'Ref Dr', 'Sevk eden:']
PERF_LABELS = ['Perf:', 'Reporting:', 'Read by', 'Examiner:', 'Physician', 'Operador resp.:', 'Cardiologist:']
OPER_LABELS = ['Op:', 'Sono:', 'Tech', 'RT:', 'Operator', 'Sonographer:', 'Rad. tech.:', 'Tecnico:', 'Laborant:']
ROLE_WORDS = ['Anaesth:', 'Chaperone:', 'Fellow', 'Scrub nurse:', 'On call -', 'Supervisor:', 'Interpreter:',
              'Dictated:', 'Nurse', 'Resident:']

MONTHS = {
    'en': ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
           'November', 'December'],
    'es': ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre',
           'noviembre', 'diciembre'],
    'pt': ['janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro',
           'novembro', 'dezembro'],
    'nl': ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober',
           'november', 'december'],
    'pl': ['stycznia', 'lutego', 'marca', 'kwietnia', 'maja', 'czerwca', 'lipca', 'sierpnia', 'września',
           'października', 'listopada', 'grudnia'],
    'tr': ['Ocak', 'Şubat', 'Mart', 'Nisan', 'Mayıs', 'Haziran', 'Temmuz', 'Ağustos', 'Eylül', 'Ekim', 'Kasım',
           'Aralık'],
    'it': ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre',
           'novembre', 'dicembre'],
}

PHONES = ['+34 958 44 71 20', '(+351) 912 447 830', '06-2417 8835', '0532 418 22 91', '+82 2-3410-7719',
          '080 2647 1183', '+234 803 555 0142', '(04) 2281 9065', 'Tel 0421/77 36 19', '+48 601 733 208',
          '555-0187 ext 4471', '+966 11 482 7730']
EMAILS = ['q.villalobos@correo-sanitario.es', 'r.adebayo@mailbox-ng.net', 'wbakker71@ziggo-post.nl',
          'hwangbo.jy@hanmail-kr.org', 'priya.rk@inbox-in.com', 'kmansouri@almail-sa.net', 'ttruong@vnmail.vn',
          'leonor.bq@sapo-mail.pt']
STREETS = [('Rua das Gaivotas 118, 3º Esq.', '4460-312 Matosinhos'),
           ('Calle Almendro 27, 4ºB', '18012 Granada'),
           ('Kerkstraat 14-bis', '7411 GT Deventer'),
           ('ul. Lipowa 7/12', '35-021 Rzeszów'),
           ('221 Ashgrove Lane, Apt 5C', 'Kettering, OH 45440'),
           ('Plot 14, Adeola Odeku Crescent', 'Ikorodu, Lagos'),
           ('Atatürk Cad. No: 41 D:6', '61030 Trabzon'),
           ('12/4 Kamaraj Salai, 2nd Cross', 'Mylapore, Chennai 600004')]

STATES = {'OH'}

# technical wording, in each screen's own style (harmless: must survive)
OB_TABLE = [('BPD', 'mm'), ('HC', 'mm'), ('AC', 'mm'), ('FL', 'mm'), ('HL', 'mm'), ('OFD', 'mm'), ('CRL', 'mm')]
PROBES = ['C1-6-D', 'RAB4-8L', 'C5-2v', 'L12-5 50mm', 'S4-1c', 'PA230e', 'VF13-5', 'ic9-RS', 'X5-1c', 'SP5-1N']
VENDORS = ['ECHOSPHERE 9', 'SonoVista E8', 'Aurion S3000', 'Vivid-T6', 'Luminor Pro']
