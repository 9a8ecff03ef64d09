/**
 * S1 — `001_85ee514aa7c85552.txt`, 刘俊宏《神经计算的数学原理》. Sections covered, in the
 * document's order (one file per chapter):
 *
 * - chapter 1 (chapter1.ts): §1.2 the Hessian, §1.4 the squared hinge loss, §1.5
 *   polynomial regression, §1.6 ridge regression, §1.7 the commute-time fit;
 * - chapter 2 (chapter2.ts): §2.1 batch GD, §2.2 Robbins–Monro, §2.2.1 MiniSGD,
 *   §2.2.2 squared-hinge SGD;
 * - chapter 3 (chapter3.ts): §3.1–§3.2 the perceptron and the sigmoid, §3.3.1–§3.3.2
 *   the chain rule, §3.4.2 batch training;
 * - chapter 4 (chapter4.ts): §4.2.2 the linear-regression graph, §4.3.1 vectorised
 *   backpropagation.
 *
 * @module
 */

import type { Subject } from "../../oracle/subject.ts";
import { CHAPTER_1 } from "./chapter1.ts";
import { CHAPTER_2 } from "./chapter2.ts";
import { CHAPTER_3 } from "./chapter3.ts";
import { CHAPTER_4 } from "./chapter4.ts";

/** Every subject of S1, in the document's section order.
 * @category Worked results */
export const SUBJECTS: readonly Subject[] = [
  ...CHAPTER_1,
  ...CHAPTER_2,
  ...CHAPTER_3,
  ...CHAPTER_4,
];
