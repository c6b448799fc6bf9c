declare function abbrev(...words: Array<string | string[]>): Record<string, string>;
export = abbrev;
