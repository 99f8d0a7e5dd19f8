// Speech cue lexicon: verbs (all inflections) and phrases that introduce reported speech.
// Lemmas are expanded to their forms once at load; lookups are O(1) on the lowercased token.
import * as tokensModule from './tokens.ts';
// Imported bindings read once: under a transpiling loader (tsx) every read of one is a getter call.
const { lower } = tokensModule;

const LEMMAS = [
  'say', 'tell', 'add', 'warn', 'stress', 'insist', 'describe', 'call', 'claim', 'argue', 'note', 'explain',
  'state', 'announce', 'declare', 'write', 'report', 'tweet', 'post', 'comment', 'remark', 'respond', 'reply',
  'answer', 'ask', 'acknowledge', 'admit', 'concede', 'confirm', 'deny', 'suggest', 'predict', 'promise',
  'pledge', 'vow', 'urge', 'demand', 'accuse', 'charge', 'criticise', 'criticize', 'complain', 'lament',
  'boast', 'joke', 'quip', 'recall', 'recount', 'observe', 'emphasise', 'emphasize', 'assert', 'contend',
  'maintain', 'caution', 'counter', 'retort', 'continue', 'conclude', 'testify', 'shout', 'yell', 'scream',
  'chant', 'whisper', 'mutter', 'dismiss', 'label', 'brand', 'praise', 'hail', 'slam', 'blast', 'condemn',
  'decry', 'mock', 'disclose', 'reveal', 'allege', 'assure', 'reiterate', 'repeat', 'agree', 'wonder',
  'question', 'challenge', 'elaborate', 'recommend', 'advise', 'propose', 'signal', 'indicate', 'hint',
  'proclaim', 'speculate', 'exclaim', 'snap', 'interject', 'rejoin', 'pronounce', 'characterise',
  'characterize', 'term', 'dub', 'thunder', 'rail', 'fume', 'plead', 'beg', 'cry', 'sigh', 'muse', 'opine',
  'acknowledge', 'estimate', 'believe', 'think', 'feel', 'say', 'speak', 'quote', 'cite', 'accuse', 'blame',
  'attack', 'defend', 'threaten', 'order', 'instruct', 'inform', 'assure', 'apologise', 'apologize',
  'concur', 'rule', 'sing', 'read', 'put', 'rate', 'summarise', 'summarize', 'deride', 'ridicule', 'scoff', 'chide', 'scold', 'rebuke', 'lash',
];

const IRREGULAR: Record<string, string[]> = {
  say: ['said', 'says', 'saying'],
  tell: ['told', 'tells', 'telling'],
  write: ['wrote', 'written', 'writes', 'writing'],
  think: ['thought', 'thinks', 'thinking'],
  speak: ['spoke', 'spoken', 'speaks', 'speaking'],
  feel: ['felt', 'feels', 'feeling'],
  cry: ['cried', 'cries', 'crying'],
  deny: ['denied', 'denies', 'denying'],
  reply: ['replied', 'replies', 'replying'],
  testify: ['testified', 'testifies', 'testifying'],
  quip: ['quipped', 'quips', 'quipping'],
  put: ['puts', 'putting'],
  snap: ['snapped', 'snaps', 'snapping'],
  admit: ['admitted', 'admits', 'admitting'],
  dub: ['dubbed', 'dubs', 'dubbing'],
  label: ['labeled', 'labelled', 'labels', 'labeling', 'labelling'],
  signal: ['signaled', 'signalled', 'signals', 'signaling', 'signalling'],
  rebuke: ['rebuked', 'rebukes', 'rebuking'],
};

function forms(lemma: string): string[] {
  const irr = IRREGULAR[lemma];
  if (irr) return [lemma, ...irr];
  const ed = lemma.endsWith('e') ? lemma + 'd' : lemma.endsWith('y') && !/[aeiou]y$/.test(lemma) ? lemma.slice(0, -1) + 'ied' : lemma + 'ed';
  const s = /(s|sh|ch|x)$/.test(lemma) ? lemma + 'es' : lemma.endsWith('y') && !/[aeiou]y$/.test(lemma) ? lemma.slice(0, -1) + 'ies' : lemma + 's';
  const ing = lemma.endsWith('e') && !lemma.endsWith('ee') ? lemma.slice(0, -1) + 'ing' : lemma + 'ing';
  return [lemma, ed, s, ing];
}

// Lemmas whose bare form is mostly a noun in news ("a statement of the state", "a call for", "his tweet").
const NOUN_LEMMAS = new Set(['state', 'report', 'comment', 'claim', 'question', 'order', 'post', 'attack', 'praise',
  'charge', 'answer', 'note', 'quote', 'repeat', 'promise', 'pledge', 'vow', 'demand', 'blame', 'estimate', 'tweet',
  'counter', 'reply', 'remark', 'challenge', 'warn', 'label', 'brand', 'term', 'signal', 'hint', 'order', 'rule',
  'read', 'rate', 'cry', 'sigh', 'plead', 'rail', 'lash', 'slam', 'blast', 'hail', 'mock', 'joke', 'boast', 'lament']);

const FORM_TO_LEMMA = new Map<string, string>();
for (const l of LEMMAS) {
  for (const f of forms(l)) if (!FORM_TO_LEMMA.has(f) && !(f === l && NOUN_LEMMAS.has(l))) FORM_TO_LEMMA.set(f, l);
}

/** "claims", "tweets", "reports": a plural noun as often as a verb. */
export function isNounPlural(word: string): boolean {
  const w = lower(word);
  const l = FORM_TO_LEMMA.get(w);
  return l !== undefined && NOUN_LEMMAS.has(l) && w !== l && w.endsWith('s') && !w.endsWith('ss');
}

/** Strong cues almost always introduce speech; weak ones (think, believe, call, charge…) need support. */
const WEAK = new Set(['read', 'sing', 'rule', 'rate', 'believe', 'think', 'feel', 'continue', 'question', 'challenge', 'order', 'post', 'call',
  'charge', 'attack', 'defend', 'agree', 'maintain', 'term', 'cite', 'quote', 'blame', 'signal', 'estimate',
  'answer', 'state', 'report', 'note', 'observe', 'label', 'praise', 'rail', 'lash', 'instruct', 'inform']);

/** The lemma of a cue verb form ("warned" -> "warn"), or null when the word is not a cue. */
export function cueLemma(word: string): string | null {
  // Tokens pass their `low` form; lower() skips the second lookup's toLowerCase() when nothing changes.
  return FORM_TO_LEMMA.get(word) ?? FORM_TO_LEMMA.get(lower(word)) ?? null;
}

export function isStrongCue(word: string): boolean {
  const l = cueLemma(word);
  return l !== null && !WEAK.has(l);
}

/** Words that may sit between a speaker and their cue verb ("he also told", "Smith has repeatedly said"). */
export const CUE_FILLERS = new Set([
  'also', 'has', 'had', 'have', 'later', 'then', 'previously', 'repeatedly', 'once', 'recently', 'would',
  'will', 'had', 'again', 'further', 'earlier', 'subsequently', 'flatly', 'publicly', 'privately', 'simply',
  'bluntly', 'angrily', 'calmly', 'quickly', 'firmly', 'often', 'frequently', 'reportedly', 'allegedly',
  'once', 'famously', 'memorably', 'told', 'just', 'ultimately', 'finally', 'first', 'similarly', 'likewise',
  'has', 'did', 'does', 'do', 'not', 'never', 'is', 'was', 'were', 'are', 'be', 'been', 'being', 'could',
  'should', 'might', 'may', 'can', 'must', 'still', 'even', 'only', 'openly', 'directly', 'specifically',
  'explicitly', 'strongly', 'sharply', 'told',
]);
