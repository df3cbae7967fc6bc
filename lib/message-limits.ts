/** The most question ids one message may carry: a longer list is asked for in several. */
export const MAX_IDS_PER_MESSAGE = 5000;
