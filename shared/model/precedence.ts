/** [before, after]: `before` must start (or stop) earlier than `after`. */
export type Precedence = readonly [string, string];
