import type { Options, Suite } from "./_harness.ts";
export function registerMatvec(_suite: Suite, _options: Options): void {}
