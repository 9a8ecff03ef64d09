import type { Options, Suite } from "./_harness.ts";
export function registerGd(_suite: Suite, _options: Options): void {}
