// The comparison with the original: a read-only side-by-side merge view, loaded on demand.
import { MergeView } from '@codemirror/merge';
import { EditorView } from '@codemirror/view';
import { EditorState } from '@codemirror/state';
import { cpp } from '@codemirror/lang-cpp';
import { syntaxHighlighting } from '@codemirror/language';
import { classHighlighter } from '@lezer/highlight';

export function mountDiff(host: HTMLElement, original: string, current: string, label: string): () => void {
  // which side is which is otherwise only in the editors' accessible names
  const legend = document.createElement('p');
  legend.className = 'fl-diff-legend';
  legend.textContent = 'Left: the original code. Right: yours.';
  host.append(legend);
  const common = [EditorView.editable.of(false), EditorState.readOnly.of(true), cpp(), syntaxHighlighting(classHighlighter)];
  const view = new MergeView({
    parent: host,
    a: { doc: original, extensions: [...common, EditorView.contentAttributes.of({ 'aria-label': `Original code of ${label}` })] },
    b: { doc: current, extensions: [...common, EditorView.contentAttributes.of({ 'aria-label': `Your code of ${label}` })] },
    collapseUnchanged: { margin: 2, minSize: 4 },
  });
  return () => {
    view.destroy();
    legend.remove();
  };
}
