// npm run eval:answers [-- --sweep] [--verbose]
// Asks every question of eval/answers/questions.jsonl over the fictional corpus, offline and with a
// model (the fake OpenAI-compatible server, scripted to give good and bad answers), and reports per
// kind: right (the answer says what the question's expected patterns say), cited (the sentence that
// says it cites an expected article) and declined (for questions the sources do not answer).
// Figures are printed for the dev and test halves separately; --sweep prints the offline figures on
// dev for a range of decline thresholds (that is how MIN_EVIDENCE is chosen).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSqliteStore } from '../src/adapters/sqlite/store.ts';
import { createOpenAiModel } from '../src/adapters/openai/model.ts';
import { answerQuestion, type Answer, type AnswerRequest } from '../src/digest/answer.ts';
import { createLogger } from '../src/log.ts';
import type { TextModel } from '../src/llm/port.ts';
import type { Store } from '../src/store/ports.ts';
import { startFakeOpenAi, type FakeReply, type RecordedRequest } from '../test/support/fake-openai.ts';
import { digestOf, EVAL_NOW, EVENTS, loadCorpus, loadQuestions, seedCorpus, type Question } from './eval-answers-corpus.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const verbose = argv.includes('--verbose');

interface Outcome {
  q: Question;
  answer: Answer;
  right: boolean;
  cited: boolean;
}

function judge(q: Question, answer: Answer): Outcome {
  if (q.expect.length === 0) return { q, answer, right: !answer.found, cited: !answer.found };
  const res = q.expect.map((p) => new RegExp(p, 'i'));
  const right = answer.found && res.every((re) => re.test(answer.text));
  const byN = new Map(answer.citations.map((c) => [c.n, c.articleId]));
  const cited = right && answer.sentences.some((s) => res.some((re) => re.test(s.text)) && q.cite.includes(byN.get(s.cite) ?? ''));
  return { q, answer, right, cited };
}

function request(q: Question, store: { byId: Map<string, import('../src/domain/types.ts').Article> }): Omit<AnswerRequest, 'question'> {
  const [kind, arg] = q.scope.split(':');
  if (kind === 'digest') {
    const arts = (EVENTS[arg!] ?? []).map((id) => store.byId.get(id)!);
    return { digest: digestOf(arts, arg!), now: EVAL_NOW };
  }
  if (kind === 'since') return { since: new Date(EVAL_NOW.getTime() - Number.parseInt(arg!, 10) * 86_400_000), now: EVAL_NOW };
  return { now: EVAL_NOW };
}

/**
 * The scripted model: reads the passages it is sent and answers with the passage that holds the
 * expected words (good), or with a fabricated figure, an invented quote, a citation of a passage
 * that does not exist, or broken JSON (bad, every other question), which verification must reject.
 */
function scriptedModel(current: () => { q: Question; n: number }): (body: RecordedRequest['body']) => FakeReply {
  return (body) => {
    const { q, n } = current();
    const user = body.messages?.find((m) => m.role === 'user')?.content ?? '';
    const passages = [...user.matchAll(/^\[(\d+)\] \([^)]*\) (.*)$/gm)].map((m) => ({ n: Number(m[1]), text: m[2]! }));
    const res = q.expect.map((p) => new RegExp(p, 'i'));
    const good = passages.find((p) => res.length > 0 && res.some((re) => re.test(p.text)));
    const first = passages[0] ?? { n: 1, text: 'Nothing.' };
    switch (n % 6) {
      case 1:
        return { content: JSON.stringify({ answer: [{ text: first.text.replace(/\d+/, (d) => String(Number(d) + 7)) + ' About 9,999 people.', cite: first.n }] }) };
      case 3:
        return { content: JSON.stringify({ answer: [{ text: `${first.text} “We will never accept this,” a spokesman said.`, cite: first.n }] }) };
      case 5:
        return n % 12 === 5 ? { content: '{"answer": [' } : { content: JSON.stringify({ answer: [{ text: first.text, cite: passages.length + 3 }] }) };
      default:
        return { content: JSON.stringify({ answer: good ? [{ text: good.text, cite: good.n }] : [] }) };
    }
  };
}

async function run(store: Store, qs: Question[], byId: Map<string, import('../src/domain/types.ts').Article>, extra: Partial<AnswerRequest>, model?: { m: TextModel; set: (q: Question, n: number) => void }): Promise<Outcome[]> {
  const out: Outcome[] = [];
  for (const [n, q] of qs.entries()) {
    model?.set(q, n);
    const answer = await answerQuestion(store, { question: q.question, ...request(q, { byId }), ...extra, ...(model ? { model: model.m } : {}) });
    out.push(judge(q, answer));
  }
  return out;
}

const pct = (k: number, n: number): string => (n ? `${k}/${n}`.padStart(6) + ` ${(k / n).toFixed(2)}` : '     -     ');

function report(title: string, outcomes: Outcome[]): string[] {
  const rows = [`${title}`, 'kind       split |  answerable: right&cited (right)        | unanswerable: declined'];
  const kinds = [...new Set(outcomes.map((o) => o.q.kind)), 'ALL'];
  for (const split of ['dev', 'test', 'all'] as const) {
    for (const kind of kinds) {
      const os = outcomes.filter((o) => (kind === 'ALL' || o.q.kind === kind) && (split === 'all' || o.q.split === split));
      const ans = os.filter((o) => o.q.expect.length > 0);
      const un = os.filter((o) => o.q.expect.length === 0);
      if (split !== 'all' && kind !== 'ALL') continue;
      rows.push(`${kind.padEnd(10)} ${split.padEnd(5)} | ${pct(ans.filter((o) => o.cited).length, ans.length)} (${pct(ans.filter((o) => o.right).length, ans.length)}) | ${pct(un.filter((o) => o.right).length, un.length)}`);
    }
  }
  return rows;
}

const corpus = loadCorpus(root);
const byId = new Map(corpus.map((a) => [a.id, a]));
const questions = loadQuestions(join(root, 'eval/answers/questions.jsonl'));
const store = await openSqliteStore(':memory:');
await seedCorpus(store, corpus);
const lines: string[] = [`${questions.length} questions (${questions.filter((q) => !q.expect.length).length} unanswerable), ${corpus.length} articles`];

if (argv.includes('--sweep')) {
  const dev = questions.filter((q) => q.split === 'dev');
  for (let t = 0.2; t <= 0.8001; t += 0.05) {
    const os = await run(store, dev, byId, { minEvidence: t });
    const ans = os.filter((o) => o.q.expect.length);
    const un = os.filter((o) => !o.q.expect.length);
    const rc = ans.filter((o) => o.cited).length / ans.length;
    const dc = un.filter((o) => o.right).length / un.length;
    lines.push(`threshold ${t.toFixed(2)}: right&cited ${rc.toFixed(3)}  declined ${dc.toFixed(3)}  mean ${((rc + dc) / 2).toFixed(3)}`);
  }
} else {
  const offline = await run(store, questions, byId, {});
  lines.push(...report('OFFLINE', offline));
  const fake = await startFakeOpenAi();
  let current = { q: questions[0]!, n: 0 };
  fake.setResponder(scriptedModel(() => current));
  const log = createLogger('silent');
  const m = createOpenAiModel({ apiKey: 'eval', baseURL: fake.baseURL, model: 'scripted', timeoutMs: 5000, dailyTokenBudget: 0, maxRetries: 0 }, store.cache, log);
  const withModel = await run(store, questions, byId, {}, { m, set: (q, n) => void (current = { q, n }) });
  await fake.close();
  lines.push('', ...report('MODEL (fake OpenAI: good answers, and every other one fabricated/invalid)', withModel));
  const used = withModel.filter((o) => o.answer.byModel).length;
  lines.push(`model requests: ${fake.requests.length}; model answers that passed verification and were used: ${used}; rejected (offline answer kept): ${fake.requests.length - used}`);
  if (verbose) {
    for (const o of offline.filter((x) => !x.cited)) lines.push(`MISS ${o.q.id} [${o.q.kind}/${o.q.split}] ${o.q.question}\n     -> ${o.answer.text.slice(0, 300)}`);
  }
}
await store.close();
process.stdout.write(lines.join('\n') + '\n');
