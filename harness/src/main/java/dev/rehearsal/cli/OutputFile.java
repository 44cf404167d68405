package dev.rehearsal.cli;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A file a command writes its result to, checked before the command reads anything, so a typo costs no work. */
final class OutputFile {
    private OutputFile() {
    }

    static void checkWritable(Path file) {
        if (Files.isDirectory(file)) {
            throw new RehearsalException(ErrorCode.BAD_USAGE, "cannot write " + file + ": it is a directory; give a file name");
        }
        Path directory = file.toAbsolutePath().getParent();
        if (directory == null || !Files.isDirectory(directory)) {
            throw new RehearsalException(ErrorCode.BAD_USAGE, "cannot write " + file + ": directory " + directory
                    + " does not exist; create it first");
        }
        if (!Files.isWritable(directory)) {
            throw new RehearsalException(ErrorCode.BAD_USAGE, "cannot write " + file + ": directory " + directory
                    + " is not writable");
        }
    }

    static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new RehearsalException(ErrorCode.BAD_USAGE, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
