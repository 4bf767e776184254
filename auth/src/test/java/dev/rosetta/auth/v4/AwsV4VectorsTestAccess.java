package dev.rosetta.auth.v4;

import dev.rosetta.auth.TestRequest;

/** Lets tests in other packages reuse the V4 vector requests. */
public final class AwsV4VectorsTestAccess {
    private AwsV4VectorsTestAccess() {
    }

    public static TestRequest v46() {
        return AwsV4VectorsTest.v46();
    }
}
