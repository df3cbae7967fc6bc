/**
 * Modules the page-side build (the content script and the overlay module it imports) takes in
 * place of others: the same exports, without zod. Read by wxt.config.ts and by the boundaries test,
 * which follows the page's imports through the same substitutions.
 */
export const PAGE_SUBSTITUTES: Readonly<Record<string, string>> = {
  'lib/model.ts': 'lib/page-model.ts',
};
