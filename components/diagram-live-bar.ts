// A diagram's "Edit code" button: shown once JavaScript runs; the editor and the interpreter are
// loaded only when a reader first presses it.
export function attachLiveBar(figure: HTMLElement | null): void {
  if (!figure?.dataset.live || figure.dataset.liveReady) return;
  const button = figure.querySelector<HTMLButtonElement>(':scope > .memlane-live-bar [data-live-action="edit"]');
  if (!button) return;
  figure.dataset.liveReady = 'true';
  button.hidden = false;
  button.disabled = false;
  button.addEventListener('click', async () => {
    const { toggleEditor } = await import('./live/live-editor.ts');
    toggleEditor(figure, button);
  });
}
