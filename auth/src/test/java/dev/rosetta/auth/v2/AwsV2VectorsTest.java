package dev.rosetta.auth.v2;

import static dev.rosetta.auth.TestKeys.AK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rosetta.auth.AuthScheme;
import dev.rosetta.auth.Authentication;
import dev.rosetta.auth.PayloadRequirement;
import dev.rosetta.auth.TestKeys;
import dev.rosetta.auth.TestRequest;
import dev.rosetta.protocol.http.RequestHead;
import org.junit.jupiter.api.Test;

/** dialects.md §1.3, V2-1 … V2-10 through the public authenticator, and each string to sign. */
class AwsV2VectorsTest {

    private static Authentication authenticate(RequestHead request, String vhostBucket, String now) {
        return TestKeys.authenticator("us-east-1", now).authenticate(request, vhostBucket);
    }

    private static String auth(String signature) {
        return "AWS " + AK + ":" + signature;
    }

    private static void assertVerifies(TestRequest request, String vhostBucket, String now, String expectedStringToSign,
            String signature) {
        assertThat(V2StringToSign.build(request, vhostBucket, datePosition(request), V2StringToSign.Variant.PRIMARY))
                .isEqualTo(expectedStringToSign);
        assertThat(TestKeys.v2Sign(expectedStringToSign)).isEqualTo(signature);
        Authentication a = authenticate(request.header("Authorization", auth(signature)), vhostBucket, now);
        assertThat(a.scheme()).isEqualTo(AuthScheme.AWS_V2);
        assertThat(a.credential()).isEqualTo(TestKeys.CREDENTIAL);
        assertThat(a.payload()).isEqualTo(PayloadRequirement.none());
        assertThat(a.isAnonymous()).isFalse();
    }

    private static String datePosition(RequestHead request) {
        return request.header("x-amz-date") != null ? "" : request.header("Date");
    }

    @Test
    void v2_1_getObjectVirtualHosted() {
        assertVerifies(TestRequest.of("GET", "/photos/puppy.jpg")
                        .header("Host", "awsexamplebucket1.us-west-1.s3.amazonaws.com")
                        .header("Date", "Tue, 27 Mar 2007 19:36:42 +0000"),
                "awsexamplebucket1", "2007-03-27T19:36:42Z",
                "GET\n\n\nTue, 27 Mar 2007 19:36:42 +0000\n/awsexamplebucket1/photos/puppy.jpg",
                "qgk2+6Sv9/oM7G3qLEjTH1a1l1g=");
    }

    @Test
    void v2_2_getObjectOlderBucketName() {
        assertVerifies(TestRequest.of("GET", "/photos/puppy.jpg")
                        .header("Host", "johnsmith.s3.amazonaws.com")
                        .header("Date", "Tue, 27 Mar 2007 19:36:42 +0000"),
                "johnsmith", "2007-03-27T19:40:00Z",
                "GET\n\n\nTue, 27 Mar 2007 19:36:42 +0000\n/johnsmith/photos/puppy.jpg",
                "bWq2s1WEIj+Ydj0vQ697zp+IXMU=");
    }

    @Test
    void v2_2_pathStyleGivesTheSameResource() {
        assertVerifies(TestRequest.of("GET", "/johnsmith/photos/puppy.jpg")
                        .header("Host", "s3.amazonaws.com")
                        .header("Date", "Tue, 27 Mar 2007 19:36:42 +0000"),
                null, "2007-03-27T19:36:42Z",
                "GET\n\n\nTue, 27 Mar 2007 19:36:42 +0000\n/johnsmith/photos/puppy.jpg",
                "bWq2s1WEIj+Ydj0vQ697zp+IXMU=");
    }

    @Test
    void v2_3_putObject() {
        assertVerifies(TestRequest.of("PUT", "/photos/puppy.jpg")
                        .header("Content-Type", "image/jpeg")
                        .header("Content-Length", "94328")
                        .header("Host", "awsexamplebucket1.s3.us-west-1.amazonaws.com")
                        .header("Date", "Tue, 27 Mar 2007 21:15:45 +0000"),
                "awsexamplebucket1", "2007-03-27T21:15:45Z",
                "PUT\n\nimage/jpeg\nTue, 27 Mar 2007 21:15:45 +0000\n/awsexamplebucket1/photos/puppy.jpg",
                "iqRzw+ileNPu1fhspnRs8nOjjIA=");
    }

    @Test
    void v2_4_listObjectsQueryIsNotSigned() {
        assertVerifies(TestRequest.of("GET", "/?prefix=photos&max-keys=50&marker=puppy")
                        .header("User-Agent", "Mozilla/5.0")
                        .header("Host", "awsexamplebucket1.s3.us-west-1.amazonaws.com")
                        .header("Date", "Tue, 27 Mar 2007 19:42:41 +0000"),
                "awsexamplebucket1", "2007-03-27T19:42:41Z",
                "GET\n\n\nTue, 27 Mar 2007 19:42:41 +0000\n/awsexamplebucket1/",
                "m0WP8eCtspQl5Ahe6L1SozdX9YA=");
    }

    @Test
    void v2_5_getAcl() {
        assertVerifies(TestRequest.of("GET", "/?acl")
                        .header("Host", "awsexamplebucket1.s3.us-west-1.amazonaws.com")
                        .header("Date", "Tue, 27 Mar 2007 19:44:46 +0000"),
                "awsexamplebucket1", "2007-03-27T19:44:46Z",
                "GET\n\n\nTue, 27 Mar 2007 19:44:46 +0000\n/awsexamplebucket1/?acl",
                "82ZHiFIjc+WbcwFKGUVEQspPn+0=");
    }

    @Test
    void v2_6_uploadWithAmzHeadersOnCustomDomain() {
        assertVerifies(TestRequest.of("PUT", "/db-backup.dat.gz")
                        .header("User-Agent", "curl/7.15.5")
                        .header("Host", "static.awsexamplebucket1.net:8080")
                        .header("Date", "Tue, 27 Mar 2007 21:06:08 +0000")
                        .header("x-amz-acl", "public-read")
                        .header("content-type", "application/x-download")
                        .header("Content-MD5", "4gJE4saaMU4BqNR0kLY+lw==")
                        .header("X-Amz-Meta-ReviewedBy", "joe@awsexamplebucket1.net")
                        .header("X-Amz-Meta-ReviewedBy", "jane@awsexamplebucket1.net")
                        .header("X-Amz-Meta-FileChecksum", "0x02661779")
                        .header("X-Amz-Meta-ChecksumAlgorithm", "crc32")
                        .header("Content-Disposition", "attachment; filename=database.dat")
                        .header("Content-Encoding", "gzip")
                        .header("Content-Length", "5913339"),
                "static.awsexamplebucket1.net", "2007-03-27T21:06:08Z",
                "PUT\n4gJE4saaMU4BqNR0kLY+lw==\napplication/x-download\nTue, 27 Mar 2007 21:06:08 +0000\n"
                        + "x-amz-acl:public-read\nx-amz-meta-checksumalgorithm:crc32\n"
                        + "x-amz-meta-filechecksum:0x02661779\n"
                        + "x-amz-meta-reviewedby:joe@awsexamplebucket1.net,jane@awsexamplebucket1.net\n"
                        + "/static.awsexamplebucket1.net/db-backup.dat.gz",
                "dKZcB+bz2EPXgSdXZp9ozGeOM4I=");
    }

    @Test
    void v2_6_amzHeaderValuesAreUnfoldedAndTrimmed() {
        assertVerifies(TestRequest.of("PUT", "/db-backup.dat.gz")
                        .header("Date", "Tue, 27 Mar 2007 21:06:08 +0000")
                        .header("X-AMZ-ACL", "  public-read ")
                        .header("Content-Type", " application/x-download ")
                        .header("Content-MD5", "4gJE4saaMU4BqNR0kLY+lw==")
                        .header("x-amz-meta-reviewedby", "joe@awsexamplebucket1.net")
                        .header("X-Amz-Meta-FileChecksum", "0x02661779")
                        .header("x-amz-meta-reviewedby", "\tjane@awsexamplebucket1.net")
                        .header("X-Amz-Meta-ChecksumAlgorithm", "crc32"),
                "static.awsexamplebucket1.net", "2007-03-27T21:06:08Z",
                "PUT\n4gJE4saaMU4BqNR0kLY+lw==\napplication/x-download\nTue, 27 Mar 2007 21:06:08 +0000\n"
                        + "x-amz-acl:public-read\nx-amz-meta-checksumalgorithm:crc32\n"
                        + "x-amz-meta-filechecksum:0x02661779\n"
                        + "x-amz-meta-reviewedby:joe@awsexamplebucket1.net,jane@awsexamplebucket1.net\n"
                        + "/static.awsexamplebucket1.net/db-backup.dat.gz",
                "dKZcB+bz2EPXgSdXZp9ozGeOM4I=");
        assertThat(V2Canonical.unfoldAndTrim(" a \r\n   b\t\n\tc ")).isEqualTo("a b c");
    }

    @Test
    void v2_7_listBuckets() {
        assertVerifies(TestRequest.of("GET", "/")
                        .header("Host", "s3.us-west-1.amazonaws.com")
                        .header("Date", "Wed, 28 Mar 2007 01:29:59 +0000"),
                null, "2007-03-28T01:29:59Z",
                "GET\n\n\nWed, 28 Mar 2007 01:29:59 +0000\n/",
                "qGdzdERIC03wnaRNKh6OqZehG9s=");
    }

    @Test
    void v2_8_unicodeKeysSignedAsSentOnTheWire() {
        assertVerifies(TestRequest.of("GET", "/dictionary/fran%C3%A7ais/pr%c3%a9f%c3%a8re")
                        .header("Host", "s3.us-west-1.amazonaws.com")
                        .header("Date", "Wed, 28 Mar 2007 01:49:49 +0000"),
                null, "2007-03-28T01:49:49Z",
                "GET\n\n\nWed, 28 Mar 2007 01:49:49 +0000\n/dictionary/fran%C3%A7ais/pr%c3%a9f%c3%a8re",
                "DNEZGsoieTZ92F3bUfSPQcbGmlM=");
    }

    @Test
    void v2_9_xAmzDateEmptiesTheDatePosition() {
        assertVerifies(TestRequest.of("DELETE", "/photos/puppy.jpg")
                        .header("User-Agent", "dotnet")
                        .header("Host", "awsexamplebucket1.s3.us-west-1.amazonaws.com")
                        .header("Date", "Tue, 27 Mar 2007 21:20:27 +0000")
                        .header("x-amz-date", "Tue, 27 Mar 2007 21:20:26 +0000"),
                "awsexamplebucket1", "2007-03-27T21:20:26Z",
                "DELETE\n\n\n\nx-amz-date:Tue, 27 Mar 2007 21:20:26 +0000\n/awsexamplebucket1/photos/puppy.jpg",
                "Ri1hpB1zpS9pGqR7y8kuNFCl4sE=");
    }

    @Test
    void v2_9_docTableFormIsNotAccepted() {
        // The doc table's value signs the x-amz-date value in the Date position; SDKs never do that.
        TestRequest r = TestRequest.of("DELETE", "/photos/puppy.jpg")
                .header("x-amz-date", "Tue, 27 Mar 2007 21:20:26 +0000")
                .header("Authorization", auth("XbyTlbQdu9Xw5o8P4iMwPktxQd8="));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> authenticate(r, "awsexamplebucket1",
                "2007-03-27T21:20:26Z")).hasMessageContaining("signature we calculated does not match");
    }

    private static final String V2_10_STS = "GET\n\n\n\nx-amz-date:Fri, 24 May 2013 00:00:00 GMT\n"
            + "/examplebucket/my%20key.txt?acl&response-content-type=text/plain"
            + "&versionId=3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY+MTRCxf3vjVBH40Nrjfkd";

    @Test
    void v2_10_subResourcesSortedDecodedAndFiltered() {
        assertVerifies(TestRequest.of("GET", "/examplebucket/my%20key.txt?acl&response-content-type=text%2Fplain"
                                + "&versionId=3HL4kqtJlcpXroDTDmJ%2BrmSpXd3dIbrHY%2BMTRCxf3vjVBH40Nrjfkd&prefix=ignored")
                        .header("Host", "s3.amazonaws.com")
                        .header("x-amz-date", "Fri, 24 May 2013 00:00:00 GMT"),
                null, "2013-05-24T00:05:00Z", V2_10_STS, "0BBHOW+sBX63hUbGvnMNzIjOQAo=");
    }

    @Test
    void v2_10_wireOrderAndEncodingVariantsVerify() {
        // Different parameter order, a raw '+' left unencoded, and "acl=" instead of "acl" (SDK v1 signs bare).
        TestRequest r = TestRequest.of("GET", "/examplebucket/my%20key.txt?prefix=ignored"
                        + "&versionId=3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY%2BMTRCxf3vjVBH40Nrjfkd"
                        + "&response-content-type=text/plain&acl=")
                .header("x-amz-date", "Fri, 24 May 2013 00:00:00 GMT")
                .header("Authorization", auth("0BBHOW+sBX63hUbGvnMNzIjOQAo="));
        assertThat(authenticate(r, null, "2013-05-24T00:00:00Z").scheme()).isEqualTo(AuthScheme.AWS_V2);
    }

    @Test
    void v2_p1_presignedStringToSign() {
        // The header form's string to sign, with Expires as the date (end to end: AwsV2PresignedVerifierTest).
        TestRequest r = TestRequest.of("GET", "/photos/puppy.jpg?AWSAccessKeyId=" + AK
                + "&Expires=1175139620&Signature=NpgCjnDzrM%2BWFzoENXmpNDUsSn8%3D");
        String sts = V2StringToSign.build(r, "johnsmith", "1175139620", V2StringToSign.Variant.PRIMARY);
        assertThat(sts).isEqualTo("GET\n\n\n1175139620\n/johnsmith/photos/puppy.jpg");
        assertThat(TestKeys.v2Sign(sts)).isEqualTo("NpgCjnDzrM+WFzoENXmpNDUsSn8=")
                .isEqualTo(r.query().get("Signature"));
        assertThat(TestKeys.v2Sign("GET\n\n\n1175139620\n/awsexamplebucket1/photos/puppy.jpg"))
                .isEqualTo("1No4mq5ETf02z8aet9voy6gui6E=");
    }

    @Test
    void amzQueryParametersJoinAmzHeadersInTheSdkV1Variant() {
        TestRequest r = TestRequest.of("GET", "/b/k?x-amz-security-token=tok%2Ben&acl")
                .header("Date", "Fri, 24 May 2013 00:00:00 GMT");
        assertThat(V2StringToSign.build(r, null, "1175139620",
                new V2StringToSign.Variant(V2SubResources.UNION, V2StringToSign.EmptyValueForm.AS_SENT, false, true)))
                .isEqualTo("GET\n\n\n1175139620\nx-amz-security-token:tok+en\n/b/k?acl");
        assertThat(V2StringToSign.variants(r, true).get(0).amzQueryParams()).isTrue();
        assertThat(V2StringToSign.variants(r, false).get(0)).isEqualTo(V2StringToSign.Variant.PRIMARY);
    }

    @Test
    void sdkV1SubsetIsTriedWhenANewerNameIsPresent() {
        // A client that does not sign "retention" (AWS SDK v1 list) still verifies.
        String sts = "GET\n\n\nFri, 24 May 2013 00:00:00 GMT\n/b/k?versionId=v1";
        TestRequest r = TestRequest.of("GET", "/b/k?retention&versionId=v1")
                .header("Date", "Fri, 24 May 2013 00:00:00 GMT")
                .header("Authorization", auth(TestKeys.v2Sign(sts)));
        assertThat(authenticate(r, null, "2013-05-24T00:00:00Z").scheme()).isEqualTo(AuthScheme.AWS_V2);
        // ... and so does one that signs it (the union, tried first).
        String full = "GET\n\n\nFri, 24 May 2013 00:00:00 GMT\n/b/k?retention&versionId=v1";
        assertThat(authenticate(r.replacing("Authorization", auth(TestKeys.v2Sign(full))), null,
                "2013-05-24T00:00:00Z").scheme()).isEqualTo(AuthScheme.AWS_V2);
    }
}
