// Public entry point of quote extraction (see src/nlp/quotes/ for the stages).
export { extractQuotes, speakersOf, type ExtractOptions } from './quotes/extract.ts';
export { speakerKey, sameSpeaker } from './speaker-key.ts';
