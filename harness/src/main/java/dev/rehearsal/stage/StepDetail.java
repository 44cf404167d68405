package dev.rehearsal.stage;

import dev.rehearsal.backup.Backup;
import dev.rehearsal.backup.DataChecksum;
import dev.rehearsal.backup.RestoreResult;
import dev.rehearsal.runner.RunResult;
import dev.rehearsal.verification.Captures;
import dev.rehearsal.verification.SuiteResult;

/** The detail a finished stage step shows in parentheses, from what the step returned. */
final class StepDetail {
    private StepDetail() {
    }

    static String of(Object result) {
        if (result == null) {
            return "skipped";
        }
        if (result instanceof Backup b) {
            return b.file() + ", " + b.manifest().sizeBytes() + " bytes, verified";
        }
        if (result instanceof Captures c) {
            return c.tables().isEmpty() ? "skipped: no pre captures" : c.tables().size() + " table(s) captured";
        }
        if (result instanceof RunResult r) {
            return r.executed().size() + " migration(s)";
        }
        if (result instanceof SuiteResult s) {
            return s.passed() ? "suite passed" : "suite FAILED";
        }
        if (result instanceof RestoreResult r) {
            return "data checksum " + DataChecksum.of(r.state().data()) + ", " + r.protectionDescription();
        }
        if (result instanceof CaptureCheck c) {
            return c.equal() ? "equal to the capture, data checksum " + c.checksum() : "not as captured: restoring";
        }
        return "";
    }
}
