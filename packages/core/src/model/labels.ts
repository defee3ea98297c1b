/** Label (tag) key/value pairs of one observation or series. */
export type Labels = Readonly<Record<string, string>>;
