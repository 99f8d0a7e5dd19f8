// Word lists for names, titles, roles and organisations. Lowercase, without trailing dots.
import FIRST_NAMES from './model/first-names.json' with { type: 'json' };

/** Honorifics: stripped from names, never a role on their own. Value = implied gender. */
export const HONORIFICS: Record<string, 'm' | 'f' | null> = {
  mr: 'm', mrs: 'f', ms: 'f', miss: 'f', mx: null, sir: 'm', dame: 'f', lord: 'm', lady: 'f', dr: null,
  madam: 'f', mme: 'f', mlle: 'f', herr: 'm', frau: 'f', monsieur: 'm', senor: 'm', senora: 'f',
};

/**
 * `w in HONORIFICS` as a Set lookup (the `in` operator is slow on a miss, and nearly every word is
 * one). It mirrors `in` exactly, inherited Object.prototype names such as "constructor" included,
 * so which runs count as names does not change.
 */
export const HONORIFIC_WORDS: ReadonlySet<string> = new Set([...Object.keys(HONORIFICS), ...Object.getOwnPropertyNames(Object.prototype)]);

/** Capitalised words that make the words before them (and themselves) a role in "Kestrian President Luc Marin". */
export const TITLES = new Set([
  'president', 'vice', 'prime', 'minister', 'secretary', 'senator', 'sen', 'sens', 'rep', 'reps', 'representative',
  'gov', 'governor', 'mayor', 'chancellor', 'chairman', 'chairwoman', 'chair', 'chairperson', 'speaker', 'leader',
  'director', 'chief', 'judge', 'justice', 'attorney', 'general', 'gen', 'commissioner', 'ambassador', 'king',
  'queen', 'prince', 'princess', 'pope', 'sheriff', 'professor', 'prof', 'rev', 'reverend', 'father', 'pastor',
  'rabbi', 'imam', 'sheikh', 'captain', 'capt', 'lt', 'col', 'sgt', 'officer', 'detective', 'inspector',
  'spokesman', 'spokeswoman', 'spokesperson', 'ceo', 'councillor', 'councilman', 'councilwoman', 'del',
  'delegate', 'assemblyman', 'assemblywoman', 'coach', 'commander', 'admiral', 'adm', 'superintendent', 'deputy',
  'premier', 'emir', 'sultan', 'president-elect', 'executive', 'founder', 'candidate', 'nominee', 'whip',
  'congressman', 'congresswoman', 'lawmaker', 'mp', 'mep', 'cardinal', 'bishop', 'archbishop', 'marshal',
  'major', 'maj', 'colonel', 'lieutenant', 'sergeant', 'corporal', 'private', 'trustee', 'treasurer', 'clerk',
  'comptroller', 'auditor', 'economist', 'analyst', 'anchor', 'host', 'correspondent', 'editor', 'columnist',
  'adviser', 'advisor', 'aide', 'strategist', 'pollster', 'manager', 'owner', 'head', 'dean', 'provost',
  'chancellor', 'counsel', 'lawyer', 'envoy', 'diplomat', 'official', 'prosecutor', 'solicitor', 'magistrate',
  'centre-back', 'center-back', 'full-back', 'striker', 'midfielder', 'defender', 'goalkeeper', 'winger',
  'skipper', 'quarterback', 'pitcher', 'batsman', 'bowler',
]);

/** Titles that can end a run on their own ("the Foreign Minister"); others (King, Judge, Dean) are also surnames. */
export const FINAL_TITLES = new Set(['president', 'minister', 'secretary', 'senator', 'governor', 'mayor', 'chancellor',
  'spokesman', 'spokeswoman', 'spokesperson', 'chairman', 'chairwoman', 'ambassador', 'director', 'ceo', 'premier',
  'commissioner', 'sheriff', 'candidate', 'nominee', 'president-elect', 'congressman', 'congresswoman', 'lawmaker']);

/** Heads of nominals that denote a person ("the Valdorian senator", "the harbour businessman"). */
export const PERSON_HEADS = new Set([...TITLES, 'businessman', 'businesswoman', 'billionaire', 'mogul', 'democrat',
  'republican', 'activist', 'author', 'writer', 'reporter', 'journalist', 'actor', 'actress', 'singer', 'star',
  'lady', 'veteran', 'politician', 'legislator', 'incumbent', 'challenger', 'frontrunner', 'front-runner',
  'businessperson', 'entrepreneur', 'investor', 'developer', 'scientist', 'researcher', 'doctor', 'physician',
  'surgeon', 'expert', 'teacher', 'student', 'mother', 'father', 'wife', 'husband', 'widow', 'son', 'daughter',
  'man', 'woman', 'senator-elect', 'rival', 'opponent', 'hopeful', 'contender']);

/** Heads of nominals that denote an organisation or a document speaking for one ("the union", "the ruling"). */
export const SOURCE_HEADS = new Set(['union', 'campaign', 'company', 'ministry', 'department', 'agency', 'government',
  'administration', 'court', 'committee', 'council', 'party', 'police', 'military', 'army', 'office', 'embassy', 'authority',
  'board', 'commission', 'firm', 'bank', 'organisation', 'organization', 'association', 'network', 'newspaper',
  'paper', 'report', 'statement', 'ruling', 'book', 'study', 'survey', 'poll', 'website', 'document', 'letter',
  'lawsuit', 'complaint', 'filing', 'memo', 'ad', 'advert', 'advertisement', 'spot', 'video', 'group', 'fund',
  'coalition', 'club', 'team', 'league', 'federation', 'institute', 'university', 'school', 'hospital', 'regime',
  'authorities', 'officials', 'prosecutors', 'investigators', 'magazine', 'outlet', 'station', 'channel', 'editorial',
  'clip', 'piece', 'narrator', 'announcer', 'bylaws', 'headline', 'film', 'documentary', 'trailer', 'transcript',
  'indictment', 'verdict', 'decision', 'order', 'bill', 'resolution', 'manifesto', 'platform', 'blog', 'editor']);

/** Words that mark a capitalised run as an organisation or place rather than a person. */
export const ORG_WORDS = new Set([
  'house', 'department', 'ministry', 'kremlin', 'times', 'post', 'news', 'party', 'committee', 'council',
  'office', 'agency', 'bureau', 'commission', 'court', 'company', 'inc', 'corp', 'ltd', 'association', 'union',
  'group', 'institute', 'university', 'police', 'army', 'campaign', 'foundation', 'center', 'centre', 'network',
  'journal', 'guardian', 'reuters', 'tribune', 'herald', 'gazette', 'service', 'administration', 'government',
  'senate', 'congress', 'parliament', 'pentagon', 'nato', 'un', 'eu', 'fbi', 'cia', 'bank', 'fund', 'board',
  'authority', 'coalition', 'alliance', 'federation', 'organization', 'organisation', 'society', 'club',
  'league', 'press', 'magazine', 'daily', 'telegraph', 'chronicle', 'observer', 'review', 'radio', 'tv',
  'television', 'broadcasting', 'media', 'studio', 'studios', 'airlines', 'motors', 'holdings', 'partners',
  'capital', 'group', 'labs', 'project', 'watch', 'forum', 'caucus', 'cabinet', 'embassy', 'consulate',
  'secretariat', 'command', 'force', 'forces', 'guard', 'navy', 'assembly', 'legislature', 'ministries',
  'politifact', 'twitter', 'facebook', 'google', 'cnn', 'msnbc', 'bbc', 'ap', 'afp', 'nbc', 'abc', 'cbs', 'fox',
  'hospital', 'school', 'college', 'church', 'mosque', 'city', 'county', 'state', 'states', 'republic',
  'kingdom', 'federal', 'national', 'international', 'global', 'unit', 'team', 'commission', 'trust',
  // sports clubs ("Carrow Bay Rovers", "Eastbrook Athletic")
  'rovers', 'athletic', 'wanderers', 'rangers', 'albion', 'united', 'fc', 'afc',
]);

/** Capitalised words that start sentences or are otherwise never part of a name. */
export const NOT_NAME = new Set([
  'the', 'a', 'an', 'but', 'and', 'or', 'in', 'on', 'at', 'when', 'after', 'before', 'if', 'as', 'yet', 'so',
  'still', 'then', 'now', 'asked', 'speaking', 'meanwhile', 'however', 'also', 'later', 'earlier', 'last',
  'this', 'that', 'these', 'those', 'while', 'since', 'although', 'though', 'because', 'for', 'from', 'to',
  'with', 'without', 'by', 'of', 'he', 'she', 'they', 'we', 'i', 'you', 'it', 'his', 'her', 'their', 'our',
  'my', 'your', 'its', 'there', 'here', 'what', 'who', 'why', 'how', 'where', 'which', 'monday', 'tuesday',
  'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'june',
  'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'aug', 'sept', 'oct', 'nov',
  'dec', 'today', 'yesterday', 'tomorrow', 'tonight', 'no', 'yes', 'not', 'all', 'some', 'many', 'most',
  'both', 'each', 'every', 'one', 'two', 'three', 'according', 'said', 'says', 'told', 'instead', 'even',
  'only', 'just', 'like', 'under', 'over', 'during', 'until', 'about', 'into', 'through', 'do', 'does', 'did',
  'is', 'was', 'are', 'were', 'be', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'should', 'may',
  'might', 'must', 'let', 'please', 'thanks', 'thank', 'well', 'oh', 'ok', 'okay', 'more', 'less', 'several', 'other',
  'such', 'another', 'any', 'few', 'much', 'every', 'none', 'nobody', 'everyone', 'someone', 'anyone', 'editor',
]);

export const PRONOUNS: Record<string, 'm' | 'f' | 'p' | 'n' | 'x'> = {
  he: 'm', she: 'f', they: 'p', it: 'n', we: 'p', i: 'x', you: 'x',
};

/** `w in PRONOUNS` as a Set lookup; mirrors `in` exactly (see HONORIFIC_WORDS). */
export const PRONOUN_WORDS: ReadonlySet<string> = new Set([...Object.keys(PRONOUNS), ...Object.getOwnPropertyNames(Object.prototype)]);

/** Name particles kept inside a name run ("Charles de Gaulle", "Ursula von der Leyen"). */
export const PARTICLES = new Set(['de', 'da', 'del', 'della', 'der', 'di', 'du', 'la', 'le', 'van', 'von', 'bin', 'ibn', 'al', 'el', 'dos', 'das', 'ter', 'ten', 'y', 'st']);

/** Lowercase words allowed in a role in front of a name ("deputy foreign minister", "secretary of state"). */
export const ROLE_WORDS = new Set([
  ...TITLES, 'foreign', 'state', 'defence', 'defense', 'finance', 'interior', 'health', 'justice', 'labour',
  'labor', 'trade', 'economy', 'education', 'presidential', 'vice-presidential', 'democratic', 'republican',
  'former', 'acting', 'interim', 'senior', 'junior', 'assistant', 'associate', 'top', 'press', 'campaign',
  'party', 'opposition', 'majority', 'minority', 'house', 'senate', 'white', 'of', 'for', 'general', 'district',
  'city', 'county', 'federal', 'national', 'regional', 'local', 'military', 'police', 'army', 'retired',
  'chief', 'executive', 'operating', 'financial', 'communications', 'policy', 'security', 'intelligence',
  'homeland', 'environment', 'energy', 'transport', 'transportation', 'agriculture', 'commerce', 'treasury',
  'legal', 'political', 'communications', 'public', 'affairs', 'relations', 'co-founder', 'cofounder',
  'then-', 'outgoing', 'incoming', 'longtime', 'veteran', 'prominent', 'leading', 'independent', 'conservative',
  'liberal', 'progressive', 'gop', 'u.s.', 'us', 'uk', 'eu', 'un',
]);

const MALE = 'john james robert michael william david richard joseph thomas charles christopher daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander patrick frank raymond jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle noah ethan jeremy walter christian keith roger terry austin sean gerald carl harold dylan arthur lawrence jordan jesse bryan billy bruce gabriel joe logan albert willie alan eugene russell vincent bobby philip johnny bradley roy ralph louis randy wayne howard vladimir sergei dmitry emmanuel boris olaf recep xi narendra barack bill mike bernie ted jim tom tim chris dan ben sam nick tony steve ivan igor oleg pierre jean francois luis carlos juan pedro ahmed mohammed muhammad ali hassan omar abdul rahul hans klaus jurgen antonio giuseppe marco luca viktor volodymyr'.split(' ');
const FEMALE = 'mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty margaret sandra ashley kimberly emily donna michelle carol amanda dorothy melissa deborah stephanie rebecca sharon laura cynthia kathleen amy angela shirley anna brenda pamela emma nicole helen samantha katherine christine debra rachel carolyn janet catherine maria heather diane ruth julie olivia joyce virginia victoria kelly lauren christina joan evelyn judith megan andrea cheryl hannah jacqueline martha gloria teresa ann sara madison frances kathryn janice jean abigail alice judy sophia grace denise amber doris marilyn danielle beverly isabella theresa diana natalie brittany charlotte marie kayla alexis lori hillary angela ursula theresa kamala nancy elizabeth marine giorgia annalena liz kate anne jane claire chloe sophie ines elena olga natalia svetlana irina yulia tatiana fatima aisha priya indira golda jacinda nicola'.split(' ');
export const FIRST_NAME_GENDER = new Map<string, 'm' | 'f'>([
  ...MALE.map((n) => [n, 'm'] as [string, 'm']),
  ...FEMALE.map((n) => [n, 'f'] as [string, 'f']),
]);

/** Plural groups that speak without a determiner ("officials said"). */
export const GROUP_WORDS = new Set(['officials', 'police', 'prosecutors', 'authorities', 'investigators', 'experts', 'analysts',
  'critics', 'witnesses', 'residents', 'sources', 'aides', 'officers', 'organisers', 'organizers', 'protesters', 'lawmakers']);

/** Words that open a nominal mention ("the mayor", "a spokesman", "one official"). */
export const DETERMINER_WORDS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'this', 'that', 'another', 'one']);

/** Nouns of speech that a speaker can own ("a plea from X", "X's call for"). */
export const SPEECH_NOUNS = new Set(['call', 'calls', 'plea', 'pleas', 'warning', 'warnings', 'promise', 'promises', 'pledge',
  'appeal', 'demand', 'demands', 'statement', 'statements', 'remarks', 'comments', 'comment', 'words', 'message', 'claim',
  'claims', 'assertion', 'insistence', 'argument', 'vow', 'request', 'order', 'speech', 'letter', 'tweet', 'post',
  'response', 'reply', 'answer', 'question', 'criticism', 'accusation', 'description', 'admission', 'suggestion', 'advice',
  'view', 'verdict', 'assessment', 'announcement', 'proposal', 'insistence', 'testimony', 'interview', 'op-ed', 'column']);

const GENDER = new Map<string, 'm' | 'f' | 'x'>();
for (const [key, g] of [['male', 'm'], ['female', 'f'], ['either', 'x']] as const) {
  for (const n of FIRST_NAMES[key].split(' ')) GENDER.set(n, g);
}
for (const [n, g] of FIRST_NAME_GENDER) if (!GENDER.has(n)) GENDER.set(n, g);

/** Gender of a first name from the public-domain name lists: 'x' when used for both, undefined when unknown. */
export const firstNameGender = (lowerName: string): 'm' | 'f' | 'x' | undefined => GENDER.get(lowerName);

/**
 * Heads of descriptions of people who stay unnamed ("the source", "the crowd", "one commenter"):
 * such a description is the speaker itself, never a person named earlier.
 */
export const UNNAMED_HEADS = new Set(['source', 'sources', 'crowd', 'audience', 'attendees', 'members', 'supporters',
  'commenter', 'commenters', 'staffer', 'staffers', 'voter', 'voters', 'resident', 'user', 'users', 'reader', 'readers',
  'person', 'people', 'insider', 'insiders', 'observers', 'participant', 'participants', 'questioner', 'protester',
  'friend', 'neighbour', 'neighbor', 'colleague', 'relative', 'onlooker', 'bystander', 'caller', 'listener', 'viewer',
  'viewers', 'fans', 'fan', 'demonstrators', 'crowds', 'delegates', 'respondents', 'worker', 'workers', 'parents',
  'paratrooper', 'soldier', 'soldiers', 'nurse', 'driver', 'passenger', 'survivor', 'victim', 'witness', 'official',
  'diplomat', 'spokesman', 'spokeswoman', 'spokesperson', 'aide', 'adviser', 'advisor', 'analyst', 'expert']);

/** Heads of documents that speak for their authors ("the email reads", "the suit says"). */
export const DOCUMENT_HEADS = new Set(['email', 'e-mail', 'suit', 'release', 'post', 'tweet', 'note', 'message', 'article',
  'op-ed', 'footnote', 'text', 'petition', 'sign', 'banner', 'caption', 'release', 'motion', 'brief', 'affidavit',
  'notice']);

/** Words that cannot end a nominal mention. */
export const NOMINAL_STOP_WORDS = new Set(['and', 'or', 'but', 'to', 'of', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'that', 'which',
  'who', 'as', 'than', 'then', 'so', 'if', 'when', 'while', 'because', 'it', 'is', 'was', 'be', 'been', 'not', 'this']);

/** Last words of capitalised runs that name a day, a season or a holiday, never a speaker ("Christmas Day"). */
export const DATE_WORDS = new Set(['day', 'eve', 'week', 'weekend', 'month', 'year', 'christmas', 'easter', 'thanksgiving',
  'ramadan', 'eid', 'hanukkah', 'diwali', 'passover', 'halloween', 'spring', 'summer', 'autumn', 'fall', 'winter',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april',
  'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'morning', 'night', 'evening']);

/** Last words of fields of study and of places, which are never a person ("Indigenous Studies", "the South Shore"). */
export const FIELD_OR_PLACE_WORDS = new Set(['studies', 'science', 'sciences', 'history', 'literature', 'economics',
  'engineering', 'medicine', 'politics', 'philosophy', 'mathematics', 'sociology', 'anthropology', 'psychology', 'biology',
  'chemistry', 'physics', 'humanities', 'arts', 'shore', 'coast', 'valley', 'river', 'lake', 'island', 'islands', 'street',
  'avenue', 'road', 'park', 'square', 'mountain', 'mountains', 'bay', 'harbour', 'harbor', 'beach', 'peninsula', 'highlands',
  'region', 'province', 'district', 'border', 'strait', 'sea', 'ocean', 'gulf', 'desert', 'plains', 'airport', 'station',
  'bridge', 'hall', 'arena', 'stadium', 'mall', 'plaza', 'heights', 'hills', 'falls', 'canyon', 'forest']);

/** Pronouns and function words: a capitalised run holding one is a title of a work ("Got Me Fired"), not a name. */
export const TITLE_FUNCTION_WORDS = new Set(['me', 'my', 'you', 'your', 'we', 'our', 'us', 'it', 'is', 'are', 'was', 'be',
  'not', 'no', 'all', 'what', 'how', 'why', 'when', 'this', 'that', 'with', 'got', 'get', 'can', 'will', 'do', 'does', 'i']);
