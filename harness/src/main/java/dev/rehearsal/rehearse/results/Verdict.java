package dev.rehearsal.rehearse.results;

/** How one step ended. A WARNING passed in JUnit terms but needs a person's attention (declared data loss). */
public enum Verdict { PASSED, FAILED, WARNING, SKIPPED }
