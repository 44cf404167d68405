package dev.rehearsal.rehearse.plan;

/**
 * Where a node sits in the plan: a suite, a target under it, a migration under that, or a step (of
 * a migration, or of the target: full chain, history). {@link #toString()} is the node's JUnit
 * Platform unique id, {@code [engine:rehearsal]/[suite:...]/[target:sqlite]/[migration:1]/[step:apply]},
 * so the command line names every step exactly as the engine does.
 *
 * @param suite the suite's unique-id value: a class name or an absolute migrations directory
 * @param target null for the suite itself
 * @param migration the version as written in the file name; null above a migration and for set steps
 * @param step a {@link Step#id()} or {@link DrillStep#id()}; null for containers
 */
public record NodeId(String suite, TargetKind target, String migration, String step) {
    /** The engine id, the first segment of every unique id. */
    public static final String ENGINE = "rehearsal";

    public static NodeId suite(String suite) {
        return new NodeId(suite, null, null, null);
    }

    public NodeId target(TargetKind kind) {
        return new NodeId(suite, kind, null, null);
    }

    public NodeId migration(String version) {
        return new NodeId(suite, target, version, null);
    }

    public NodeId step(String id) {
        return new NodeId(suite, target, migration, id);
    }

    /**
     * The node of a unique id this class wrote ({@link #toString()}), as a results file or a merge reads it back.
     *
     * @throws IllegalArgumentException when {@code id} is not a Rehearsal step or container id
     */
    public static NodeId parse(String id) {
        String suite = null;
        TargetKind target = null;
        String migration = null;
        String step = null;
        for (String segment : id.split("/")) {
            int colon = segment.indexOf(':');
            if (!segment.startsWith("[") || !segment.endsWith("]") || colon < 0) {
                throw new IllegalArgumentException("not a Rehearsal unique id: " + id);
            }
            String type = segment.substring(1, colon);
            String value = decode(segment.substring(colon + 1, segment.length() - 1));
            switch (type) {
                case "engine" -> { }
                case SegmentTypes.SUITE -> suite = value;
                case SegmentTypes.TARGET -> target = TargetKind.find(value)
                        .orElseThrow(() -> new IllegalArgumentException("unknown target in " + id));
                case SegmentTypes.MIGRATION -> migration = value;
                case SegmentTypes.STEP -> step = value;
                default -> throw new IllegalArgumentException("unknown segment '" + type + "' in " + id);
            }
        }
        if (suite == null) {
            throw new IllegalArgumentException("not a Rehearsal unique id: " + id);
        }
        return new NodeId(suite, target, migration, step);
    }

    /** {@code V2 rollback restores schema} or {@code full chain}: how a report names the node to a person. */
    public String label() {
        String name = step == null ? "" : Step.find(step).map(Step::displayName).orElse(step);
        return migration == null ? name : "V" + migration + (step == null ? "" : " " + name);
    }

    @Override
    public String toString() {
        StringBuilder id = new StringBuilder(segment("engine", ENGINE)).append('/').append(segment(SegmentTypes.SUITE, suite));
        if (target != null) {
            id.append('/').append(segment(SegmentTypes.TARGET, target.id()));
        }
        if (migration != null) {
            id.append('/').append(segment(SegmentTypes.MIGRATION, migration));
        }
        if (step != null) {
            id.append('/').append(segment(SegmentTypes.STEP, step));
        }
        return id.toString();
    }

    private static String decode(String value) {
        StringBuilder decoded = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' && i + 2 < value.length()) {
                decoded.append((char) Integer.parseInt(value.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                decoded.append(c);
            }
        }
        return decoded.toString();
    }

    // As JUnit's UniqueIdFormat: the characters that delimit segments are percent-encoded in values.
    private static String segment(String type, String value) {
        StringBuilder encoded = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c == '%' || c == '[' || c == ']' || c == ':' || c == '/') {
                encoded.append('%').append(String.format("%02X", (int) c));
            } else {
                encoded.append(c);
            }
        }
        return "[" + type + ":" + encoded + "]";
    }
}
