// The sidebar's two live regions: polite status messages and assertive error alerts, shared by every view.
import { replaceChildren } from './dom';

export interface Notices {
  /** A confirmation or progress sentence, announced politely. */
  info(text: string): void;
  /** An error sentence (the server's own words), announced at once. */
  error(text: string): void;
  clear(): void;
}

/**
 * Screen readers announce a live region only when its content changes, so a repeated sentence is first
 * cleared and written again a moment later. The regions stay in the page (empty ones collapse in CSS) because
 * a region that appears together with its text is often not announced.
 */
export function createNotices(
  statusRegion: HTMLElement,
  alertRegion: HTMLElement,
  onAlertChange: (shown: boolean) => void = () => undefined,
): Notices {
  const write = liveWriter();
  return {
    info(text) {
      write(alertRegion, '');
      onAlertChange(false);
      write(statusRegion, text);
    },
    error(text) {
      write(statusRegion, '');
      write(alertRegion, text);
      onAlertChange(true);
    },
    clear() {
      write(statusRegion, '');
      write(alertRegion, '');
      onAlertChange(false);
    },
  };
}

/** Empties a region at once and writes its text a moment later; a newer write cancels the pending one. */
function liveWriter(): (region: HTMLElement, text: string) => void {
  const pending = new Map<HTMLElement, number>();
  return (region, text) => {
    window.clearTimeout(pending.get(region));
    replaceChildren(region);
    if (!text) return;
    pending.set(
      region,
      window.setTimeout(() => replaceChildren(region, text), 30),
    );
  };
}
