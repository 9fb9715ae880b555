// The cell editor: CodeMirror 6, loaded only when a reader asks to edit (this module is imported
// dynamically). C highlighting, line numbers, bracket matching, undo and search: codemirror's
// basicSetup without what a few-function cell does not need (completion, folding, rectangular
// selection), which keeps the download smaller. Tab is left to move focus (keyboard users must be
// able to leave the editor). The engine's diagnostics are shown as lint marks and as a line under
// the offending line, so "3:14: expected ';'" is visible without hovering.
import {
  EditorView, Decoration, WidgetType, keymap, lineNumbers, highlightActiveLineGutter, highlightSpecialChars,
  drawSelection, highlightActiveLine, type DecorationSet,
} from '@codemirror/view';
import { EditorState, Prec, StateEffect, StateField, type Extension } from '@codemirror/state';
import { syntaxHighlighting, indentOnInput, bracketMatching } from '@codemirror/language';
import { history, defaultKeymap, historyKeymap } from '@codemirror/commands';
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
import { closeBrackets, closeBracketsKeymap } from '@codemirror/autocomplete';
import { classHighlighter } from '@lezer/highlight';
import { cpp } from '@codemirror/lang-cpp';
import { setDiagnostics, lintGutter, lintKeymap, type Diagnostic as LintDiagnostic } from '@codemirror/lint';
import type { Diagnostic } from '../../engine/api';

export interface CellEditor {
  view: EditorView;
  getCode(): string;
  setCode(code: string): void;
  showDiagnostics(diagnostics: Diagnostic[]): void;
  focus(): void;
}

export interface EditorOptions {
  code: string;
  label: string;
  onRun: () => void;
  onChange: (code: string) => void;
}

class DiagnosticWidget extends WidgetType {
  constructor(readonly text: string, readonly severity: string) {
    super();
  }
  eq(other: DiagnosticWidget) {
    return other.text === this.text && other.severity === this.severity;
  }
  toDOM() {
    const div = document.createElement('div');
    div.className = `fl-inline-diagnostic fl-${this.severity}`;
    div.textContent = this.text;
    return div;
  }
}

const setInline = StateEffect.define<DecorationSet>();
const inlineField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(value, tr) {
    for (const e of tr.effects) if (e.is(setInline)) return e.value;
    // An edit makes the old positions stale: the marks go until the next run.
    return tr.docChanged ? Decoration.none : value;
  },
  provide: (f) => EditorView.decorations.from(f),
});

function offset(state: EditorState, line: number, column: number): number {
  const l = state.doc.line(Math.min(Math.max(line, 1), state.doc.lines));
  return Math.min(l.from + Math.max(column, 1) - 1, l.to);
}

const theme = EditorView.theme({
  '&': { fontSize: '0.8125rem', backgroundColor: 'var(--fl-code-bg)', color: 'var(--sl-color-white)' },
  '.cm-content': { fontFamily: 'var(--__sl-font-mono, monospace)', caretColor: 'var(--sl-color-white)' },
  '.cm-gutters': { backgroundColor: 'var(--fl-code-bg)', color: 'var(--sl-color-gray-3)', border: 'none' },
  '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: 'var(--fl-active-line)' },
  '&.cm-focused': { outline: '2px solid var(--sl-color-accent)' },
});

export function mountEditor(host: HTMLElement, options: EditorOptions): CellEditor {
  const run = () => {
    options.onRun();
    return true;
  };
  const extensions: Extension[] = [
    Prec.highest(keymap.of([
      { key: 'Shift-Enter', run },
      { key: 'Mod-Enter', run },
    ])),
    lineNumbers(),
    highlightActiveLineGutter(),
    highlightSpecialChars(),
    history(),
    drawSelection(),
    EditorState.allowMultipleSelections.of(true),
    indentOnInput(),
    bracketMatching(),
    closeBrackets(),
    highlightActiveLine(),
    highlightSelectionMatches(),
    keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...searchKeymap, ...historyKeymap, ...lintKeymap]),
    cpp(),
    syntaxHighlighting(classHighlighter),
    lintGutter(),
    inlineField,
    theme,
    EditorView.contentAttributes.of({ 'aria-label': options.label }),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) options.onChange(update.state.doc.toString());
    }),
  ];
  const view = new EditorView({ parent: host, state: EditorState.create({ doc: options.code, extensions }) });

  return {
    view,
    getCode: () => view.state.doc.toString(),
    setCode(code) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: code } });
    },
    showDiagnostics(diagnostics) {
      const state = view.state;
      const mine = diagnostics.filter((d) => d.source === 'strategy');
      const lint: LintDiagnostic[] = mine.map((d) => {
        const from = offset(state, d.line, d.column);
        const to = d.endLine ? offset(state, d.endLine, d.endColumn ?? d.column + 1) : Math.min(from + 1, state.doc.line(Math.min(d.line, state.doc.lines)).to);
        return { from, to: Math.max(to, from), severity: d.severity, message: `${d.line}:${d.column}: ${d.message}` };
      });
      const widgets = mine.map((d) => {
        const line = state.doc.line(Math.min(Math.max(d.line, 1), state.doc.lines));
        return Decoration.widget({
          widget: new DiagnosticWidget(`${' '.repeat(Math.max(d.column - 1, 0))}^ ${d.line}:${d.column}: ${d.message}`, d.severity),
          block: true,
          side: 1,
        }).range(line.to);
      });
      view.dispatch(setDiagnostics(state, lint));
      view.dispatch({ effects: setInline.of(Decoration.set(widgets, true)) });
    },
    focus: () => view.focus(),
  };
}
