package dev.rehearsal.embedded;

/** A started server and how to stop it. */
record RunningServer(EmbeddedServer server, AutoCloseable stop) {
}
