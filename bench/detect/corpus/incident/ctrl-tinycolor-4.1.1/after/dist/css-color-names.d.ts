/**
 * @hidden
 */
export declare const names: Record<string, string>;
