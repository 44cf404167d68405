package dev.rehearsal.rehearse.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.platform.engine.UniqueId;

/** The command line names steps by the engine's unique ids: {@link NodeId#toString()} must be exactly JUnit's rendering. */
class NodeIdTests {

    @Test
    void stepIdRendersAsTheEngineUniqueIdEvenWithDelimitersInThePath() {
        String suite = "/tmp/sets/odd:name [1]/100%";
        NodeId id = NodeId.suite(suite).target(TargetKind.POSTGRES).migration("20240101000000").step("rollback-schema");
        UniqueId engine = UniqueId.forEngine("rehearsal").append(SegmentTypes.SUITE, suite)
                .append(SegmentTypes.TARGET, "postgres").append(SegmentTypes.MIGRATION, "20240101000000")
                .append(SegmentTypes.STEP, "rollback-schema");

        assertThat(id.toString()).isEqualTo(engine.toString());
        assertThat(UniqueId.parse(id.toString())).isEqualTo(engine);
    }

    @Test
    void setStepHasNoMigrationSegment() {
        NodeId id = NodeId.suite("dev.example.MediaRehearsal").target(TargetKind.SQLITE).step("history");

        assertThat(id.toString()).isEqualTo(UniqueId.forEngine("rehearsal").append(SegmentTypes.SUITE, "dev.example.MediaRehearsal")
                .append(SegmentTypes.TARGET, "sqlite").append(SegmentTypes.STEP, "history").toString());
    }

    @Test
    void parseReadsBackEveryIdItWrites() {
        String suite = "/tmp/sets/odd:name [1]/100%";
        NodeId step = NodeId.suite(suite).target(TargetKind.MARIADB).migration("2.1").step("fault-cut-2");
        NodeId setStep = NodeId.suite(suite).target(TargetKind.SQLITE).step("full-chain");

        assertThat(NodeId.parse(step.toString())).isEqualTo(step);
        assertThat(NodeId.parse(setStep.toString())).isEqualTo(setStep);
        assertThat(step.label()).isEqualTo("V2.1 fault-cut-2");
        assertThat(NodeId.parse(setStep.toString()).label()).isEqualTo("full chain");
        assertThat(NodeId.suite("s").target(TargetKind.SQLITE).migration("3").step("rollback-data").label())
                .isEqualTo("V3 rollback preserves data");
    }
}
