/**
 * Stands in for linkedom's CSS parser (cssomnom, ~200 kB) in the extension build. linkedom only
 * calls it when a script reads `<style>.sheet`; Vigie reads fetched pages' text, never their CSS.
 */
export function parse(): never {
  throw new Error('CSS parsing is not part of Vigie’s background');
}
