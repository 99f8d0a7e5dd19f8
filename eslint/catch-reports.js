// A caught error must leave a trace: the handler throws, calls a logger (pino's or the debug log),
// writes to stderr, adds a line to the warnings or problems a command reports, or hands the error itself on (reads the caught value: a reject callback, a
// health report, a failure record). An expected fallback (a string
// that is not JSON) still logs at debug, so a silent failure cannot hide behind one.
const LOG_METHODS = new Set(['trace', 'debug', 'info', 'warn', 'error', 'fatal']);

function calleeReports(callee, names) {
  if (callee.type === 'Identifier') return names.has(callee.name);
  if (callee.type !== 'MemberExpression' || callee.property.type !== 'Identifier') return false;
  const prop = callee.property.name;
  if (LOG_METHODS.has(prop) || names.has(prop)) return true;
  const obj = callee.object;
  // warnings.push(...) / out.problems.push(...): the report the user is shown
  const listName = obj.type === 'Identifier' ? obj.name : obj.type === 'MemberExpression' && obj.property.type === 'Identifier' ? obj.property.name : '';
  if (prop === 'push' && /^(warnings|problems)$/.test(listName)) return true;
  // process.stderr.write(...) / io.stderr.write(...)
  return prop === 'write' && obj.type === 'MemberExpression' && obj.property.type === 'Identifier' && obj.property.name === 'stderr';
}

function reports(node, names) {
  if (!node || typeof node.type !== 'string') return false;
  if (node.type === 'ThrowStatement') return true;
  if (node.type === 'CallExpression' && calleeReports(node.callee, names)) return true;
  for (const key of Object.keys(node)) {
    if (key === 'parent') continue;
    const v = node[key];
    if (Array.isArray(v)) {
      if (v.some((c) => reports(c, names))) return true;
    } else if (v && typeof v === 'object' && typeof v.type === 'string' && reports(v, names)) return true;
  }
  return false;
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'every catch logs, rethrows or passes the error on' },
    schema: [{ type: 'object', properties: { calls: { type: 'array', items: { type: 'string' } } }, additionalProperties: false }],
    messages: {
      silent: 'this catch swallows the error: log it (at debug if it is an expected fallback) or rethrow',
    },
  },
  create(context) {
    const names = new Set(['debugLog', 'usage', ...(context.options[0]?.calls ?? [])]);
    const usesError = (node, param) =>
      param?.type === 'Identifier' &&
      context.sourceCode.getDeclaredVariables(node).some((v) => v.name === param.name && v.references.length > 0);
    return {
      CatchClause(node) {
        if (!usesError(node, node.param) && !reports(node.body, names)) context.report({ node, messageId: 'silent' });
      },
      CallExpression(node) {
        const c = node.callee;
        if (c.type !== 'MemberExpression' || c.property.type !== 'Identifier' || c.property.name !== 'catch') return;
        const fn = node.arguments[0];
        if (!fn || (fn.type !== 'ArrowFunctionExpression' && fn.type !== 'FunctionExpression')) return;
        if (!usesError(fn, fn.params[0]) && !reports(fn.body, names)) context.report({ node: fn, messageId: 'silent' });
      },
    };
  },
};

export default { rules: { 'catch-reports': rule } };
