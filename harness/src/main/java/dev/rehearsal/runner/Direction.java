package dev.rehearsal.runner;

/** Which script of a migration runs. */
public enum Direction {
    UP, DOWN
}
