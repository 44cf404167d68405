package dev.rehearsal.rehearse;

/** A step found, once started, that it cannot run (its predecessor failed); {@link StepRunner} makes it {@link StepOutcome.Skipped}. */
final class StepSkipped extends RuntimeException {
    StepSkipped(String reason) {
        super(reason);
    }
}
