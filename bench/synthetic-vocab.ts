// Vocabulary of the synthetic corpus (bench/synthetic.ts). All people and outlets are fictional;
// places are real so topic queries ("ukraine", "kyiv") behave as on real news.

export interface TopicVocab {
  name: string;
  /** Words a reader would search for; each article of the topic uses several. */
  terms: string[];
  places: string[];
  /** Roles of people quoted on this topic ("Deputy Foreign Minister"). */
  roles: string[];
  /** Organisations that speak as a body ("the ministry said"). */
  orgs: string[];
  /** Noun phrases the body sentences talk about. */
  things: string[];
  /** Verb phrases: "{actor} {action} {thing}". */
  actions: string[];
  /** Sentences a person might say; quoted whole or in part. */
  sayings: string[];
}

export const TOPICS: TopicVocab[] = [
  {
    name: 'world',
    terms: ['Ukraine', 'Ukrainian', 'Kyiv', 'ceasefire', 'sanctions', 'diplomats', 'summit', 'border', 'refugees', 'negotiations'],
    places: ['Kyiv', 'Kharkiv', 'Odesa', 'Lviv', 'Dnipro', 'Brussels', 'Warsaw', 'Geneva', 'Vienna', 'Ankara', 'Chisinau'],
    roles: ['Foreign Minister', 'Deputy Foreign Minister', 'Defence Minister', 'envoy', 'ambassador', 'presidential adviser', 'regional governor', 'mayor'],
    orgs: ['the foreign ministry', 'the defence ministry', 'the presidential office', 'the regional administration', 'the alliance', 'the mission'],
    things: ['the grain corridor', 'the prisoner exchange', 'the ceasefire talks', 'air defence deliveries', 'the energy grid', 'reconstruction funding', 'the sanctions package', 'the humanitarian convoy', 'the border crossings', 'the peace framework'],
    actions: ['agreed to extend', 'called for an urgent review of', 'rejected the latest draft of', 'signed a memorandum on', 'warned of delays to', 'pledged new support for', 'opened talks on', 'postponed a vote on'],
    sayings: [
      'We will not trade our sovereignty for a pause in the shelling',
      'Every delay is paid for by civilians in the east',
      'The door to negotiations is open, but it is not a revolving door',
      'Our partners understand that winter is the real deadline',
      'This is a step, not a solution',
      'We expect guarantees that are written down, not promised over dinner',
      'The grid held last night because engineers worked through it',
    ],
  },
  {
    name: 'economy',
    terms: ['inflation', 'interest rates', 'central bank', 'budget', 'unemployment', 'exports', 'bond yields', 'recession', 'wages', 'tariffs'],
    places: ['Frankfurt', 'London', 'Warsaw', 'Prague', 'Milan', 'Rotterdam', 'Madrid', 'Stockholm'],
    roles: ['Finance Minister', 'central bank governor', 'chief economist', 'treasury secretary', 'union leader', 'chief executive'],
    orgs: ['the central bank', 'the finance ministry', 'the statistics office', 'the employers federation', 'the port authority'],
    things: ['the benchmark rate', 'the spending plan', 'the fuel subsidy', 'the pension reform', 'the trade surplus', 'mortgage costs', 'the wage agreement', 'the export forecast'],
    actions: ['raised its forecast for', 'cut', 'left unchanged', 'announced a review of', 'revised down', 'defended', 'froze', 'proposed changes to'],
    sayings: [
      'Inflation is falling, but it is not yet beaten',
      'Households feel prices, not percentages',
      'We are not in a hurry to cut rates',
      'The budget adds up only if growth returns next year',
      'Our members cannot wait another quarter for a decision',
      'Exporters have absorbed as much as they can',
    ],
  },
  {
    name: 'climate',
    terms: ['climate', 'emissions', 'drought', 'flooding', 'heatwave', 'renewable', 'carbon', 'wildfire', 'glacier', 'solar'],
    places: ['Valencia', 'the Po valley', 'Rotterdam', 'Lisbon', 'Athens', 'the Danube delta', 'Kherson', 'Bergen'],
    roles: ['Environment Minister', 'climate scientist', 'hydrologist', 'energy minister', 'mayor', 'farmers union president'],
    orgs: ['the weather service', 'the environment agency', 'the grid operator', 'the water authority', 'the climate council'],
    things: ['the emissions target', 'river levels', 'the offshore wind tender', 'the coal phase-out', 'irrigation quotas', 'the flood barrier', 'carbon prices', 'the heat action plan'],
    actions: ['issued a warning about', 'brought forward', 'delayed', 'published new data on', 'approved funding for', 'criticised', 'tightened', 'expanded'],
    sayings: [
      'The river has never been this low in November',
      'We are adapting to a climate we no longer recognise',
      'Every tenth of a degree matters to the people who live here',
      'The wind farms are ready; the cables are not',
      'Farmers are being asked to plan for a summer that no longer ends',
    ],
  },
  {
    name: 'tech',
    terms: ['artificial intelligence', 'semiconductor', 'startup', 'cybersecurity', 'data centre', 'software', 'regulation', 'chips', 'privacy', 'cloud'],
    places: ['Dublin', 'Eindhoven', 'Tallinn', 'Berlin', 'Helsinki', 'Kraków', 'Lyon'],
    roles: ['chief technology officer', 'digital minister', 'security researcher', 'founder', 'data protection commissioner', 'analyst'],
    orgs: ['the regulator', 'the company', 'the data protection authority', 'the cyber agency', 'the chipmaker'],
    things: ['the data centre expansion', 'the model licensing rules', 'the ransomware attack', 'the chip plant', 'the privacy complaint', 'the outage', 'the funding round', 'the encryption bill'],
    actions: ['disclosed details of', 'paused', 'opened an investigation into', 'raised funding for', 'fixed', 'won approval for', 'scaled back', 'announced'],
    sayings: [
      'Nobody should have to trade their privacy for a bus ticket',
      'The attack was sophisticated but not unprecedented',
      'We built the plant for the next decade, not the next quarter',
      'Regulation that arrives late is regulation that arrives irrelevant',
      'Our engineers had the systems back within nine hours',
    ],
  },
  {
    name: 'sport',
    terms: ['championship', 'match', 'coach', 'season', 'final', 'striker', 'league', 'tournament', 'goal', 'transfer'],
    places: ['Porto', 'Glasgow', 'Seville', 'Turin', 'Zagreb', 'Lviv', 'Bilbao', 'Ghent'],
    roles: ['head coach', 'captain', 'club president', 'goalkeeper', 'sporting director', 'referee'],
    orgs: ['the club', 'the federation', 'the league', 'the disciplinary panel'],
    things: ['the title race', 'the semi-final', 'the transfer window', 'the stadium redevelopment', 'the suspension', 'the youth academy', 'the injury list'],
    actions: ['confirmed', 'appealed against', 'celebrated', 'overturned', 'extended', 'ruled out', 'criticised'],
    sayings: [
      'We played for ninety minutes and they played for ninety-five',
      'The dressing room believes, and that is enough for now',
      'I will not talk about the referee, I will talk about my players',
      'This club has waited twenty years for a night like this',
      'Nobody remembers how you play in November',
    ],
  },
  {
    name: 'health',
    terms: ['hospital', 'vaccine', 'patients', 'doctors', 'nurses', 'outbreak', 'waiting lists', 'pharmacy', 'influenza', 'mental health'],
    places: ['Leeds', 'Gdańsk', 'Porto', 'Kyiv', 'Lyon', 'Bratislava', 'Cork'],
    roles: ['Health Minister', 'chief medical officer', 'epidemiologist', 'hospital director', 'nurses union leader', 'paediatrician'],
    orgs: ['the health ministry', 'the hospital trust', 'the public health institute', 'the medicines agency'],
    things: ['the vaccination campaign', 'emergency waiting times', 'the staffing plan', 'the flu season', 'the drug shortage', 'the new maternity ward', 'mental health services'],
    actions: ['expanded', 'warned about', 'published figures on', 'launched', 'rationed', 'reopened', 'funded'],
    sayings: [
      'Our nurses are doing two jobs and being paid for one',
      'The flu season has started three weeks early',
      'We can build wards, but we cannot build staff overnight',
      'Every parent should know the vaccine is free and safe',
      'Waiting lists are a measure of patience we no longer have',
    ],
  },
  {
    name: 'science',
    terms: ['researchers', 'study', 'telescope', 'genome', 'fossil', 'laboratory', 'experiment', 'satellite', 'physics', 'discovery'],
    places: ['Geneva', 'Cambridge', 'Heidelberg', 'Uppsala', 'Trieste', 'Leiden', 'the Atacama desert'],
    roles: ['astrophysicist', 'lead author', 'professor of genetics', 'palaeontologist', 'mission scientist', 'research director'],
    orgs: ['the space agency', 'the research council', 'the university', 'the observatory', 'the academy of sciences'],
    things: ['the satellite launch', 'the fossil record', 'the particle collider upgrade', 'the genome survey', 'the deep-sea expedition', 'the telescope array', 'the research budget'],
    actions: ['published results on', 'delayed', 'secured funding for', 'confirmed', 'challenged earlier findings on', 'completed'],
    sayings: [
      'Nature has a way of humbling our models',
      'We looked for one signal and found three',
      'This fossil fills a gap of roughly ten million years',
      'Replication is the unglamorous heart of science',
      'The data are public, and we want others to check them',
    ],
  },
];

/** Given names with the pronoun the generated text uses for them. */
export const FIRST_NAMES: [string, 'she' | 'he'][] = [
  ['Olena', 'she'], ['Marek', 'he'], ['Ilse', 'she'], ['Tomas', 'he'], ['Ines', 'she'], ['Bohdan', 'he'],
  ['Clara', 'she'], ['Matteo', 'he'], ['Saoirse', 'she'], ['Anders', 'he'], ['Yulia', 'she'], ['Pieter', 'he'],
  ['Amara', 'she'], ['Luka', 'he'], ['Halina', 'she'], ['Rafael', 'he'], ['Nadia', 'she'], ['Jonas', 'he'],
  ['Leontine', 'she'], ['Oksana', 'she'], ['Dmytro', 'he'], ['Greta', 'she'], ['Emeric', 'he'], ['Zofia', 'she'],
  ['Teodor', 'he'], ['Marisol', 'she'], ['Kalle', 'he'], ['Svitlana', 'she'], ['Aurelio', 'he'], ['Maeve', 'she'],
];

export const SURNAMES = [
  'Varga', 'Brandt', 'Kovalenko', 'Lindqvist', 'Moreau', 'Petrenko', 'Halloran', 'Novak', 'Ferreira', 'Draganov',
  'Sorensen', 'Marchetti', 'Tkachuk', 'Oyelaran', 'Vasquez', 'Holm', 'Kowalczyk', 'Aubert', 'Savchenko', 'Whitcombe',
  'Ravensdale', 'Quintero', 'Baranova', 'Eklund', 'Castellan', 'Hryhorenko', 'Voss', 'Ardelean', 'Pellegrini', 'Mulcahy',
];

export const OUTLETS = [
  'The Harbour Courier', 'Northgate Ledger', 'Valewick Daily', 'The Meridian Post', 'Eastbrook Herald',
  'The Lantern Review', 'Carrow Bay Times', 'The Fenwick Observer', 'Stonemere Gazette', 'The Alder Street Journal',
  'Riverholt Chronicle', 'The Tidewater Signal',
];

export const CUE_VERBS = ['said', 'told reporters', 'added', 'warned', 'insisted', 'acknowledged', 'told the Courier', 'said in a statement'];

/** Sentences that could appear in any story; keep articles from being pure topic jargon. */
export const FILLER = [
  'Officials did not give a timetable for the next steps.',
  'The announcement came after weeks of speculation.',
  'Opposition politicians said they would study the details before commenting.',
  'The figures are expected to be revised next month.',
  'Critics argued that the measures did not go far enough.',
  'Residents interviewed on Tuesday were divided.',
  'A fuller report is due to be published before the end of the year.',
  'Observers noted that a similar plan had stalled two years ago.',
  'The decision was welcomed by some and questioned by others.',
  'Local media reported that the meeting lasted more than four hours.',
];
