// Document checks (checks of the documents' claims and of the fixtures' consistency,
// counted apart from the library specs) of the documents' computational graphs:
// 001 §3.3.2's closed form of df/dt against the fixture's mpmath values.
import { describe, it } from "node:test";
import chainMulti from "../../fixtures/graph/chain_multi.json" with { type: "json" };
import { fixtureById } from "../_fixture.ts";
import { assertClose } from "../../oracle/assert_close.ts";

describe("document check: s001.chain_multi: f = y + e^{xy}, x = cos t, y = t² (001 §3.3.2)", () => {
  const fixture = fixtureById(chainMulti, "s001.chain_multi");
  const ts = fixture.input.t as number[];
  const expected = fixture.expected as Record<string, number[]>;
  it("the document's closed form (ye^{xy})(−sin t) + (1 + xe^{xy})·2t is right", () => {
    ts.forEach((t, i) => {
      const x = Math.cos(t), y = t * t, exy = Math.exp(x * y);
      const closed = y * exy * -Math.sin(t) + (1 + x * exy) * 2 * t;
      assertClose(closed, expected.dfdt[i], fixture.tolerance.dfdt);
    });
  });
});
