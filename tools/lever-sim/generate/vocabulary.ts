// Word lists for realistic records, deliberately including what breaks naive sheet writers: accents, CJK,
// emoji, quotes, commas, newlines, and text that starts with =, +, -, @ or reads as a number, date or boolean.

export const FIRST_NAMES = [
  'Priya',
  'Marcus',
  'José',
  'Zoë',
  'Ngọc Anh',
  'Søren',
  'Łukasz',
  'Aoife',
  'Chloé',
  'Mateo',
  'Amara',
  'Kwame',
  'Yuki',
  'Björn',
  'Ana',
  'Li',
  'Fatima',
  'Olusegun',
  'Émile',
  'Siobhán',
  'Dmitri',
  'Hana',
  'Rafael',
  'Inês',
  'Noa',
  'Leilani',
  'Tomás',
  'Wei',
  'Aarav',
  'Sofía',
  'Jordan',
  'Dana',
  'Sam',
  'Mei',
  'Oluwaseun',
  'Ayşe',
];

export const LAST_NAMES = [
  'Raman',
  'Oyelaran',
  'García',
  'Müller',
  'Nguyễn',
  'Østergaard',
  'Wójcik',
  "O'Brien",
  'Dubois',
  'Okafor',
  'Tanaka',
  'Andersson',
  'Silva',
  'Chen',
  'Haddad',
  'Adeyemi',
  'Lefèvre',
  'Ní Bhriain',
  'Ivanova',
  'Kim',
  'Moreno',
  'Costa',
  'Ben-David',
  'Kahananui',
  'Fernández',
  'Zhang',
  'Sharma',
  'López',
  'Kowalski',
  'Rossi',
  'Alvarez',
  'Yılmaz',
  'van der Berg',
  'Şahin',
];

/** Whole names used as-is now and then: scripts without a first/last split, emoji, and sheet-hostile text. */
export const WHOLE_NAMES = [
  '王芳',
  '李小龙',
  '田中 花子',
  '김민준',
  'Alex 🚀 Rivera',
  'Sam 🌈 Park',
  'Smith, "Doc" John',
];

export const COMPANIES = [
  'Stripe',
  'Google',
  'Shopify',
  'Mercado Libre',
  'Siemens',
  'Infosys',
  'Canva',
  'Zalando',
  'Atlassian',
  'Nubank',
  'Café Olé GmbH',
  'Acme "Widgets" Inc.',
  'Rakuten',
  'Société Générale',
];

export const SCHOOLS = [
  'Carnegie Mellon University',
  'MIT',
  'Universidade de São Paulo',
  '東京大学',
  'ETH Zürich',
  'IIT Bombay',
  'University of Lagos',
  'Trinity College Dublin',
];

export const ODD_HEADLINES = [
  '=HYPERLINK("http://x")',
  'Line one\nLine two',
  '-10x engineer',
  '+1 year at Shopify',
  '@scale veteran',
  'TRUE',
  '2024-01-05',
  '1e5',
  '00123',
  'Self-taught 🚀',
];

export const LOCATIONS = [
  'Austin, TX',
  'San Francisco, CA',
  'London, UK',
  '+44 London',
  'São Paulo',
  '東京',
  'Berlin',
  'Remote',
  'New York, NY',
  'Zürich',
  'Toronto, ON',
  'Bengaluru',
  'Lagos',
  'Kraków',
];

export const SOURCES = [
  'LinkedIn',
  'Referral',
  'Added manually',
  'Job site',
  'linkedin',
  'Agency "Top", Talent',
  'Career fair',
];

export const EXTRA_TAGS = [
  '-internal',
  'Boomerang',
  'Diversity pipeline',
  'TRUE',
  '=SUM(1,2)',
  '@priority',
  '2024-05-01',
  'Needs visa, maybe',
];

export const JOB_TITLES = [
  'Senior Backend Engineer',
  'Product Designer',
  'Account Executive',
  'Data Scientist',
  'Support Specialist',
  'Technical Recruiter',
  'Engineering Manager',
  'Staff SRE',
  'Frontend Engineer',
  'Solutions Engineer',
  'Financial Analyst',
  'People Partner',
];

export const ODD_JOB_TITLES = ['=Growth Hacker', '+Partner Manager', '-Ops Lead', '@Mention Specialist'];

export const TEAMS = ['Platform', 'Payments', 'Data', 'Design', 'Sales', 'Support', 'People', 'Finance'];

export const DEPARTMENTS = ['Engineering', 'Product', 'Go-to-market', 'G&A'];

export const COMMITMENTS = ['Full-time', 'Part-time', 'Contract', 'Intern'];

export const LEVELS = ['Junior', 'Mid', 'Senior', 'Staff', 'Principal'];

export const CUSTOM_STAGE_NAMES = [
  'Recruiter screen',
  'Phone Screen',
  'Technical interview',
  'On-site interview',
  'Reference check',
];

export const INTERNAL_NOTES = [
  'Two hires in H1, third contingent on Q3 budget',
  'Backfill for "Sam" — see thread',
  'Line one\nLine two',
  '=IMPORTRANGE("x","y")',
  '',
];

/** Lowercase ASCII for usernames and email local parts ('' when nothing Latin is left). */
export function asciiSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '.')
    .replace(/^\.+|\.+$/g, '');
}
