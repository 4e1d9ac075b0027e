"""Invented identities and the forms a screen prints them in. Every name, ID and institution here is made up."""
from __future__ import annotations

import datetime as dt
import unicodedata

GIVEN_F = ['Marguerite', 'Siobhán', 'Anneliese', 'Rosalind', 'Perpetua', 'Wilhelmina', 'Ottilie', 'Hyacinth',
           'Zofia', 'Margit', 'Genoveva', 'Isolde', 'Clementine', 'Dagny', 'Philippa', 'Eulalia', 'Honorata',
           'Maëlle', 'Ingeborg', 'Temperance']
GIVEN_M = ['Thaddeus', 'Oluwaseun', 'Kristóf', 'Desmond', 'Ignatius', 'Leopold', 'Casimir', 'Benedikt', 'Émile',
           'Lucian', 'Ambrose', 'Tobiah', 'Radomir', 'Ferdinand', 'Augustin', 'Cornelius', 'Evander', 'Lorcan',
           'Matthias', 'Séverin']
FAMILY = ['Okonkwo-Brandt', "O'Halloran", 'Vasquez-Lindqvist', 'Thorvaldsen', 'Delacroix-Mbeki', 'Quarrington',
          'Ferreira-Díaz', 'Hollingworth', "D'Arcangelo", 'Ostrowski', 'Pemberton-Achebe', 'Lindström',
          'Kowalczyk', 'Villanueva', 'Fairweather', 'Nakashima-Ruiz', 'Brightwater', 'Castellanos', 'Ekwueme',
          'Hardcastle', 'Tremaine', 'Wójcik', 'Saint-Aubin', 'MacGillivray', 'Oyelaran', 'Blackwood-Sato',
          'Achterberg', 'Rosenquist', 'Dufresne', 'Kettleborough', "N'Diaye", 'Haugland', 'Abernethy-Oduya',
          'Zwierzchowski', 'Penhaligon', 'Marchetti', 'Gallacher', 'Løvland', 'Ibarrondo', 'Strathearn']
STAFF_GIVEN = ['Esperanza', 'Hollis', 'Janna', 'Rufus', 'Ottoline', 'Bartholomew', 'Nkechi', 'Griselda', 'Anselm',
               'Priya', 'Wendell', 'Solveig', 'Tancredi', 'Mireille', 'Fitzgerald', 'Yevgenia']
STAFF_FAMILY = ['Talloway', 'Pendarvis', 'Kovacic', 'Wrexham', 'Abernathy', 'Lindqvist', 'Mbatha', 'Quist',
                'Farquharson', 'Iwasaki', 'Drummond-Hay', 'Sørby', 'Valcourt', 'Etheridge', 'Ruggiero', 'Cadwallader']
INSTITUTIONS = [
    # header value, screen forms (the header's own spelling first)
    ('St. Corentin Medical Center', ['St. Corentin Medical Center', 'St Corentin Med Ctr', 'ST. CORENTIN MC',
                                     'SCMC']),
    ('Harrowgate University Hospital', ['Harrowgate University Hospital', 'Harrowgate Univ Hosp',
                                        'HARROWGATE UNIV. HOSP.', 'HUH']),
    ('Bellmoor Regional Hospital', ['Bellmoor Regional Hospital', 'Bellmoor Reg. Hosp', 'BELLMOOR REGIONAL']),
    ('Quenby Valley Medical Center', ['Quenby Valley Medical Center', 'Quenby Valley Med Ctr', 'QVMC',
                                      'QUENBY VALLEY MED. CTR']),
    ('Thornwick Children\'s Hospital', ["Thornwick Children's Hospital", "Thornwick Children's Hosp",
                                        'THORNWICK CHILDRENS']),
    ('Lakemere Imaging Institute', ['Lakemere Imaging Institute', 'Lakemere Imaging Inst.', 'LAKEMERE IMAGING']),
    ('Oldcastle General Hospital', ['Oldcastle General Hospital', 'Oldcastle Gen Hosp', 'OLDCASTLE GENERAL']),
    ('Greyfriars University Medical Center', ['Greyfriars University Medical Center', 'Greyfriars Univ Med Ctr',
                                              'GREYFRIARS UMC']),
    ('Mercy Ashdown Hospital', ['Mercy Ashdown Hospital', 'Mercy Ashdown Hosp', 'MERCY ASHDOWN']),
    ('Kilnsey Cross Medical Centre', ['Kilnsey Cross Medical Centre', 'Kilnsey Cross Med Ctr', 'KCMC']),
]
MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
MONTHS_LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
               'November', 'December']


def plain(s: str) -> str:
    """Accents dropped, as many devices print names."""
    return ''.join(c for c in unicodedata.normalize('NFKD', s) if not unicodedata.combining(c)).replace('ø', 'o') \
        .replace('Ø', 'O')


class Identity:
    def __init__(self, rng, index: int):
        self.sex = 'F' if rng.random() < 0.5 else 'M'
        self.given = rng.choice(GIVEN_F if self.sex == 'F' else GIVEN_M)
        self.middle = rng.choice(GIVEN_F if self.sex == 'F' else GIVEN_M) if rng.random() < 0.5 else ''
        self.family = rng.choice(FAMILY)
        year = rng.randint(2024, 2026)
        self.study = dt.date(year, rng.randint(1, 12), rng.randint(1, 28))
        very_old = rng.random() < 0.3
        age = rng.randint(90, 101) if very_old else rng.randint(19, 86)
        self.birth = dt.date(self.study.year - age - 1, rng.randint(1, 12), rng.randint(1, 28))
        self.age = self.study.year - self.birth.year - ((self.study.month, self.study.day) <
                                                         (self.birth.month, self.birth.day))
        kind = rng.randrange(4)
        if kind == 0:
            self.pid = str(rng.randint(10_000_000, 99_999_999))
        elif kind == 1:
            self.pid = 'K' + str(rng.randint(1_000_000, 9_999_999))
        elif kind == 2:
            self.pid = f'{rng.randint(100, 999)}-{rng.randint(10, 99)}-{rng.randint(1000, 9999)}'
        else:
            self.pid = str(rng.randint(100_000, 999_999)).zfill(9)
        akind = rng.randrange(3)
        if akind == 0:
            self.accession = 'RZ' + str(rng.randint(1_000_000, 9_999_999))
        elif akind == 1:
            self.accession = str(rng.randint(1_000_000_000, 9_999_999_999))
        else:
            self.accession = f'E{self.study.year % 100}-{rng.randint(100000, 999999)}'
        self.institution, self.institution_forms = rng.choice(INSTITUTIONS)
        self.ref_given, self.ref_family = rng.choice(STAFF_GIVEN), rng.choice(STAFF_FAMILY)
        self.op_given, self.op_family = rng.choice(STAFF_GIVEN), rng.choice(STAFF_FAMILY)
        while (self.op_given, self.op_family) == (self.ref_given, self.ref_family):
            self.op_given = rng.choice(STAFF_GIVEN)
        # someone the header does not hold (a second physician printed with a cue word)
        self.other_given, self.other_family = rng.choice(STAFF_GIVEN), rng.choice(STAFF_FAMILY)
        while self.other_family in (self.ref_family, self.op_family):
            self.other_family = rng.choice(STAFF_FAMILY)
        self.phone = rng.choice([f'({rng.randint(201, 989)}) 555-{rng.randint(1000, 9999)}',
                                 f'020 7946 {rng.randint(1000, 9999)}',
                                 f'+1 {rng.randint(201, 989)} 555 {rng.randint(1000, 9999)}'])

    # header values
    def pn(self) -> str:
        return f'{self.family}^{self.given}' + (f'^{self.middle}' if self.middle else '')

    def ref_pn(self) -> str:
        return f'{self.ref_family}^{self.ref_given}^^Dr'

    def op_pn(self) -> str:
        return f'{self.op_family}^{self.op_given}'

    # screen forms
    def name_forms(self) -> list:
        g, m, f = self.given, self.middle, self.family
        mi = (m[0] + '.') if m else ''
        forms = [
            f'{f.upper()}^{g.upper()}' + (f'^{m.upper()}' if m else ''),
            f'{f.upper()}, {g.upper()}' + (f' {m[0].upper()}' if m else ''),
            f'{f}, {g}' + (f' {mi}' if m else ''),
            f'{g} {f}',
            f'{g[0]}. {f}',
            f'{f.upper()} {g[0].upper()}',
            f'{g.upper()} {mi.upper() + " " if m else ""}{f.upper()}',
            f'{f}, {g[0]}.',
            plain(f'{f.upper()}, {g.upper()}'),
            f'{f} {g}',
        ]
        return forms

    def staff_forms(self, given: str, family: str) -> list:
        return [f'Dr {given[0]}. {family}', f'{family.upper()}, {given.upper()}', f'{family} {given[0]}',
                f'Dr. {family}', f'{given} {family}', f'{family.upper()} {given[0]}']

    @staticmethod
    def date_forms(d: dt.date) -> list:
        y2 = d.year % 100
        return [
            f'{d.day:02d}/{d.month:02d}/{d.year}',
            f'{d.month:02d}/{d.day:02d}/{d.year}',
            f'{d.year}-{d.month:02d}-{d.day:02d}',
            f'{d.day:02d}.{d.month:02d}.{d.year}',
            f'{d.day:02d}-{MONTHS[d.month - 1]}-{d.year}',
            f'{MONTHS[d.month - 1]} {d.day}, {d.year}',
            f'{d.day:02d} {MONTHS[d.month - 1].upper()} {y2:02d}',
            f'{d.month:02d}/{d.day:02d}/{y2:02d}',
            f'{d.year}{d.month:02d}{d.day:02d}',
            f'{d.day:02d}.{d.month:02d}.{y2:02d}',
            f'{d.day} {MONTHS_LONG[d.month - 1]} {d.year}',
            f'{d.year}/{d.month:02d}/{d.day:02d}',
        ]

    def dicom_date(self, d: dt.date) -> str:
        return f'{d.year}{d.month:02d}{d.day:02d}'
