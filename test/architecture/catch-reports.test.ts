import { describe, expect, it } from 'vitest';
import { Linter } from 'eslint';
import local from '../../eslint/catch-reports.js';

const linter = new Linter({ configType: 'flat' });
const problems = (code: string): number =>
  linter.verify(code, [{ plugins: { local }, rules: { 'local/catch-reports': 'error' }, languageOptions: { ecmaVersion: 2024, sourceType: 'module' } }])
    .length;

describe('the catch rule', () => {
  it('flags a catch that swallows the error', () => {
    expect(problems('try { f(); } catch { x = null; }')).toBe(1);
    expect(problems('p.catch(() => undefined);')).toBe(1);
    expect(problems('p.catch(() => {});')).toBe(1);
    expect(problems('try { f(); } catch (err) { g(); }')).toBe(1);
  });

  it('accepts a catch that logs, rethrows, reports or hands the error on', () => {
    expect(problems('try { f(); } catch (err) { log.warn({ err }, "failed"); }')).toBe(0);
    expect(problems('try { f(); } catch { debugLog("not JSON"); }')).toBe(0);
    expect(problems('try { f(); } catch (e) { throw new Error("x", { cause: e }); }')).toBe(0);
    expect(problems('p.catch((err) => log.debug({ err }, "close failed"));')).toBe(0);
    expect(problems('try { f(); } catch (err) { result = String(err); }')).toBe(0);
    expect(problems('try { f(); } catch { warnings.push("unknown charset"); }')).toBe(0);
    expect(problems('try { f(); } catch { io.stderr.write("bad line"); }')).toBe(0);
    expect(problems('p.catch(onError);')).toBe(0);
  });
});
