package dev.rehearsal.rehearse.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.ErrorCode;
import dev.rehearsal.RehearsalException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --shard K/N}: every unit of a target in exactly one shard, contiguous, a migration's steps together. */
class ShardTests {

    @Test
    void everyUnitFallsInExactlyOneShardAsContiguousRunsOfNearEqualLength() {
        for (int units = 1; units <= 30; units++) {
            for (int count = 1; count <= 8; count++) {
                List<Integer> owners = new ArrayList<>();
                for (int unit = 0; unit < units; unit++) {
                    int owner = 0;
                    for (int k = 1; k <= count; k++) {
                        if (new Shard(k, count).includes(unit, units)) {
                            assertThat(owner).as("unit %d of %d in two of %d shards", unit, units, count).isZero();
                            owner = k;
                        }
                    }
                    assertThat(owner).as("unit %d of %d in no shard of %d", unit, units, count).isPositive();
                    owners.add(owner);
                }
                assertThat(owners).as("contiguous, in shard order").isSorted();
                for (int k = 1; k <= count; k++) {
                    int own = k;
                    long mine = owners.stream().filter(o -> o == own).count();
                    assertThat(mine).as("shard %d/%d of %d units", k, count, units)
                            .isBetween((long) units / count, (long) (units + count - 1) / count);
                }
            }
        }
    }

    @Test
    void shardsOfATargetKeepWholeMigrationsAndTogetherCoverThePlanOnce() throws URISyntaxException {
        Path good = Path.of(ShardTests.class.getResource("/engine/good").toURI());
        TargetPlan whole = Planner.target(TargetKind.SQLITE, good, DeclarationsReader.read(good));
        NodeId target = NodeId.suite("good").target(TargetKind.SQLITE);

        TargetPlan first = new Shard(1, 2).select(whole);
        TargetPlan second = new Shard(2, 2).select(whole);

        // 3 migrations of 4 steps + full chain + history = 14 steps: V1 and V2 (8) to the first, the rest (6) to the second.
        assertThat(first.migrations()).extracting(m -> m.migration().version().text())
                .containsExactly("20240101000000", "20240102000000");
        assertThat(first.migrations()).allSatisfy(m -> assertThat(m.steps()).hasSize(4));
        assertThat(first.setSteps()).isEmpty();
        assertThat(second.migrations()).extracting(MigrationPlan::index).containsExactly(2);
        assertThat(second.setSteps()).extracting(PlannedStep::id).containsExactly("full-chain", "history");
        List<NodeId> both = new ArrayList<>(first.stepIds(target));
        both.addAll(second.stepIds(target));
        assertThat(both).containsExactlyElementsOf(whole.stepIds(target));
    }

    @Test
    void parseTakesKOfNAndRefusesAnythingElseNamingTheSetting() {
        assertThat(Shard.parse(" 2/4 ", "--shard")).isEqualTo(new Shard(2, 4));
        assertThat(Shard.parse("1/1", "--shard").whole()).isTrue();
        for (String bad : List.of("0/2", "3/2", "2", "a/b", "1/0", "-1/2", "")) {
            assertThatThrownBy(() -> Shard.parse(bad, "rehearsal.shard"))
                    .isInstanceOfSatisfying(RehearsalException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_USAGE))
                    .hasMessageContaining("rehearsal.shard: '" + bad + "' is not a shard; write K/N with 1 <= K <= N");
        }
    }
}
