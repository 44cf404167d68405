package dev.rehearsal.snapshot.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Murmur3Tests {

    @Test
    void matchesTheReferenceMurmurHash3X64128() {
        Murmur3 m = new Murmur3();
        byte[] fox = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.US_ASCII);
        m.hash(fox, 0, fox.length);
        assertThat(m.h1).isEqualTo(0xe34bbc7bbc071b6cL);
        assertThat(m.h2).isEqualTo(0x7a433ca9c49a9347L);
    }

    @Test
    void emptyInputHashesToZeroAndOffsetsAreHonoured() {
        Murmur3 m = new Murmur3();
        m.hash(new byte[0], 0, 0);
        assertThat(m.h1).isZero();
        assertThat(m.h2).isZero();

        byte[] padded = "xxThe quick brown fox jumps over the lazy dogyy".getBytes(StandardCharsets.US_ASCII);
        m.hash(padded, 2, padded.length - 4);
        assertThat(m.h1).isEqualTo(0xe34bbc7bbc071b6cL);
    }
}
