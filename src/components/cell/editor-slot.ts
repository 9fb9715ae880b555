// Where a cell or an exercise shows its code: the static, highlighted block until the reader asks
// to edit, then a CodeMirror editor in its place. CodeMirror is downloaded on that first request
// only (a dynamic import), and two quick requests share one download and one editor.
import type { CellEditor, EditorOptions } from './editor';

export class EditorSlot {
  editor: CellEditor | null = null;
  private loading: Promise<CellEditor> | null = null;

  constructor(
    private readonly code: HTMLElement,
    private readonly host: HTMLElement,
  ) {}

  /** `options` is called once, just before the editor mounts, so it sees the latest pending code. */
  async open(focus: boolean, options: () => EditorOptions): Promise<CellEditor> {
    this.loading ??= import('./editor').then(
      ({ mountEditor }) => {
        const editor = mountEditor(this.host, options());
        this.code.hidden = true;
        this.host.hidden = false;
        this.editor = editor;
        return editor;
      },
      (error: unknown) => {
        this.loading = null; // a failed download is not remembered: the next open tries again
        throw error;
      },
    );
    const editor = this.editor ?? (await this.loading);
    if (focus) editor.focus();
    return editor;
  }
}
