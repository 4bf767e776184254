package dev.rosetta.protocol.names;

import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;

/**
 * S3's rules for general-purpose bucket names: 3 to 63 characters of lower-case letters, digits,
 * dots and hyphens; starting and ending with a letter or digit; no two adjacent dots; not shaped like
 * an IPv4 address. COS names ({@code name-APPID}) and OBS names satisfy the same rules.
 */
public final class BucketNames {
    private BucketNames() {
    }

    public static boolean isValid(String name) {
        int n = name.length();
        if (n < 3 || n > 63) {
            return false;
        }
        if (!isLowerAlnum(name.charAt(0)) || !isLowerAlnum(name.charAt(n - 1))) {
            return false;
        }
        boolean allDigitsAndDots = true;
        for (int i = 0; i < n; i++) {
            char c = name.charAt(i);
            if (c == '.') {
                if (name.charAt(i - 1) == '.') {
                    return false;
                }
            } else if (c == '-') {
                allDigitsAndDots = false;
            } else if (!isLowerAlnum(c)) {
                return false;
            } else if (c > '9') {
                allDigitsAndDots = false;
            }
        }
        return !(allDigitsAndDots && looksLikeIpv4(name));
    }

    /** @throws S3Exception InvalidBucketName */
    public static void validate(String name) {
        if (!isValid(name)) {
            throw new S3Exception(S3ErrorCode.INVALID_BUCKET_NAME).with("BucketName", name);
        }
    }

    private static boolean isLowerAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private static boolean looksLikeIpv4(String name) {
        String[] parts = name.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3) {
                return false;
            }
        }
        return true;
    }
}
