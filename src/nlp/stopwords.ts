// The one English stopword list: function words (and a few words nearly every news text has) that
// carry no topic. Summaries, clusters, answers, topic tests and search terms all drop these, so
// a change here changes every score downstream: keep it short and stable.
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are as at be because been before being
  below between both but by can could did do does doing down during each few for from further had has
  have having he her here hers herself him himself his how i if in into is it its itself just me more
  most my myself no nor not now of off on once only or other our ours ourselves out over own said same
  say says she should so some such than that the their theirs them themselves then there these they
  this those through to too under until up very was we were what when where which while who whom why
  will with would you your yours yourself yourselves mr mrs ms one two new told according year years
  last week day time people may might must us like get got make made go going back even still many
  much well way since around yet another among however per cent percent near`.split(/\s+/).filter(Boolean),
);
