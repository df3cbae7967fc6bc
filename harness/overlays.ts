/** What a test sees of Vigie's overlays on a page, in either browser (the function runs in the page). */
export interface OverlayHost {
  id: string | null;
  state: string | null;
  deputy: string | null;
  text: string;
}

/** Self-contained: both drivers send its source to the page and run it there. */
export function describeOverlayHosts(hosts: Element[]): OverlayHost[] {
  return hosts.map((host) => ({
    id: host.getAttribute('data-vigie-id'),
    state: host.getAttribute('data-vigie-state'),
    deputy: host.getAttribute('data-vigie-deputy'),
    text: (host.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim(),
  }));
}
