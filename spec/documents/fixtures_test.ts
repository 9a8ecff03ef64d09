// Document checks (checks of the documents' claims and of the fixtures' consistency,
// counted apart from the library specs): every fixture file is valid against
// fixtures/schema.json and passes parseFixture's cross-field rules, every generator it
// names exists beside it, the schema refuses malformed fixtures, and the reference data
// sets (numpy's RandomState draws, NIST StRD, iris) cover what the library specs rely on.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import schema from "../../fixtures/schema.json" with { type: "json" };
import randomJson from "../../fixtures/random/random_state.json" with { type: "json" };
import sgdJson from "../../fixtures/classify/squared_hinge_sgd.json" with { type: "json" };
import irisJson from "../../fixtures/classify/iris.json" with { type: "json" };
import { parseFixtures } from "../../oracle/fixture.ts";
import { NIST_FIXTURES } from "../../bench/nist_lre.ts";
import { allFixtures, fixtureById, fixtureJsonFiles } from "../_fixture.ts";
import { lacking } from "../_permissions.ts";

// strictRequired is off: the tolerance schema's `not: { required: [ulps, rtol] }` names
// properties on purpose without declaring them in that sub-schema.
const validate = new Ajv2020({ allErrors: true, strict: true, strictRequired: false }).compile(
  schema,
);
const skip = lacking("read");
const files = skip ? [] : fixtureJsonFiles("fixtures");
const ids = new Map<string, string>();

describe("fixtures/: every file follows the fixture format", { skip }, () => {
  it("there are fixture files to check", () => {
    assert.ok(files.length > 0);
  });
  for (const file of files) {
    it(file, () => {
      const json = JSON.parse(readFileSync(file, "utf8"));
      const valid = validate(json);
      assert.ok(
        valid,
        `${file} violates fixtures/schema.json: ${JSON.stringify(validate.errors?.slice(0, 3))}`,
      );
      for (const fixture of parseFixtures(json, file)) {
        if (fixture.oracle.generator !== null) {
          assert.ok(
            existsSync(fixture.oracle.generator),
            `${file}: generator ${fixture.oracle.generator} is missing`,
          );
        }
        const earlier = ids.get(fixture.id);
        assert.equal(
          earlier,
          undefined,
          `fixture id ${fixture.id} appears in ${file} and in ${earlier}`,
        );
        ids.set(fixture.id, file);
      }
    });
  }
});

describe("fixtures/schema.json rejects malformed fixtures", () => {
  const good = {
    id: "demo.ok",
    source: { document: "001_85ee514aa7c85552.txt", section: "1.7", quote: "x" },
    oracle: { method: "exact", generator: null },
    input: {},
    printed: { x: "1.5" },
    expected: { x: 1.5 },
    tolerance: { x: { reason: "exact" } },
    erratum: null,
  };
  it("accepts a minimal valid fixture", () => {
    assert.ok(validate(good), JSON.stringify(validate.errors));
  });
  const broken: [string, Record<string, unknown>][] = [
    ["a printed number that is not a string", { ...good, printed: { x: 1.5 } }],
    ["a tolerance without a reason", { ...good, tolerance: { x: { rtol: 1e-12 } } }],
    ["a tolerance mixing ulps and rtol", {
      ...good,
      tolerance: { x: { ulps: 1, rtol: 1, reason: "r" } },
    }],
    [
      "a missing erratum field",
      Object.fromEntries(Object.entries(good).filter(([k]) => k !== "erratum")),
    ],
    ["an inline erratum object", { ...good, erratum: { printed: "1", correct: "2", why: "w" } }],
    ["a note id as an erratum", { ...good, erratum: ["S1-N01"] }],
    ["an empty erratum list", { ...good, erratum: [] }],
    ["an unknown document", { ...good, source: { ...good.source, document: "blog.txt" } }],
    ["an unknown top-level key", { ...good, extra: 1 }],
  ];
  for (const [what, fixture] of broken) {
    it(`rejects ${what}`, () => {
      assert.equal(validate(fixture), false);
    });
  }
});

describe("fixtures/random/random_state.json: what numpy's draws cover", () => {
  const fixtures = allFixtures(randomJson, "fixtures/random/random_state.json");
  const ids = fixtures.map((fixture) => fixture.id);
  it("random_sample for seeds 0, 1, 42, 12345 and 2³² − 1, 10,000 draws for one", () => {
    for (const seed of [0, 1, 42, 4294967295]) {
      assert.ok(ids.includes(`random.random_sample.seed${seed}`));
    }
    const long = fixtureById(randomJson, "random.random_sample.seed12345.n10000");
    assert.equal((long.expected.draws as number[]).length, 10000);
  });
  it("random_sample is exact and the normal draws are within 1 ulp", () => {
    assert.deepEqual(
      fixtureById(randomJson, "random.random_sample.seed0").tolerance.draws.ulps,
      undefined,
    );
    const normal = fixtureById(randomJson, "random.standard_normal.seed0.n10000");
    assert.equal(normal.tolerance.draws.ulps, 1);
    assert.equal((normal.expected.draws as number[]).length, 10000);
  });
  it("randint covers one-element, 32-bit-edge and 64-bit ranges", () => {
    for (
      const name of ["one_element", "max_masked32", "full32", "just_over32", "wide40", "widest"]
    ) {
      assert.ok(ids.includes(`random.randint.${name}`), name);
    }
  });
});

describe("fixtures/nist/: the NIST StRD linear least-squares datasets", () => {
  it("all eleven datasets are here", () => {
    assert.deepEqual(NIST_FIXTURES.map((fixture) => fixture.id.replace("nist.lls.", "")), [
      "norris",
      "pontius",
      "noint1",
      "noint2",
      "filip",
      "longley",
      "wampler1",
      "wampler2",
      "wampler3",
      "wampler4",
      "wampler5",
    ]);
  });
});

describe("fixtures/classify/: the squared-hinge SGD stand-in is built from the iris data", () => {
  it("the stand-in's data are iris rows 0–99 with a bias column and labels −1/+1", () => {
    const iris = fixtureById(irisJson, "iris");
    const fx = fixtureById(sgdJson, "s001.sq_hinge.sgd.seed20261121.c0_1");
    const rows = fx.input.inputs as number[][], y = fx.input.labels as number[];
    const features = iris.input.features as number[][], labels = iris.input.labels as number[];
    assert.equal(rows.length, 100);
    rows.forEach((row, i) => {
      assert.deepEqual(row, [1, ...features[i]]);
      assert.equal(y[i], labels[i] === 0 ? -1 : 1);
    });
  });
});
