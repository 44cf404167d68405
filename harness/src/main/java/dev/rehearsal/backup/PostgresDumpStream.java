package dev.rehearsal.backup;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Streams {@code pg_restore --single-transaction}'s SQL into an open psql transaction, as bytes (the
 * dump's encoding is the database's, not necessarily UTF-8), without pg_restore's own
 * {@code BEGIN;} and final {@code COMMIT;}: the caller began the transaction and commits it only
 * after checking what was restored. Without {@code --single-transaction} pg_restore would wrap
 * large objects in a {@code BEGIN;}/{@code COMMIT;} of their own, committing part of a restore.
 */
final class PostgresDumpStream {
    private static final byte[] BEGIN = "BEGIN;".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] COMMIT = "COMMIT;".getBytes(StandardCharsets.US_ASCII);

    private PostgresDumpStream() {
    }

    /**
     * @throws IOException when {@code psql} stops reading (it stopped at an error)
     * @throws RehearsalException when pg_restore fails or its output does not end in {@code COMMIT;}
     */
    static void copy(Path pgRestore, Path dump, OutputStream psql) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(pgRestore.toString(), "--no-owner", "--single-transaction",
                "--file=-", dump.toAbsolutePath().toString()).redirectInput(ProcessBuilder.Redirect.from(
                        new File("/dev/null")));
        Process process = ClientProcess.track(builder.start());
        try {
            CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            boolean committed = filter(process.getInputStream(), psql);
            int exit = process.waitFor();
            if (exit != 0) {
                throw new RehearsalException(ErrorCode.BACKUP_FAILED, "pg_restore exited with " + exit
                        + " while converting " + dump.getFileName() + ": " + errors.join().strip());
            }
            if (!committed) {
                throw new RehearsalException(ErrorCode.BACKUP_FAILED, "pg_restore's SQL for " + dump.getFileName()
                        + " does not end in COMMIT; (was it cut short?)");
            }
        } finally {
            process.destroyForcibly();
        }
    }

    /** Copies line by line; returns whether the final COMMIT; was found (and left out). */
    private static boolean filter(InputStream sql, OutputStream psql) throws IOException {
        Lines in = new Lines(sql);
        boolean beginSkipped = false;
        List<byte[]> held = new ArrayList<>(); // a COMMIT; line and the trivial lines after it
        for (byte[] line = in.next(); line != null; line = in.next()) {
            if (!beginSkipped && isLine(line, BEGIN)) {
                beginSkipped = true;
                continue;
            }
            if (isLine(line, COMMIT)) {
                flush(held, psql); // an earlier COMMIT; line was not the last: it is text inside a body or data
                held.add(line);
                continue;
            }
            if (!held.isEmpty() && isTrailer(line)) {
                held.add(line);
                continue;
            }
            flush(held, psql);
            psql.write(line);
        }
        if (held.isEmpty()) {
            return false;
        }
        held.remove(0); // the final COMMIT;
        flush(held, psql); // comments and \\unrestrict, which lets psql run the caller's check
        return true;
    }

    private static void flush(List<byte[]> held, OutputStream psql) throws IOException {
        for (byte[] line : held) {
            psql.write(line);
        }
        held.clear();
    }

    /** What pg_restore prints after its COMMIT;: blank lines, comments, {@code \\unrestrict}. */
    private static boolean isTrailer(byte[] line) {
        String text = new String(line, StandardCharsets.US_ASCII).strip();
        return text.isEmpty() || text.startsWith("--") || text.startsWith("\\unrestrict");
    }

    private static boolean isLine(byte[] line, byte[] expected) {
        int end = line.length;
        while (end > 0 && (line[end - 1] == '\n' || line[end - 1] == '\r')) {
            end--;
        }
        return Arrays.equals(line, 0, end, expected, 0, expected.length);
    }

    /** Lines of a byte stream, each with its newline; scans a buffer rather than reading byte by byte. */
    private static final class Lines {
        private final InputStream in;
        private final byte[] buffer = new byte[1 << 16];
        private int position;
        private int limit;

        Lines(InputStream in) {
            this.in = in;
        }

        /** The next line, or null at the end. */
        byte[] next() throws IOException {
            ByteArrayOutputStream line = null;
            while (true) {
                if (position == limit) {
                    limit = in.read(buffer);
                    position = 0;
                    if (limit <= 0) {
                        limit = 0;
                        return line == null ? null : line.toByteArray();
                    }
                }
                int start = position;
                while (position < limit && buffer[position] != '\n') {
                    position++;
                }
                boolean complete = position < limit;
                if (complete) {
                    position++;
                }
                if (complete && line == null) {
                    return Arrays.copyOfRange(buffer, start, position);
                }
                if (line == null) {
                    line = new ByteArrayOutputStream();
                }
                line.write(buffer, start, position - start);
                if (complete) {
                    return line.toByteArray();
                }
            }
        }
    }

    private static String readAll(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
