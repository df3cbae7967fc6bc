/**
 * The follows' size limits, apart from their schemas so that the page can use them without
 * loading zod (the boundaries test keeps zod off the page).
 */

/** Question numbers kept per followed person: a legislature's questions of the most prolific deputy fit. */
export const MAX_KNOWN_NUMBERS = 5_000;

/** Deputies one page may ask about in one message. */
export const MAX_IDENTITIES = 50;
