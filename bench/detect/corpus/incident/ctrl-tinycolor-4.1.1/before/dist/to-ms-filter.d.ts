import { ColorInput } from './index.js';
/**
 * Returns the color represented as a Microsoft filter for use in old versions of IE.
 */
export declare function toMsFilter(firstColor: ColorInput, secondColor?: ColorInput): string;
