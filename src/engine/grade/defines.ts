// Which functions a piece of strategy code defines, found without the engine's parser so that the
// page can ask it on the main thread (the engine itself stays in the Worker). The language is a C
// subset: a definition is `type name(params) {` at brace depth 0. A test checks that this agrees
// with the engine's parser on every strategy file in the repository.

/** Names of the functions defined in `src`, in order. */
export function definedFunctions(src: string): string[] {
  const text = src
    .replace(/\/\*[\s\S]*?(\*\/|$)/g, (c) => c.replace(/[^\n]/g, ' ')) // block comments
    .replace(/\/\/[^\n]*/g, '') // line comments
    .replace(/^[ \t]*#[^\n]*/gm, '') // #define lines
    .replace(/"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'/g, '0'); // strings and characters
  const names: string[] = [];
  let depth = 0;
  // at depth 0: an identifier, a parenthesised list, then `{` opens a function body
  const token = /[{}]|([A-Za-z_]\w*)\s*\(([^(){};]|\([^(){};]*\))*\)\s*\{/g;
  for (let m = token.exec(text); m; m = token.exec(text)) {
    if (m[0] === '{') depth++;
    else if (m[0] === '}') depth = Math.max(0, depth - 1);
    else {
      if (depth === 0 && !KEYWORDS.has(m[1])) names.push(m[1]);
      depth++; // the body's brace is part of the match
    }
  }
  return names;
}

const KEYWORDS = new Set(['if', 'while', 'for', 'switch', 'do', 'return', 'sizeof']);
