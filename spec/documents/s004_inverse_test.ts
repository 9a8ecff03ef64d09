// Document checks (checks of the documents' claims and of the fixtures' consistency,
// counted apart from the library specs) of 004 非线性反向传播: the arithmetic behind the
// text's hand solution of c = √(ln x²) = 2.13 and its printed typo.
import { describe, it } from "node:test";
import nonlinearBp from "../../fixtures/graph/nonlinear_bp.json" with { type: "json" };
import { fixtureById } from "../_fixture.ts";
import { assertClose } from "../../oracle/assert_close.ts";

describe("document check: s004.nonlinear_bp: c = √(ln x²) = 2.13 by hand (004 非线性反向传播)", () => {
  const fixture = fixtureById(nonlinearBp, "s004.nonlinear_bp");
  it("the printed x = 9.6653 is e^{2.26854}: the typo carried over", () => {
    const expected = fixture.expected as Record<string, number>;
    assertClose(Math.exp(2.26854), expected.x_from_printed_log, { ulps: 2 });
    assertClose(Math.exp(expected.log_x), expected.x, { ulps: 4 });
    // 2.13 is not a binary fraction: squaring and halving it lands 1 ulp from 2.26845.
    assertClose(2.13 ** 2 / 2, expected.log_x, { ulps: 1 });
  });
});
