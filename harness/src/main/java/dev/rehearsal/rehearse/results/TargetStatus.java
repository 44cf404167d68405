package dev.rehearsal.rehearse.results;

/** How a target run ended: every step passed (warnings allowed), something failed, or it did not run. */
public enum TargetStatus { PASSED, FAILED, SKIPPED }
