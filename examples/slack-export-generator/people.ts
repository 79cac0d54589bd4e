/**
 * Who appears in the demo history: our staff (team T0VERBATIM) and the customers' people in the
 * Slack Connect channels. Ids match examples/verbatim.config.yaml.
 */

export const OUR_TEAM = 'T0VERBATIM';

export interface Person {
  id: string;
  /** Slack team id of the person's own organisation. */
  team: string;
  /** Slack handle (`name` in users.json). */
  handle: string;
  realName: string;
  title: string;
  email: string;
  tz: string;
  staff: boolean;
}

export interface SharedChannel {
  /** Key used by scenes, e.g. `nordlake`. */
  key: string;
  accountId: string;
  channelId: string;
  /** Channel name, also the folder name in the export. */
  name: string;
  /** Slack team id of the customer's organisation. */
  customerTeam: string;
  language: 'en' | 'fi';
  /** The customer's time zone: their messages are written in their business hours. */
  tz: string;
  purpose: string;
  /** Unix seconds when the channel was created (before the history starts). */
  created: number;
  /** Account owner (staff user id), as in the config. */
  owner: string;
}

function staff(id: string, handle: string, realName: string, title: string, tz = 'Europe/Helsinki'): Person {
  return {
    id,
    team: OUR_TEAM,
    handle,
    realName,
    title,
    email: `${handle}@verbatim-demo.example`,
    tz,
    staff: true,
  };
}

export const STAFF: Person[] = [
  staff('U0AINO01', 'aino.virtanen', 'Aino Virtanen', 'Support Manager'),
  staff('U0JUHA02', 'juha.makinen', 'Juha Mäkinen', 'Support Specialist'),
  staff('U0LAURA03', 'laura.nieminen', 'Laura Nieminen', 'Support Specialist'),
  staff('U0MIKKO04', 'mikko.korhonen', 'Mikko Korhonen', 'Engineering Manager'),
  staff('U0SARA05', 'sara.lindqvist', 'Sara Lindqvist', 'Staff Engineer'),
  staff('U0DAVID06', 'david.chen', 'David Chen', 'Billing Lead'),
  staff('U0EMMA07', 'emma.rossi', 'Emma Rossi', 'Head of Product', 'America/New_York'),
  staff('U0RYAN08', 'ryan.oconnor', "Ryan O'Connor", 'Product Manager', 'America/New_York'),
  staff('U0HELMI09', 'helmi.laine', 'Helmi Laine', 'Customer Success Manager'),
  staff('U0TOMMI10', 'tommi.heikkinen', 'Tommi Heikkinen', 'Senior Customer Success Manager'),
  staff('U0PETRA11', 'petra.salo', 'Petra Salo', 'VP Customer Success'),
  staff('U0OLLI12', 'olli.jarvinen', 'Olli Järvinen', 'CEO'),
];

const HELSINKI = 'Europe/Helsinki';
const ACCOUNT_NAMES: Record<string, string> = {
  nordlake: 'Nordlake Logistics Oy',
  kestrel: 'Kestrel Health Ltd',
  aurora: 'Aurora Retail Group AB',
  pohjola: 'Pohjolan Energia Oy',
  harbor: 'Harbor Finance AB',
  maple: 'Maple Insurance Co.',
  saimaa: 'Saimaa Software Oy',
  brightpath: 'BrightPath Learning Inc.',
  tundra: 'Tundra Analytics Oy',
  lumen: 'Lumen Media GmbH',
  kivi: 'Kivi Rakennus Oy',
  oulu: 'Oulu Robotics Oy',
  greenleaf: 'Greenleaf Foods Ltd',
};
/** Tommi Heikkinen owns these accounts; Helmi Laine the rest. */
const TOMMI_OWNS = new Set(['nordlake', 'pohjola', 'maple', 'saimaa', 'tundra', 'kivi', 'oulu']);

export const CHANNELS: SharedChannel[] = [
  channel(
    'nordlake',
    'nordlake-logistics',
    'C1NORDLAKE',
    'ext-nordlake-logistics',
    'T1NORDLAKE',
    'en',
    HELSINKI,
  ),
  channel('kestrel', 'kestrel-health', 'C1KESTREL', 'ext-kestrel-health', 'T1KESTREL', 'en', 'Europe/London'),
  channel('aurora', 'aurora-retail', 'C1AURORA', 'ext-aurora-retail', 'T1AURORA', 'en', 'Europe/Stockholm'),
  channel('pohjola', 'pohjola-energia', 'C1POHJOLA', 'ext-pohjolan-energia', 'T1POHJOLA', 'fi', HELSINKI),
  channel('harbor', 'harbor-finance', 'C1HARBOR', 'ext-harbor-finance', 'T1HARBOR', 'en', 'Europe/Stockholm'),
  channel('maple', 'maple-insurance', 'C1MAPLE', 'ext-maple-insurance', 'T1MAPLE', 'en', 'America/New_York'),
  channel('saimaa', 'saimaa-software', 'C1SAIMAA', 'ext-saimaa-software', 'T1SAIMAA', 'fi', HELSINKI),
  channel(
    'brightpath',
    'brightpath-learning',
    'C1BRIGHTPA',
    'ext-brightpath',
    'T1BRIGHTPA',
    'en',
    'America/New_York',
  ),
  channel('tundra', 'tundra-analytics', 'C1TUNDRA', 'ext-tundra-analytics', 'T1TUNDRA', 'fi', HELSINKI),
  channel('lumen', 'lumen-media', 'C1LUMEN', 'ext-lumen-media', 'T1LUMEN', 'en', 'Europe/Berlin'),
  channel('kivi', 'kivi-rakennus', 'C1KIVI', 'ext-kivi-rakennus', 'T1KIVI', 'fi', HELSINKI),
  channel('oulu', 'oulu-robotics', 'C1OULUROB', 'ext-oulu-robotics', 'T1OULUROB', 'fi', HELSINKI),
  channel(
    'greenleaf',
    'greenleaf-foods',
    'C1GREENLF',
    'ext-greenleaf-foods',
    'T1GREENLF',
    'en',
    'Europe/London',
  ),
];

function channel(
  key: string,
  accountId: string,
  channelId: string,
  name: string,
  customerTeam: string,
  language: 'en' | 'fi',
  tz: string,
): SharedChannel {
  const owner = TOMMI_OWNS.has(key) ? 'U0TOMMI10' : 'U0HELMI09';
  const accountName = ACCOUNT_NAMES[key] ?? accountId;
  const purpose =
    language === 'fi'
      ? `Yhteinen kanava: ${accountName} × Verbatim Demo Oy`
      : `Shared channel between ${accountName} and Verbatim Demo Oy`;
  // Channels were opened during 2025–2026 (before the history starts); spread deterministically.
  const created = 1_735_700_000 + (channelId.charCodeAt(2) - 65) * 1_000_000;
  return { key, accountId, channelId, name, customerTeam, language, tz, purpose, created, owner };
}

function customer(
  key: string,
  id: string,
  handle: string,
  realName: string,
  title: string,
  domain: string,
): Person & { channel: string } {
  const ch = CHANNELS.find((c) => c.key === key);
  if (!ch) throw new Error(`unknown channel ${key}`);
  return {
    id,
    team: ch.customerTeam,
    handle,
    realName,
    title,
    email: `${handle}@${domain}`,
    tz: ch.tz,
    staff: false,
    channel: key,
  };
}

export const CUSTOMERS: Array<Person & { channel: string }> = [
  customer('nordlake', 'U1NLMARCUS', 'marcus.holm', 'Marcus Holm', 'Head of Operations', 'nordlake.example'),
  customer('nordlake', 'U1NLJENNI', 'jenni.aalto', 'Jenni Aalto', 'IT Manager', 'nordlake.example'),
  customer('nordlake', 'U1NLPETER', 'peter.strand', 'Peter Strand', 'CFO', 'nordlake.example'),
  customer(
    'kestrel',
    'U1KHOLIVIA',
    'olivia.grant',
    'Olivia Grant',
    'Chief Information Security Officer',
    'kestrel-health.example',
  ),
  customer('kestrel', 'U1KHSAM', 'sam.patel', 'Sam Patel', 'Clinical Systems Lead', 'kestrel-health.example'),
  customer(
    'aurora',
    'U1ARLISA',
    'lisa.berg',
    'Lisa Berg',
    'Director of Store Operations',
    'aurora-retail.example',
  ),
  customer('aurora', 'U1ARTOM', 'tom.ek', 'Tom Ek', 'E-commerce Developer', 'aurora-retail.example'),
  customer(
    'pohjola',
    'U1PESANNA',
    'sanna.leinonen',
    'Sanna Leinonen',
    'Talouspäällikkö',
    'pohjolanenergia.example',
  ),
  customer(
    'pohjola',
    'U1PEKARI',
    'kari.hamalainen',
    'Kari Hämäläinen',
    'IT-asiantuntija',
    'pohjolanenergia.example',
  ),
  customer('harbor', 'U1HFERIK', 'erik.lund', 'Erik Lund', 'Financial Controller', 'harborfinance.example'),
  customer(
    'harbor',
    'U1HFMAJA',
    'maja.nilsson',
    'Maja Nilsson',
    'Operations Analyst',
    'harborfinance.example',
  ),
  customer(
    'maple',
    'U1MIJEN',
    'jennifer.walsh',
    'Jennifer Walsh',
    'VP Operations',
    'maple-insurance.example',
  ),
  customer(
    'maple',
    'U1MICARLOS',
    'carlos.rivera',
    'Carlos Rivera',
    'Integration Engineer',
    'maple-insurance.example',
  ),
  customer(
    'saimaa',
    'U1SSVILLE',
    'ville.saarinen',
    'Ville Saarinen',
    'Asiakastukipäällikkö',
    'saimaa-software.example',
  ),
  customer(
    'saimaa',
    'U1SSKAISA',
    'kaisa.mattila',
    'Kaisa Mattila',
    'Tiimiesihenkilö',
    'saimaa-software.example',
  ),
  customer(
    'brightpath',
    'U1BPAMANDA',
    'amanda.brooks',
    'Amanda Brooks',
    'Director of Operations',
    'brightpath.example',
  ),
  customer('brightpath', 'U1BPKEVIN', 'kevin.liu', 'Kevin Liu', 'Platform Admin', 'brightpath.example'),
  customer('tundra', 'U1TAANTTI', 'antti.koivisto', 'Antti Koivisto', 'CTO', 'tundra-analytics.example'),
  customer(
    'tundra',
    'U1TARIIKKA',
    'riikka.lehtonen',
    'Riikka Lehtonen',
    'Analyytikko',
    'tundra-analytics.example',
  ),
  customer('lumen', 'U1LMJONAS', 'jonas.weber', 'Jonas Weber', 'Head of Digital', 'lumen-media.example'),
  customer('lumen', 'U1LMCLARA', 'clara.fischer', 'Clara Fischer', 'Managing Editor', 'lumen-media.example'),
  customer(
    'kivi',
    'U1KRPEKKA',
    'pekka.rantanen',
    'Pekka Rantanen',
    'Työmaapäällikkö',
    'kivirakennus.example',
  ),
  customer(
    'oulu',
    'U1ORELINA',
    'elina.tuominen',
    'Elina Tuominen',
    'Operatiivinen johtaja',
    'oulurobotics.example',
  ),
  customer(
    'oulu',
    'U1ORMATTI',
    'matti.kallio',
    'Matti Kallio',
    'Ohjelmistokehittäjä',
    'oulurobotics.example',
  ),
  customer(
    'greenleaf',
    'U1GFHANNAH',
    'hannah.price',
    'Hannah Price',
    'Office Manager',
    'greenleaf-foods.example',
  ),
];

export const PEOPLE: Person[] = [...STAFF, ...CUSTOMERS];

export function findPerson(id: string): Person {
  const person = PEOPLE.find((p) => p.id === id);
  if (!person) throw new Error(`unknown person ${id}`);
  return person;
}

export function findChannel(key: string): SharedChannel {
  const found = CHANNELS.find((c) => c.key === key);
  if (!found) throw new Error(`unknown channel ${key}`);
  return found;
}
