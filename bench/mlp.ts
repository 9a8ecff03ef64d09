import type { Options, Suite } from "./_harness.ts";
export function registerMlp(_suite: Suite, _options: Options): void {}
