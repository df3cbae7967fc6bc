/** Saves data as a file the user downloads, from an extension page: an object URL and an `<a download>`. */
export function download(name: string, data: Blob | string): void {
  const blob = typeof data === 'string' ? new Blob([data], { type: 'application/json' }) : data;
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  // Long enough for the browser to start the download, then the memory goes back.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
