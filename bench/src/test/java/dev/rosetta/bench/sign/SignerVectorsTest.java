package dev.rosetta.bench.sign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rosetta.bench.sign.SignableRequest.Param;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The load generator's signers against the published vectors of dialects.md §1.3, §2.10, §3.5, §4.3, §5.2. */
class SignerVectorsTest {
    static final String AK = "AKIAIOSFODNN7EXAMPLE";
    static final String SK = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    static String signatureOf(SignableRequest r) {
        String auth = r.header("Authorization");
        return auth.substring(auth.indexOf("Signature=") + "Signature=".length());
    }

    @Nested
    class AwsV2 {
        final V2Signer signer = new V2Signer(V2Signer.Flavour.AWS, AK, SK);

        String sign(SignableRequest r) {
            signer.sign(r, 0);
            return r.header("Authorization");
        }

        @Test
        void v2_1_getObject() {
            SignableRequest r = new SignableRequest("GET", "/awsexamplebucket1/photos/puppy.jpg")
                    .header("Date", "Tue, 27 Mar 2007 19:36:42 +0000");
            assertThat(signer.stringToSign(r))
                    .isEqualTo("GET\n\n\nTue, 27 Mar 2007 19:36:42 +0000\n/awsexamplebucket1/photos/puppy.jpg");
            assertThat(sign(r)).isEqualTo("AWS " + AK + ":qgk2+6Sv9/oM7G3qLEjTH1a1l1g=");
        }

        @Test
        void v2_3_putWithContentType() {
            SignableRequest r = new SignableRequest("PUT", "/awsexamplebucket1/photos/puppy.jpg")
                    .header("Content-Type", "image/jpeg")
                    .header("Date", "Tue, 27 Mar 2007 21:15:45 +0000");
            assertThat(sign(r)).isEqualTo("AWS " + AK + ":iqRzw+ileNPu1fhspnRs8nOjjIA=");
        }

        @Test
        void v2_4_listIgnoresNonSubResources() {
            SignableRequest r = new SignableRequest("GET", "/awsexamplebucket1/",
                    List.of(new Param("prefix", "photos"), new Param("max-keys", "50"), new Param("marker", "puppy")))
                    .header("Date", "Tue, 27 Mar 2007 19:42:41 +0000");
            assertThat(sign(r)).isEqualTo("AWS " + AK + ":m0WP8eCtspQl5Ahe6L1SozdX9YA=");
        }

        @Test
        void v2_5_acl() {
            SignableRequest r = new SignableRequest("GET", "/awsexamplebucket1/", List.of(new Param("acl", null)))
                    .header("Date", "Tue, 27 Mar 2007 19:44:46 +0000");
            assertThat(sign(r)).isEqualTo("AWS " + AK + ":82ZHiFIjc+WbcwFKGUVEQspPn+0=");
        }

        @Test
        void v2_6_amzHeadersAndMd5() {
            SignableRequest r = new SignableRequest("PUT", "/static.awsexamplebucket1.net/db-backup.dat.gz")
                    .header("User-Agent", "curl/7.15.5")
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
                    .header("Content-Length", "5913339");
            assertThat(sign(r)).isEqualTo("AWS " + AK + ":dKZcB+bz2EPXgSdXZp9ozGeOM4I=");
        }

        @Test
        void v2_7_listBuckets() {
            SignableRequest r = new SignableRequest("GET", "/").header("Date", "Wed, 28 Mar 2007 01:29:59 +0000");
            assertThat(sign(r)).isEqualTo("AWS " + AK + ":qGdzdERIC03wnaRNKh6OqZehG9s=");
        }

        @Test
        void v2_8_rawPathAsSent() {
            SignableRequest r = new SignableRequest("GET", "/dictionary/fran%C3%A7ais/pr%c3%a9f%c3%a8re")
                    .header("Date", "Wed, 28 Mar 2007 01:49:49 +0000");
            assertThat(sign(r)).isEqualTo("AWS " + AK + ":DNEZGsoieTZ92F3bUfSPQcbGmlM=");
        }

        @Test
        void v2_9_amzDateEmptiesTheDatePosition() {
            SignableRequest r = new SignableRequest("DELETE", "/awsexamplebucket1/photos/puppy.jpg")
                    .header("x-amz-date", "Tue, 27 Mar 2007 21:20:26 +0000");
            assertThat(sign(r)).isEqualTo("AWS " + AK + ":Ri1hpB1zpS9pGqR7y8kuNFCl4sE=");
            assertThat(r.header("Date")).isNull();
        }

        @Test
        void v2_10_subResourcesSortedAndDecoded() {
            SignableRequest r = new SignableRequest("GET", "/examplebucket/my%20key.txt", List.of(
                    new Param("versionId", "3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY+MTRCxf3vjVBH40Nrjfkd"),
                    new Param("prefix", "ignored"),
                    new Param("response-content-type", "text/plain"),
                    new Param("acl", null)))
                    .header("x-amz-date", "Fri, 24 May 2013 00:00:00 GMT");
            assertThat(signer.stringToSign(r)).isEqualTo("GET\n\n\n\nx-amz-date:Fri, 24 May 2013 00:00:00 GMT\n"
                    + "/examplebucket/my%20key.txt?acl&response-content-type=text/plain"
                    + "&versionId=3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY+MTRCxf3vjVBH40Nrjfkd");
            assertThat(sign(r)).isEqualTo("AWS " + AK + ":0BBHOW+sBX63hUbGvnMNzIjOQAo=");
        }

        @Test
        void addsAnRfc1123DateWhenThereIsNone() {
            SignableRequest r = new SignableRequest("GET", "/b/k");
            signer.sign(r, 1_175_139_620_000L);
            assertThat(r.header("Date")).isEqualTo("Thu, 29 Mar 2007 03:40:20 GMT");
        }
    }

    @Nested
    class AwsV4 {
        final V4Signer signer = new V4Signer(V4Signer.Flavour.AWS, AK, SK, "us-east-1");

        SignableRequest get(String path, List<Param> query) {
            return new SignableRequest("GET", path, query)
                    .header("Host", "examplebucket.s3.amazonaws.com")
                    .header("x-amz-date", "20130524T000000Z")
                    .header("x-amz-content-sha256", Crypto.EMPTY_SHA256);
        }

        @Test
        void signingKey() {
            assertThat(Crypto.hex(signer.signingKey("20130524")))
                    .isEqualTo("dbb893acc010964918f1fd433add87c70e8b0db6be30c1fbeafefa5ec6ba8378");
        }

        @Test
        void v4_1_getObjectWithRange() {
            SignableRequest r = new SignableRequest("GET", "/test.txt")
                    .header("Host", "examplebucket.s3.amazonaws.com")
                    .header("Range", "bytes=0-9")
                    .header("x-amz-content-sha256", Crypto.EMPTY_SHA256)
                    .header("x-amz-date", "20130524T000000Z");
            signer.sign(r, 0);
            assertThat(r.header("Authorization")).isEqualTo("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/"
                    + "us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, "
                    + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
        }

        @Test
        void v4_2_putObject() {
            SignableRequest r = new SignableRequest("PUT", "/test%24file.text")
                    .header("Date", "Fri, 24 May 2013 00:00:00 GMT")
                    .header("Host", "examplebucket.s3.amazonaws.com")
                    .header("x-amz-date", "20130524T000000Z")
                    .header("x-amz-storage-class", "REDUCED_REDUNDANCY")
                    .payloadSha256("44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072");
            signer.sign(r, 0);
            assertThat(signatureOf(r)).isEqualTo("98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd");
            assertThat(r.header("x-amz-content-sha256"))
                    .isEqualTo("44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072");
        }

        @Test
        void v4_3_lifecycle() {
            SignableRequest r = get("/", List.of(new Param("lifecycle", null)));
            signer.sign(r, 0);
            assertThat(signatureOf(r)).isEqualTo("fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543");
        }

        @Test
        void v4_4_listObjects() {
            SignableRequest r = get("/", List.of(new Param("max-keys", "2"), new Param("prefix", "J")));
            signer.sign(r, 0);
            assertThat(signatureOf(r)).isEqualTo("34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7");
        }

        @Test
        void v4_6_encodingAndTrimming() {
            V4Signer cn = new V4Signer(V4Signer.Flavour.AWS, AK, SK, "cn-north-4");
            SignableRequest r = new SignableRequest("GET",
                    "/my-bucket/photos/2024/" + Percent.encode("üml aut+(1).txt"), List.of(
                    new Param("response-content-disposition", "attachment; filename=\"a b.txt\""),
                    new Param("versionId", "v~1*"),
                    new Param("acl", null)))
                    .header("Host", "127.0.0.1:9000")
                    .header("Content-Type", "text/plain")
                    .header("X-Amz-Meta-Note", "   two   spaces   ")
                    .header("x-amz-date", "20240102T030405Z");
            assertThat(r.rawPath()).isEqualTo("/my-bucket/photos/2024/%C3%BCml%20aut%2B%281%29.txt");
            cn.sign(r, 0);
            assertThat(r.header("x-amz-content-sha256")).isEqualTo("UNSIGNED-PAYLOAD");
            assertThat(signatureOf(r)).isEqualTo("64f7bb1528a70394f62542055e667b029a2b25931a528e9b71baea15664253ca");
        }

        @Test
        void v4_7_streamingSeed() {
            SignableRequest r = new SignableRequest("PUT", "/examplebucket/chunkObject.txt")
                    .header("Host", "s3.amazonaws.com")
                    .header("x-amz-date", "20130524T000000Z")
                    .header("x-amz-storage-class", "REDUCED_REDUNDANCY")
                    .header("x-amz-content-sha256", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD")
                    .header("Content-Encoding", "aws-chunked")
                    .header("x-amz-decoded-content-length", "66560")
                    .header("Content-Length", "66824");
            signer.sign(r, 0);
            assertThat(signatureOf(r)).isEqualTo("4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9");
        }

        @Test
        void addsDateAndUnsignedPayloadWhenAbsent() {
            SignableRequest r = new SignableRequest("GET", "/b/k").header("Host", "h");
            signer.sign(r, 1_369_353_600_000L); // 2013-05-24T00:00:00Z
            assertThat(r.header("x-amz-date")).isEqualTo("20130524T000000Z");
            assertThat(r.header("x-amz-content-sha256")).isEqualTo("UNSIGNED-PAYLOAD");
            assertThat(r.header("Authorization")).contains("SignedHeaders=host;x-amz-content-sha256;x-amz-date,");
        }
    }

    @Nested
    class Obs {
        final String obsAk = "OBSAK";
        final V2Signer signer = new V2Signer(V2Signer.Flavour.OBS, obsAk, "SECRETKEYEXAMPLE0123456789abcdefghijklmn");

        @Test
        void obs_1_nativeHeaders() {
            SignableRequest r = new SignableRequest("PUT", "/examplebucket/photos/cat%20picture.jpg", List.of(
                    new Param("uploadId", "00000171F5C4C2E14E8A1A4C"),
                    new Param("partNumber", "3"),
                    new Param("x-obs-security-token", "TOKEN"),
                    new Param("prefix", "notsigned")))
                    .header("Date", "Tue, 15 Oct 2019 07:20:09 GMT")
                    .header("Content-Type", "text/plain")
                    .header("Content-MD5", "I5pU0r4+sgO9Emgl1KMQUg==")
                    .header("x-obs-acl", "public-read")
                    .header("x-obs-meta-Color", "blue")
                    .header("x-obs-storage-class", "WARM");
            assertThat(signer.stringToSign(r)).isEqualTo("PUT\nI5pU0r4+sgO9Emgl1KMQUg==\ntext/plain\n"
                    + "Tue, 15 Oct 2019 07:20:09 GMT\nx-obs-acl:public-read\nx-obs-meta-color:blue\n"
                    + "x-obs-storage-class:WARM\n/examplebucket/photos/cat%20picture.jpg?partNumber=3"
                    + "&uploadId=00000171F5C4C2E14E8A1A4C&x-obs-security-token=TOKEN");
            signer.sign(r, 0);
            assertThat(r.header("Authorization")).isEqualTo("OBS " + obsAk + ":Cbk5ThS5PVFUEcnVSAYodmbrJUk=");
        }

        @Test
        void obs_2_stringToSignWithExpiresInTheDatePosition() {
            // the presigned vector's StringToSign, produced through the header form with the Date position set
            SignableRequest r = new SignableRequest("GET", "/examplebucket/objectkey",
                    List.of(new Param("response-content-disposition", "attachment")))
                    .header("Date", "1532779451");
            signer.sign(r, 0);
            assertThat(r.header("Authorization")).endsWith(":XL1fGTlz4cEdsEFEGYl4asjIgOE=");
        }

        @Test
        void obs_3_v2ModeIsPlainAwsV2() {
            V2Signer v2 = new V2Signer(V2Signer.Flavour.AWS, obsAk, "SECRETKEYEXAMPLE0123456789abcdefghijklmn");
            SignableRequest r = new SignableRequest("PUT", "/examplebucket/", List.of(new Param("acl", null)))
                    .header("Date", "Tue, 15 Oct 2019 07:20:09 GMT")
                    .header("x-amz-acl", "private");
            v2.sign(r, 0);
            assertThat(r.header("Authorization")).isEqualTo("AWS " + obsAk + ":4dZbqT+BiIYBzkmRIdcjoEzlvuQ=");
        }
    }

    @Nested
    class Cos {
        final CosSigner signer = new CosSigner("AKIDQjz3ltompVjBni5LitkWHFlFpwkn9U5q", "BQYIM75p8x0iWVFSIgqEKwFprpRSVHlz",
                3600);
        final String path = "/exampleobject(%E8%85%BE%E8%AE%AF%E4%BA%91)";

        SignableRequest cos1(boolean withDate) {
            SignableRequest r = new SignableRequest("PUT", path);
            if (withDate) {
                r.header("Date", "Thu, 16 May 2019 06:45:51 GMT");
            }
            return r.header("Host", "examplebucket-1250000000.cos.ap-beijing.myqcloud.com")
                    .header("Content-Type", "text/plain")
                    .header("Content-Length", "13")
                    .header("Content-MD5", "mQ/fVh815F3k6TAUm8m0eg==")
                    .header("x-cos-acl", "private")
                    .header("x-cos-grant-read", "uin=\"100000000011\"");
        }

        static String qSignature(String authorization) {
            return authorization.substring(authorization.indexOf("q-signature=") + "q-signature=".length());
        }

        @Test
        void cos_1_putObject() {
            SignableRequest r = cos1(true);
            StringBuilder params = new StringBuilder();
            StringBuilder headers = new StringBuilder();
            assertThat(signer.httpString(r, params, headers)).isEqualTo("put\n/exampleobject(腾讯云)\n\n"
                    + "content-length=13&content-md5=mQ%2FfVh815F3k6TAUm8m0eg%3D%3D&content-type=text%2Fplain"
                    + "&date=Thu%2C%2016%20May%202019%2006%3A45%3A51%20GMT"
                    + "&host=examplebucket-1250000000.cos.ap-beijing.myqcloud.com&x-cos-acl=private"
                    + "&x-cos-grant-read=uin%3D%22100000000011%22\n");
            assertThat(headers).hasToString("content-length;content-md5;content-type;date;host;x-cos-acl;x-cos-grant-read");
            assertThat(params).hasToString("");
            assertThat(qSignature(signer.authorization(r, "1557989151;1557996351")))
                    .isEqualTo("3b8851a11a569213c17ba8fa7dcf2abec6935172");
        }

        @Test
        void cos_2_getWithResponseOverrides() {
            SignableRequest r = new SignableRequest("GET", path, List.of(
                    new Param("response-content-type", "application/octet-stream"),
                    new Param("response-cache-control", "max-age=600")))
                    .header("Date", "Thu, 16 May 2019 06:55:53 GMT")
                    .header("Host", "examplebucket-1250000000.cos.ap-beijing.myqcloud.com");
            assertThat(qSignature(signer.authorization(r, "1557989753;1557996953")))
                    .isEqualTo("01681b8c9d798a678e43b685a9f1bba0f6c0e012");
        }

        @Test
        void cos_3_sdkFormWithoutDate() {
            assertThat(qSignature(signer.authorization(cos1(false), "1557989151;1557996351")))
                    .isEqualTo("fc4e4717b501da12715d5fc84a4880a87ad2b7ab");
        }

        @Test
        void cos_4_sdkGet() {
            SignableRequest r = new SignableRequest("GET", path, List.of(
                    new Param("response-content-type", "application/octet-stream"),
                    new Param("response-cache-control", "max-age=600")))
                    .header("Host", "examplebucket-1250000000.cos.ap-beijing.myqcloud.com");
            assertThat(qSignature(signer.authorization(r, "1557989753;1557996953")))
                    .isEqualTo("cf18ded2f669fcafa4b98e02c2a3fdb2b2e55c43");
        }

        @Test
        void cos_5_listWithToken() {
            SignableRequest r = new SignableRequest("GET", "/", List.of(
                    new Param("prefix", "example-folder/"), new Param("delimiter", "/"), new Param("max-keys", "10"),
                    new Param("versions", null)))
                    .header("Host", "examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com")
                    .header("x-cos-security-token", "TOKEN123");
            assertThat(signer.authorization(r, "1700000000;1700003600")).isEqualTo("q-sign-algorithm=sha1"
                    + "&q-ak=AKIDQjz3ltompVjBni5LitkWHFlFpwkn9U5q&q-sign-time=1700000000;1700003600"
                    + "&q-key-time=1700000000;1700003600&q-header-list=host;x-cos-security-token"
                    + "&q-url-param-list=delimiter;max-keys;prefix;versions"
                    + "&q-signature=896116c9e48b66327ddc330d8c5564b560b66bdf");
        }

        @Test
        void windowStartsAMinuteBackAndIsReused() {
            SignableRequest a = new SignableRequest("GET", "/b/k").header("Host", "h");
            SignableRequest b = new SignableRequest("GET", "/b/k").header("Host", "h");
            signer.sign(a, 1_700_000_060_000L);
            signer.sign(b, 1_700_000_900_000L);
            assertThat(a.header("Authorization")).contains("q-sign-time=1700000000;1700003600");
            assertThat(b.header("Authorization")).isEqualTo(a.header("Authorization"));
        }
    }

    @Nested
    class Wos {
        final V4Signer signer = new V4Signer(V4Signer.Flavour.WOS, "2cd1baf7681435ce4a298e9df3eb36958e725394",
                "968d43bc594af8622923d0681ddc367b35a8b23b", "cn-south-1");

        SignableRequest delete(String contentSha256) {
            return new SignableRequest("DELETE", "/mine-type.mp4")
                    .header("Host", "wcstest-r9-private.s3-cn-south-1.wcsapi.com")
                    .header("x-wos-content-sha256", contentSha256)
                    .header("x-wos-date", "20201103T104419Z");
        }

        @Test
        void wos_1_doc() {
            SignableRequest r = delete(Crypto.EMPTY_SHA256);
            signer.sign(r, 0);
            assertThat(r.header("Authorization")).isEqualTo("WOS-HMAC-SHA256 Credential="
                    + "2cd1baf7681435ce4a298e9df3eb36958e725394/20201103/cn-south-1/wos/wos_request, "
                    + "SignedHeaders=host;x-wos-content-sha256;x-wos-date, "
                    + "Signature=0243fe336dc075f95add64c5fe980ae6fd0446b243e0f301e4ad75d32d96dc6a");
        }

        @Test
        void wos_2_sdkUnsignedPayload() {
            SignableRequest r = delete("UNSIGNED-PAYLOAD");
            signer.sign(r, 0);
            assertThat(signatureOf(r)).isEqualTo("59331d560f96e460cc9989c72bc142a27a1a586b946f0738d4c9eabb930bb6f6");
        }

        @Test
        void addsWosHeaders() {
            SignableRequest r = new SignableRequest("GET", "/b/k").header("Host", "h");
            signer.sign(r, 1_604_400_259_000L);
            assertThat(r.header("x-wos-date")).isEqualTo("20201103T104419Z");
            assertThat(r.header("x-wos-content-sha256")).isEqualTo("UNSIGNED-PAYLOAD");
            assertThat(r.header("x-amz-date")).isNull();
        }
    }

    @Test
    void percentEncoding() {
        assertThat(Percent.encode("a b/c~*")).isEqualTo("a%20b%2Fc~%2A");
        assertThat(Percent.encodePath("/a b/c")).isEqualTo("/a%20b/c");
        assertThat(Percent.decode("/exampleobject(%E8%85%BE%E8%AE%AF%E4%BA%91)+%zz")).isEqualTo("/exampleobject(腾讯云)+%zz");
    }
}
