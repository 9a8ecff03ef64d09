import type { Options, Suite } from "./_harness.ts";
export function registerActivation(_suite: Suite, _options: Options): void {}
