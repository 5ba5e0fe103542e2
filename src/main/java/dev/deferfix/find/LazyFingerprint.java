package dev.deferfix.find;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A finding's fingerprint (the first 16 bytes of the SHA-256 of its identity
 * key, in hex), worked out on first use: plain-text reports never show it, and
 * the first digest of a run loads Java's security providers, which takes longer
 * than checking a small file. Equal keys give equal fingerprints.
 */
public final class LazyFingerprint {
    private final String key;
    /** Findings cross threads; computing the same value twice is harmless. */
    private volatile String value;

    LazyFingerprint(String key) {
        this.key = key;
    }

    public String value() {
        String known = value;
        if (known == null) {
            known = digest(key);
            value = known;
        }
        return known;
    }

    private static String digest(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", impossible);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LazyFingerprint that && key.equals(that.key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return value();
    }
}
