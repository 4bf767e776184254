package dev.rosetta.auth.cos;

import static dev.rosetta.auth.cos.CosTestSupport.SECRET_ID;
import static dev.rosetta.auth.cos.CosTestSupport.authorization;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rosetta.auth.AuthScheme;
import dev.rosetta.auth.Authentication;
import dev.rosetta.auth.PayloadRequirement;
import dev.rosetta.auth.TestRequest;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.http.PercentCodec;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** COS q-sign (dialects.md §4), vectors COS-1 … COS-5 (§4.3) and presigned forms (§4.4). */
class CosVerifierTest {
    static final String BUCKET = "examplebucket-1250000000";
    static final String HOST = BUCKET + ".cos.ap-beijing.myqcloud.com";
    static final String OBJECT = "/exampleobject(%E8%85%BE%E8%AE%AF%E4%BA%91)";
    static final String DECODED_OBJECT = "/exampleobject(腾讯云)";
    static final String T1 = "1557989151;1557996351";
    static final long T1_START = 1557989151L; // Thu, 16 May 2019 06:45:51 GMT
    static final String T2 = "1557989753;1557996953";
    static final long T2_START = 1557989753L; // Thu, 16 May 2019 06:55:53 GMT
    static final String COS2_QUERY = "response-content-type=application%2Foctet-stream"
            + "&response-cache-control=max-age%3D600";

    private static Authentication verify(TestRequest r, String bucket, long now) {
        return new CosVerifier(CosTestSupport.store(), CosTestSupport.clockAt(now)).verify(r, bucket, "any");
    }

    private static S3Exception failure(TestRequest r, String bucket, long now) {
        return CosTestSupport.failure(() -> verify(r, bucket, now));
    }

    private static void assertMismatch(TestRequest r, String bucket, long now) {
        S3Exception e = failure(r, bucket, now);
        assertThat(e.errorCode()).isEqualTo(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH);
        assertThat(e.status()).isEqualTo(403);
    }

    /** COS-1's request, without Authorization. */
    static TestRequest cos1() {
        return TestRequest.of("PUT", OBJECT)
                .header("Date", "Thu, 16 May 2019 06:45:51 GMT")
                .header("Host", HOST)
                .header("Content-Type", "text/plain")
                .header("Content-Length", "13")
                .header("Content-MD5", "mQ/fVh815F3k6TAUm8m0eg==")
                .header("x-cos-acl", "private")
                .header("x-cos-grant-read", "uin=\"100000000011\"");
    }

    /** COS-2's request, without Authorization. */
    static TestRequest cos2(String path) {
        return TestRequest.of("GET", path + "?" + COS2_QUERY)
                .header("Date", "Thu, 16 May 2019 06:55:53 GMT")
                .header("Host", HOST);
    }

    @Nested
    class Vectors {
        @Test
        void cos1_putObject() {
            String headerList = "content-length;content-md5;content-type;date;host;x-cos-acl;x-cos-grant-read";
            TestRequest r = cos1();
            String httpString = CosHttpString.httpString("PUT", DECODED_OBJECT, "",
                    CosHttpString.join(CosHttpString.sorted(CosHttpString.headers(r, List.of(headerList.split(";"))))));
            assertThat(httpString).isEqualTo("put\n/exampleobject(腾讯云)\n\ncontent-length=13"
                    + "&content-md5=mQ%2FfVh815F3k6TAUm8m0eg%3D%3D&content-type=text%2Fplain"
                    + "&date=Thu%2C%2016%20May%202019%2006%3A45%3A51%20GMT"
                    + "&host=examplebucket-1250000000.cos.ap-beijing.myqcloud.com&x-cos-acl=private"
                    + "&x-cos-grant-read=uin%3D%22100000000011%22\n");
            assertThat(CosHttpString.stringToSign(T1, httpString))
                    .isEqualTo("sha1\n" + T1 + "\n8b2751e77f43a0995d6e9eb9477f4b685cca4172\n");
            assertThat(CosTestSupport.sign(T1, T1, httpString)).isEqualTo("3b8851a11a569213c17ba8fa7dcf2abec6935172");

            Authentication a = verify(r.header("Authorization",
                    authorization(T1, headerList, "", "3b8851a11a569213c17ba8fa7dcf2abec6935172")), BUCKET, T1_START);
            assertThat(a.scheme()).isEqualTo(AuthScheme.COS);
            assertThat(a.credential()).isEqualTo(CosTestSupport.CREDENTIAL);
            assertThat(a.payload()).isEqualTo(PayloadRequirement.none());
        }

        @Test
        void cos2_getObjectWithResponseOverrides() {
            TestRequest r = cos2(OBJECT);
            List<String[]> params = CosHttpString.parameters(r,
                    List.of("response-cache-control", "response-content-type"), CosAuthorization.Q_PARAMS, false);
            String httpString = CosHttpString.httpString("GET", DECODED_OBJECT,
                    CosHttpString.join(CosHttpString.sorted(params)),
                    CosHttpString.join(CosHttpString.headers(r, List.of("date", "host"))));
            assertThat(httpString).isEqualTo("get\n/exampleobject(腾讯云)\nresponse-cache-control=max-age%3D600"
                    + "&response-content-type=application%2Foctet-stream\n"
                    + "date=Thu%2C%2016%20May%202019%2006%3A55%3A53%20GMT"
                    + "&host=examplebucket-1250000000.cos.ap-beijing.myqcloud.com\n");
            assertThat(Sha1.hex(httpString)).isEqualTo("54ecfe22f59d3514fdc764b87a32d8133ea611e6");
            assertThat(verify(r.header("Authorization", authorization(T2, "date;host",
                    "response-cache-control;response-content-type", "01681b8c9d798a678e43b685a9f1bba0f6c0e012")),
                    BUCKET, T2_START).scheme()).isEqualTo(AuthScheme.COS);
        }

        @Test
        void cos3_putObjectAsTheSdkSignsIt() {
            TestRequest r = cos1().header("Authorization", authorization(T1,
                    "content-length;content-md5;content-type;host;x-cos-acl;x-cos-grant-read", "",
                    "fc4e4717b501da12715d5fc84a4880a87ad2b7ab"));
            assertThat(verify(r, BUCKET, T1_START).scheme()).isEqualTo(AuthScheme.COS);
            // Date is not signed here, so it may change; a signed header may not.
            assertThat(verify(r.replacing("Date", "Fri, 17 May 2019 00:00:00 GMT"), BUCKET, T1_START).scheme())
                    .isEqualTo(AuthScheme.COS);
            assertMismatch(r.replacing("x-cos-acl", "public-read"), BUCKET, T1_START);
        }

        @Test
        void cos4_getObjectAsTheSdkSignsIt() {
            TestRequest r = cos2(OBJECT).header("Authorization", authorization(T2, "host",
                    "response-cache-control;response-content-type", "cf18ded2f669fcafa4b98e02c2a3fdb2b2e55c43"));
            assertThat(verify(r, BUCKET, T2_START).scheme()).isEqualTo(AuthScheme.COS);
            assertThat(verify(r, BUCKET, 1557996953L).scheme()).isEqualTo(AuthScheme.COS); // last valid second
        }

        @Test
        void cos5_listObjectVersionsWithSecurityToken() {
            TestRequest r = TestRequest.of("GET", "/?prefix=example-folder%2F&delimiter=%2F&max-keys=10&versions")
                    .header("Host", "examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com")
                    .header("x-cos-security-token", "TOKEN123")
                    .header("Authorization", "q-sign-algorithm=sha1&q-ak=" + SECRET_ID
                            + "&q-sign-time=1700000000;1700003600&q-key-time=1700000000;1700003600"
                            + "&q-header-list=host;x-cos-security-token&q-url-param-list=delimiter;max-keys;prefix;versions"
                            + "&q-signature=896116c9e48b66327ddc330d8c5564b560b66bdf");
            String httpString = "get\n/\ndelimiter=%2F&max-keys=10&prefix=example-folder%2F&versions=\n"
                    + "host=examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com&x-cos-security-token=TOKEN123\n";
            assertThat(CosTestSupport.sign("1700000000;1700003600", "1700000000;1700003600", httpString))
                    .isEqualTo("896116c9e48b66327ddc330d8c5564b560b66bdf");
            assertThat(verify(r, BUCKET, 1700000000L).scheme()).isEqualTo(AuthScheme.COS);
            assertMismatch(r.replacing("x-cos-security-token", "OTHER"), BUCKET, 1700000000L);
        }
    }

    /** §4.4: the q-* fields as query parameters, or one {@code sign=} parameter. */
    @Nested
    class Presigned {
        static final String COS4_AUTH = authorization(T2, "host", "response-cache-control;response-content-type",
                "cf18ded2f669fcafa4b98e02c2a3fdb2b2e55c43");

        @Test
        void cos4AsEncodedQueryParameters() {
            TestRequest r = TestRequest.of("GET", OBJECT + "?" + COS2_QUERY + "&q-sign-algorithm=sha1&q-ak=" + SECRET_ID
                    + "&q-sign-time=1557989753%3B1557996953&q-key-time=1557989753%3B1557996953&q-header-list=host"
                    + "&q-url-param-list=response-cache-control%3Bresponse-content-type"
                    + "&q-signature=cf18ded2f669fcafa4b98e02c2a3fdb2b2e55c43")
                    .header("Host", HOST);
            Authentication a = verify(r, BUCKET, T2_START + 60);
            assertThat(a.scheme()).isEqualTo(AuthScheme.COS_PRESIGNED);
            assertThat(a.credential()).isEqualTo(CosTestSupport.CREDENTIAL);
        }

        @Test
        void cos4AsTheSdkAppendsItVerbatim() {
            // COSClient.generatePresignedUrl(signPrefixMode=false): "?" + authorization string, then parameters.
            TestRequest r = TestRequest.of("GET", OBJECT + "?" + COS4_AUTH + "&x-cos-security-token=TOK&"
                    + COS2_QUERY).header("Host", HOST);
            assertThat(verify(r, BUCKET, T2_START).scheme()).isEqualTo(AuthScheme.COS_PRESIGNED);
        }

        @Test
        void cos4AsTheSignParameter() {
            // signPrefixMode=true (the SDK default): "?sign=" + URL-encoded authorization string.
            String target = OBJECT + "?sign=" + PercentCodec.uriEncode(COS4_AUTH) + "&" + COS2_QUERY;
            TestRequest r = TestRequest.of("GET", target).header("Host", HOST);
            assertThat(verify(r, BUCKET, T2_START).scheme()).isEqualTo(AuthScheme.COS_PRESIGNED);
            assertThat(verify(TestRequest.of("GET", target + "&x-cos-security-token=TOK").header("Host", HOST),
                    BUCKET, T2_START).scheme()).isEqualTo(AuthScheme.COS_PRESIGNED);
            assertMismatch(TestRequest.of("GET", target.replace("max-age%3D600", "max-age%3D601")).header("Host", HOST),
                    BUCKET, T2_START);
        }

        @Test
        void constructedPutWithSignParameterOnly() {
            // [SELF] vector: PUT /photos/2024/cat picture.jpg, Content-Type and Host signed, no parameters.
            String httpString = "put\n/photos/2024/cat picture.jpg\n\ncontent-type=image%2Fjpeg"
                    + "&host=examplebucket-1250000000.cos.ap-beijing.myqcloud.com\n";
            assertThat(CosTestSupport.sign(T2, T2, httpString)).isEqualTo("3946597f5892f937c116948b9a701fbd41501ed6");
            String auth = authorization(T2, "content-type;host", "", "3946597f5892f937c116948b9a701fbd41501ed6");
            TestRequest r = TestRequest.of("PUT", "/photos/2024/cat%20picture.jpg?sign=" + PercentCodec.uriEncode(auth))
                    .header("Host", HOST)
                    .header("Content-Type", "image/jpeg")
                    .header("Content-Length", "5");
            assertThat(verify(r, BUCKET, T2_START).scheme()).isEqualTo(AuthScheme.COS_PRESIGNED);
            assertMismatch(r.replacing("Content-Type", "text/html"), BUCKET, T2_START);
        }

        @Test
        void authenticationParametersAreNeverSigned() {
            // Listing a q-* parameter (or sign) cannot be satisfied: they are excluded from HttpParameters.
            String httpString = "get\n/k\nq-ak=" + SECRET_ID + "\n\n";
            String sig = CosTestSupport.sign(T2, T2, httpString);
            TestRequest r = TestRequest.of("GET", "/k?q-sign-algorithm=sha1&q-ak=" + SECRET_ID + "&q-sign-time=" + T2
                    + "&q-key-time=" + T2 + "&q-header-list=&q-url-param-list=q-ak&q-signature=" + sig);
            assertMismatch(r, BUCKET, T2_START);
        }
    }

    @Nested
    class PathHandling {
        @Test
        void pathStyleTriesTheFullPathThenWithoutTheBucket() {
            // Signed like the SDK ("/" + key): matches once the bucket segment is removed.
            TestRequest sdk = cos2("/" + BUCKET + OBJECT).header("Authorization", authorization(T2, "host",
                    "response-cache-control;response-content-type", "cf18ded2f669fcafa4b98e02c2a3fdb2b2e55c43"));
            assertThat(verify(sdk, null, T2_START).scheme()).isEqualTo(AuthScheme.COS);
            // Signed over the path as sent, bucket included: matches first.
            String full = "get\n/" + BUCKET + DECODED_OBJECT + "\n\nhost=" + HOST + "\n";
            TestRequest asSent = TestRequest.of("GET", "/" + BUCKET + OBJECT).header("Host", HOST)
                    .header("Authorization", authorization(T2, "host", "", CosTestSupport.sign(T2, T2, full)));
            assertThat(verify(asSent, null, T2_START).scheme()).isEqualTo(AuthScheme.COS);
            // Virtual-hosted requests are never stripped.
            assertMismatch(sdk, BUCKET, T2_START);
        }

        @Test
        void bucketRootPathStyle() {
            String root = "get\n/\n\nhost=" + HOST + "\n";
            TestRequest r = TestRequest.of("GET", "/" + BUCKET).header("Host", HOST)
                    .header("Authorization", authorization(T2, "host", "", CosTestSupport.sign(T2, T2, root)));
            assertThat(verify(r, null, T2_START).scheme()).isEqualTo(AuthScheme.COS);
            assertThat(CosVerifier.paths(TestRequest.of("GET", "/" + BUCKET + "/"), null))
                    .containsExactly("/" + BUCKET + "/", "/");
            assertThat(CosVerifier.paths(TestRequest.of("GET", "/"), null)).containsExactly("/");
        }

        @Test
        void listedOrderIsAFallbackToSorting() {
            String unsorted = "get\n/k\n\nx-cos-b=2&host=" + HOST + "\n";
            TestRequest r = TestRequest.of("GET", "/k").header("Host", HOST).header("x-cos-b", "2")
                    .header("Authorization", authorization(T2, "x-cos-b;host", "", CosTestSupport.sign(T2, T2, unsorted)));
            assertThat(verify(r, BUCKET, T2_START).scheme()).isEqualTo(AuthScheme.COS);
        }

        @Test
        void plusInParameterValuesIsLiteralFirstThenASpace() {
            String plus = "get\n/k\nprefix=a%2Bb\n\n";
            String space = "get\n/k\nprefix=a%20b\n\n";
            for (String http : new String[] {plus, space}) {
                TestRequest r = TestRequest.of("GET", "/k?prefix=a+b")
                        .header("Authorization", authorization(T2, "", "prefix", CosTestSupport.sign(T2, T2, http)));
                assertThat(verify(r, BUCKET, T2_START).scheme()).isEqualTo(AuthScheme.COS);
            }
        }

        @Test
        void keysAreEncodedThenLowerCasedValuesTrimmedAndEncoded() {
            TestRequest r = TestRequest.of("GET", "/k?My%2FKey=%20%20x%20y%20&uploads")
                    .header("Authorization", authorization(T2, "", "my%2fkey;uploads",
                            CosTestSupport.sign(T2, T2, "get\n/k\nmy%2fkey=x%20y&uploads=\n\n")));
            assertThat(verify(r, BUCKET, T2_START).scheme()).isEqualTo(AuthScheme.COS);
        }
    }

    @Nested
    class Validity {
        private TestRequest cos4() {
            return cos2(OBJECT).header("Authorization", authorization(T2, "host",
                    "response-cache-control;response-content-type", "cf18ded2f669fcafa4b98e02c2a3fdb2b2e55c43"));
        }

        @Test
        void expiredAfterTheEnd() {
            S3Exception e = failure(cos4(), BUCKET, 1557996954L);
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.ACCESS_DENIED);
            assertThat(e.status()).isEqualTo(403);
            assertThat(e.getMessage()).isEqualTo("Request has expired");
        }

        @Test
        void startSlightlyAheadIsToleratedFarAheadIsSkew() {
            assertThat(verify(cos4(), BUCKET, T2_START - 900).scheme()).isEqualTo(AuthScheme.COS);
            S3Exception e = failure(cos4(), BUCKET, T2_START - 901);
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.REQUEST_TIME_TOO_SKEWED);
            assertThat(e.status()).isEqualTo(403);
            assertThat(e.details()).containsEntry("RequestTime", T2).containsKey("ServerTime");
        }

        @Test
        void keyTimeIsAlsoAWindow() {
            String http = "get\n/k\n\n\n";
            String sign = "1557989753;1557999999";
            String key = "1557989753;1557989800";
            TestRequest r = TestRequest.of("GET", "/k").header("Authorization", "q-sign-algorithm=sha1&q-ak="
                    + SECRET_ID + "&q-sign-time=" + sign + "&q-key-time=" + key
                    + "&q-header-list=&q-url-param-list=&q-signature=" + CosTestSupport.sign(key, sign, http));
            assertThat(verify(r, BUCKET, 1557989800L).scheme()).isEqualTo(AuthScheme.COS);
            assertThat(failure(r, BUCKET, 1557989801L).getMessage()).isEqualTo("Request has expired");
        }

        @Test
        void hostMustBeSignedWhenConfigured() {
            String http = "get\n/k\n\n\n";
            TestRequest r = TestRequest.of("GET", "/k").header("Host", HOST)
                    .header("Authorization", authorization(T2, "", "", CosTestSupport.sign(T2, T2, http)));
            assertThat(verify(r, BUCKET, T2_START).scheme()).isEqualTo(AuthScheme.COS);
            CosVerifier strict = new CosVerifier(CosTestSupport.store(), CosTestSupport.clockAt(T2_START), true);
            S3Exception e = CosTestSupport.failure(() -> strict.verify(r, BUCKET, "any"));
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.ACCESS_DENIED);
            assertThat(strict.verify(cos4(), BUCKET, "any").scheme()).isEqualTo(AuthScheme.COS);
        }
    }

    @Nested
    class Errors {
        @Test
        void malformedAuthorization() {
            for (String header : new String[] {
                "q-sign-algorithm=sha1",
                "q-sign-algorithm=sha1&q-ak=" + SECRET_ID + "&q-sign-time=" + T2 + "&q-key-time=" + T2,
                authorization(T2, "host", "", "ab").replace("q-ak=" + SECRET_ID, "q-ak="),
                authorization("1557989753", "host", "", "ab"),
                authorization("1557996953;1557989753", "host", "", "ab"),
                authorization("a;b", "host", "", "ab"),
                authorization(T2, "host", "", "ab") + "&q-ak=again",
                authorization(T2, "host", "", "ab").replace("&q-header-list", "&q-header-list-without-value&x"),
                authorization(T2, "host", "", "ab").replace("q-sign-algorithm=sha1", "q-sign-algorithm=sha256"),
                authorization(T2, "host", "", "ab").replace("q-sign-algorithm=sha1", "q-sign-algorithm=SHA1"),
            }) {
                S3Exception e = failure(TestRequest.of("GET", "/k").header("Authorization", header), BUCKET, T2_START);
                assertThat(e.errorCode()).as(header).isEqualTo(S3ErrorCode.ACCESS_DENIED);
                assertThat(e.status()).isEqualTo(403);
            }
        }

        @Test
        void unknownSecretId() {
            TestRequest r = TestRequest.of("GET", "/k").header("Authorization",
                    authorization(T2, "", "", "ab").replace(SECRET_ID, "AKIDNOPE"));
            S3Exception e = failure(r, BUCKET, T2_START);
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.INVALID_ACCESS_KEY_ID);
            assertThat(e.details()).containsEntry("AWSAccessKeyId", "AKIDNOPE");
        }

        @Test
        void listedNamesMustBePresent() {
            TestRequest r = cos2(OBJECT).header("Authorization", authorization(T2, "host;x-cos-acl",
                    "response-cache-control;response-content-type", "cf18ded2f669fcafa4b98e02c2a3fdb2b2e55c43"));
            assertMismatch(r, BUCKET, T2_START);
            assertMismatch(cos2(OBJECT).header("Authorization", authorization(T2, "host",
                    "response-cache-control;response-content-type;versionid",
                    "cf18ded2f669fcafa4b98e02c2a3fdb2b2e55c43")), BUCKET, T2_START);
            // Authorization itself can never be signed.
            assertMismatch(cos2(OBJECT).header("Authorization", authorization(T2, "authorization;host",
                    "response-cache-control;response-content-type", "cf18ded2f669fcafa4b98e02c2a3fdb2b2e55c43")),
                    BUCKET, T2_START);
        }

        @Test
        void mismatchCarriesStringToSignAndFormatString() {
            TestRequest r = TestRequest.of("GET", "/k").header("Authorization", authorization(T2, "", "", "0".repeat(40)));
            S3Exception e = failure(r, BUCKET, T2_START);
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH);
            assertThat(e.details())
                    .containsEntry("AWSAccessKeyId", SECRET_ID)
                    .containsEntry("FormatString", "get\n/k\n\n\n")
                    .containsEntry("StringToSign", "sha1\n" + T2 + "\n" + Sha1.hex("get\n/k\n\n\n") + "\n");
        }

        @Test
        void nonHexSignatureIsAMismatch() {
            assertMismatch(TestRequest.of("GET", "/k").header("Authorization", authorization(T2, "", "", "xyz")),
                    BUCKET, T2_START);
        }

        @Test
        void uploadsMustBeSignedExactly() {
            String withUploads = "post\n/k\nuploads=\n\n";
            String without = "post\n/k\n\n\n";
            TestRequest ok = TestRequest.of("POST", "/k?uploads").header("Authorization",
                    authorization(T2, "", "uploads", CosTestSupport.sign(T2, T2, withUploads)));
            assertThat(verify(ok, BUCKET, T2_START).scheme()).isEqualTo(AuthScheme.COS);
            // Signature over uploads, URL without it.
            assertMismatch(TestRequest.of("POST", "/k").header("Authorization",
                    authorization(T2, "", "uploads", CosTestSupport.sign(T2, T2, withUploads))), BUCKET, T2_START);
            // URL with uploads, signature without it (the client's list decides: not listed, not signed).
            assertThat(verify(TestRequest.of("POST", "/k?uploads").header("Authorization",
                    authorization(T2, "", "", CosTestSupport.sign(T2, T2, without))), BUCKET, T2_START).scheme())
                    .isEqualTo(AuthScheme.COS);
            // Misspelt on either side, or spelt differently.
            assertMismatch(TestRequest.of("POST", "/k?upload").header("Authorization",
                    authorization(T2, "", "uploads", CosTestSupport.sign(T2, T2, withUploads))), BUCKET, T2_START);
            assertMismatch(TestRequest.of("POST", "/k?uploads").header("Authorization",
                    authorization(T2, "", "upload", CosTestSupport.sign(T2, T2, "post\n/k\nupload=\n\n"))),
                    BUCKET, T2_START);
            assertMismatch(TestRequest.of("POST", "/k?uploads").header("Authorization",
                    authorization(T2, "", "uploads", CosTestSupport.sign(T2, T2, "post\n/k\nupload=\n\n"))),
                    BUCKET, T2_START);
        }

        @Test
        void noCosSignatureAtAll() {
            S3Exception e = failure(TestRequest.of("GET", "/k?sign=nope"), BUCKET, T2_START);
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.ACCESS_DENIED);
        }
    }
}
