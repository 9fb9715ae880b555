// A live figure in the prose: a number or word quoted from a cell's verdict ("the search visits
// 1,234 states"), which follows the cell when the reader reruns it.
import type { CheckResult } from '../../engine/api';
import { figureText, type FigureField } from './figure';
import { names, pageModule, STATIC, type Static } from './reactive';

export function initFigure(el: HTMLElement): void {
  const key = el.dataset.flFigure!;
  const field = el.dataset.flShow as FigureField;
  const original = el.textContent ?? '';
  pageModule()
    .variable({
      fulfilled: (value) => {
        const verdict = value as CheckResult | Static;
        el.textContent = verdict === STATIC ? original : figureText(verdict, field);
      },
      rejected: () => {
        el.textContent = original;
      },
    })
    .define(`figure:${key}:${field}:${Math.random().toString(36).slice(2)}`, [names.verdict(key)], (v: unknown) => v);
}
