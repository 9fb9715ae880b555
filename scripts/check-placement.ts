// Predict, then reveal, as a content rule: nothing on a chapter page may give a cell's answer away
// before the reader meets the cell. Two checks, on the MDX text:
//  - a <CellFigure show="verdict|headline" /> placed above the <Cell> it quotes;
//  - an <Exercise> whose bet (its starter code, on the bet's scenario and model) is what a <Cell>
//    above it already ran: same scenario, same model, same code.
import { cellTags, type CellTag } from './cell-tags';

export interface BetInfo {
  id: string;
  /** the code the bet is on (the exercise's starter) */
  code: string;
  scenario: string;
  model: string;
}

/** What the check needs from the world outside the page. */
export interface PlacementContext {
  /** a cell's code, or null when it is not written yet */
  cellCode(chapter: string, id: string): string | null;
  /** the exercise's bet, or null when it has none */
  bet(exerciseId: string): BetInfo | null;
  /** the model a scenario runs under when a cell names none */
  defaultModel(scenario: string): string;
}

const REVEALING = new Set(['verdict', 'headline']);

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

function attr(body: string, name: string): string | undefined {
  return new RegExp(`\\b${name}\\s*=\\s*["']([^"']*)["']`).exec(body)?.[1];
}

function cellModel(tag: CellTag, ctx: PlacementContext): string {
  const models = (tag.attrs.models ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return tag.attrs.model ?? models[0] ?? ctx.defaultModel(tag.attrs.scenario);
}

export function placementProblems(file: string, text: string, ctx: PlacementContext): string[] {
  const problems: string[] = [];
  const cells = cellTags(file, text);
  for (const m of text.matchAll(/<CellFigure\b([^>]*?)\/>/gs)) {
    const show = attr(m[1], 'show');
    const id = attr(m[1], 'cell');
    if (!show || !id || !REVEALING.has(show)) continue;
    const line = lineOf(text, m.index);
    const target = cells.find((c) => c.attrs.id === id);
    // a figure may quote a verdict only below the cell that reveals it
    if (target && target.line > line) problems.push(`${file}:${line}: a figure shows the ${show} of cell "${id}" above that cell (line ${target.line}): the reader would see the answer before predicting it`);
  }
  for (const m of text.matchAll(/<Exercise\b([^>]*?)\/>/gs)) {
    const id = attr(m[1], 'id');
    const bet = id ? ctx.bet(id) : null;
    if (!bet) continue;
    const line = lineOf(text, m.index);
    for (const c of cells) {
      if (c.line > line || c.attrs.scenario !== bet.scenario) continue;
      const code = ctx.cellCode(c.attrs.chapter, c.attrs.id);
      // the bet is spoilt when a cell above already ran the same code on the same scenario and model
      if (code !== null && code === bet.code && cellModel(c, ctx) === bet.model) {
        problems.push(`${file}:${line}: exercise "${id}" bets on the code cell "${c.attrs.id}" (line ${c.line}) already ran on ${bet.scenario}: place the exercise above that cell`);
      }
    }
  }
  return problems;
}
