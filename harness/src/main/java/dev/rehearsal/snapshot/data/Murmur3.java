package dev.rehearsal.snapshot.data;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * MurmurHash3 x64 128-bit over a byte range, allocation-free: the two halves land in {@link #h1}
 * and {@link #h2}. Non-cryptographic on purpose: a fingerprint guards against accidents, not
 * adversaries, and reading through JDBC already dominates the cost.
 */
final class Murmur3 {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;

    long h1;
    long h2;
    // Streaming state: see begin, block and end.
    private long a;
    private long b;
    private int streamed;

    /** Hashes {@code data[offset, offset + length)} with seed 0. */
    void hash(byte[] data, int offset, int length) {
        begin();
        int blocks = length >>> 4;
        int i = offset;
        for (int block = 0; block < blocks; block++, i += 16) {
            block((long) LONGS.get(data, i), (long) LONGS.get(data, i + 8));
        }
        int tail = length & 15;
        if (tail > 0) {
            long k1 = 0;
            long k2 = 0;
            for (int t = tail - 1; t >= 8; t--) {
                k2 = (k2 << 8) | (data[i + t] & 0xffL);
            }
            for (int t = Math.min(tail, 8) - 1; t >= 0; t--) {
                k1 = (k1 << 8) | (data[i + t] & 0xffL);
            }
            b ^= mixK2(k2);
            a ^= mixK1(k1);
        }
        finish(length);
    }

    /**
     * Starts a streamed hash of 16-byte blocks: {@code begin(); block(x1, y1); block(x2, y2); end();}
     * gives what {@link #hash} gives over the little-endian bytes of x1, y1, x2, y2, without writing them.
     */
    void begin() {
        a = 0;
        b = 0;
        streamed = 0;
    }

    void block(long k1, long k2) {
        a ^= mixK1(k1);
        a = Long.rotateLeft(a, 27) + b;
        a = a * 5 + 0x52dce729;
        b ^= mixK2(k2);
        b = Long.rotateLeft(b, 31) + a;
        b = b * 5 + 0x38495ab5;
        streamed += 16;
    }

    /** Finishes a streamed hash into {@link #h1} and {@link #h2}. */
    void end() {
        finish(streamed);
    }

    private void finish(int length) {
        long x = a ^ length;
        long y = b ^ length;
        x += y;
        y += x;
        x = fmix(x);
        y = fmix(y);
        x += y;
        y += x;
        h1 = x;
        h2 = y;
    }

    private static long mixK1(long k) {
        return Long.rotateLeft(k * C1, 31) * C2;
    }

    private static long mixK2(long k) {
        return Long.rotateLeft(k * C2, 33) * C1;
    }

    static long fmix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}
