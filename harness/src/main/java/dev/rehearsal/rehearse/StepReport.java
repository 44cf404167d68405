package dev.rehearsal.rehearse;

import dev.rehearsal.rehearse.results.StepResult;

/**
 * A finished step: what the results file records, and the outcome a face turns into its own result.
 * With a declared defect the two agree on the inverted verdict (a defect found as expected passed).
 */
public record StepReport(StepResult result, StepOutcome outcome) {
}
