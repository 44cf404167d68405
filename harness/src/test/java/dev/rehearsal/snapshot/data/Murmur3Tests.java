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

    @Test
    void streamedBlocksHashLikeTheirLittleEndianBytes() {
        long[] words = {0x0123456789abcdefL, -1L, 42L, Long.MIN_VALUE, 7L, 0L};
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(8 * words.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        Murmur3 streamed = new Murmur3();
        streamed.begin();
        for (int i = 0; i < words.length; i += 2) {
            streamed.block(words[i], words[i + 1]);
            bytes.putLong(words[i]).putLong(words[i + 1]);
        }
        streamed.end();
        Murmur3 whole = new Murmur3();
        whole.hash(bytes.array(), 0, bytes.capacity());
        assertThat(streamed.h1).isEqualTo(whole.h1);
        assertThat(streamed.h2).isEqualTo(whole.h2);
    }
}
