package dev.rehearsal.snapshot.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class CanonicalEncoderTests {

    @Test
    void fixedWidthSeedsNeverLetTwoTagsCollideInBothHalves() {
        for (int a = 0; a < CanonicalEncoder.SEED1.length; a++) {
            for (int b = a + 1; b < CanonicalEncoder.SEED1.length; b++) {
                assertThat(CanonicalEncoder.SEED1[a] ^ CanonicalEncoder.SEED1[b])
                        .as("tags %d and %d", a, b)
                        .isNotEqualTo(CanonicalEncoder.SEED2[a] ^ CanonicalEncoder.SEED2[b]);
            }
        }
    }

    @Test
    void valuesThatLookAlikeHashApart() {
        List<Consumer<CanonicalEncoder>> values = List.of(
                CanonicalEncoder::putNull,
                e -> e.putLong(0),
                e -> e.putLong(1),
                e -> e.putDouble(0.0),
                e -> e.putDouble(-0.0),
                e -> e.putDouble(1.0),
                e -> e.putBoolean(false),
                e -> e.putBoolean(true),
                e -> e.putDate(0),
                e -> e.putDate(1),
                e -> e.putText(""),
                e -> e.putText("0"),
                e -> e.putText("1"),
                e -> e.putOther("1"),
                e -> e.putBytes(new byte[0]),
                e -> e.putBytes(new byte[] {1}),
                e -> e.putDecimal(BigDecimal.ONE),
                e -> e.putTimestamp(CanonicalEncoder.TIMESTAMP, 0, 0));
        CanonicalEncoder encoder = new CanonicalEncoder();
        Set<List<Long>> hashes = new HashSet<>();
        for (Consumer<CanonicalEncoder> value : values) {
            value.accept(encoder);
            hashes.add(List.of(encoder.h1, encoder.h2));
        }
        assertThat(hashes).hasSize(values.size());
    }

    @Test
    void nullHashesToNonZeroHalvesSoColumnChecksumsCountNulls() {
        CanonicalEncoder encoder = new CanonicalEncoder();
        encoder.putNull();
        assertThat(encoder.h1).isNotZero();
        assertThat(encoder.h2).isNotZero();
    }

    @Test
    void everyNaNHashesAlike() {
        CanonicalEncoder encoder = new CanonicalEncoder();
        encoder.putDouble(Double.NaN);
        long h1 = encoder.h1;
        encoder.putDouble(Double.longBitsToDouble(0x7ff8000000000001L));
        assertThat(encoder.h1).isEqualTo(h1);
    }
}
