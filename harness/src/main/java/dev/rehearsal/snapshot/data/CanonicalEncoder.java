package dev.rehearsal.snapshot.data;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Hashes one value at a time, from a canonical, unambiguous form, to 128 bits ({@link #h1},
 * {@link #h2}). Variable-width values are written into a reusable buffer as a type tag, a 4-byte
 * length and the payload, and hashed with MurmurHash3-128. Fixed-width values (NULL, integers,
 * floats, booleans, dates: a tag and at most 64 bits) skip the buffer: each half is a different
 * bijective 64-bit mix of the value XOR a per-tag seed, so two different (tag, value) pairs never
 * share both halves (see {@link #SEED1}). The tag keeps NULL, '' and 0 apart (and INTEGER 1 apart
 * from TEXT '1'); the length keeps variable-sized values from running into each other.
 */
final class CanonicalEncoder {
    static final byte NULL = 0;
    static final byte INTEGER = 1;
    static final byte DECIMAL = 2;
    static final byte FLOAT = 3;
    static final byte TEXT = 4;
    static final byte BLOB = 5;
    static final byte DATE = 6;
    static final byte TIMESTAMP = 7;
    static final byte TIMESTAMP_TZ = 8;
    static final byte BOOLEAN = 9;
    static final byte OTHER = 10;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    /**
     * Per-tag seeds of the fixed-width halves. Within a tag each half is a bijection of the value;
     * across tags a and b the halves collide only for w = v ^ SEED1[a] ^ SEED1[b] and
     * w = v ^ SEED2[a] ^ SEED2[b] respectively, never both, because those differ for every pair of
     * tags (tested). Seeds start at tag + 1 so that NULL does not hash to zero.
     */
    static final long[] SEED1 = new long[OTHER + 1];
    static final long[] SEED2 = new long[OTHER + 1];

    static {
        for (int tag = 0; tag <= OTHER; tag++) {
            SEED1[tag] = (tag + 1) * 0x9e3779b97f4a7c15L;
            SEED2[tag] = (tag + 1) * 0xd6e8feb86659fd93L;
        }
    }

    private final Murmur3 murmur = new Murmur3();
    private byte[] buffer = new byte[256];
    private int length;
    long h1;
    long h2;

    void putNull() {
        fixed(NULL, 0);
    }

    void putLong(long value) {
        fixed(INTEGER, value);
    }

    void putBoolean(boolean value) {
        fixed(BOOLEAN, value ? 1 : 0);
    }

    /**
     * Doubles by their bits, with every NaN folded into the one canonical NaN. {@code -0.0} and
     * {@code 0.0} stay different: they are different values, and a migration that turns one into
     * the other did change the data.
     */
    void putDouble(double value) {
        fixed(FLOAT, Double.doubleToLongBits(value));
    }

    /** Decimals without trailing zeros, so 1.50 and 1.5 (a scale change only) encode the same. */
    void putDecimal(BigDecimal value) {
        BigDecimal stripped = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        byte[] unscaled = stripped.unscaledValue().toByteArray();
        header(DECIMAL, 4 + unscaled.length);
        putRawInt(stripped.scale());
        System.arraycopy(unscaled, 0, buffer, length, unscaled.length);
        length += unscaled.length;
        hashBuffer();
    }

    void putBytes(byte[] value) {
        header(BLOB, value.length);
        System.arraycopy(value, 0, buffer, length, value.length);
        length += value.length;
        hashBuffer();
    }

    void putText(String value) {
        putString(TEXT, value);
    }

    /** Values of types without a dedicated encoding (intervals, JSON, UUID, arrays...) by their text. */
    void putOther(String value) {
        putString(OTHER, value);
    }

    void putDate(long epochDay) {
        fixed(DATE, epochDay);
    }

    void putTimestamp(byte tag, long epochSecond, int nanos) {
        header(tag, 12);
        putRawLong(epochSecond);
        putRawInt(nanos);
        hashBuffer();
    }

    /**
     * The UTF-16 code units, streamed into Murmur3 eight at a time after a block holding the tag
     * and the length: canonical (a String is its code units) and without encoding to UTF-8 first.
     */
    private void putString(byte tag, String value) {
        int n = value.length();
        murmur.begin();
        murmur.block(((long) tag << 32) | n, 0);
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            murmur.block(chars(value, i, 4), chars(value, i + 4, 4));
        }
        if (i < n) {
            int rest = n - i;
            murmur.block(chars(value, i, Math.min(rest, 4)), rest > 4 ? chars(value, i + 4, rest - 4) : 0);
        }
        murmur.end();
        h1 = murmur.h1;
        h2 = murmur.h2;
    }

    /** Up to four code units from {@code from}, little-endian, zero-padded. */
    private static long chars(String value, int from, int count) {
        long k = 0;
        for (int c = count - 1; c >= 0; c--) {
            k = (k << 16) | value.charAt(from + c);
        }
        return k;
    }

    /** A tag and 64 bits: Murmur3's finalizer for one half, Stafford's mix 13 for the other. */
    private void fixed(byte tag, long value) {
        h1 = Murmur3.fmix(value ^ SEED1[tag]);
        long z = value ^ SEED2[tag];
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        h2 = z ^ (z >>> 31);
    }

    private void hashBuffer() {
        murmur.hash(buffer, 0, length);
        h1 = murmur.h1;
        h2 = murmur.h2;
    }

    /** Starts a value: resets the buffer (one value per hash) and writes tag and payload length. */
    private void header(byte tag, int payload) {
        length = 0;
        ensure(5 + payload);
        buffer[0] = tag;
        INTS.set(buffer, 1, payload);
        length = 5;
    }

    private void putRawLong(long value) {
        LONGS.set(buffer, length, value);
        length += 8;
    }

    private void putRawInt(int value) {
        INTS.set(buffer, length, value);
        length += 4;
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }
}
