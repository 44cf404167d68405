package dev.rehearsal.report.model;

/** How much a finding from reading the SQL matters. */
public enum Severity { ERROR, WARNING, INFO }
