package dev.rosetta.protocol.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rosetta.protocol.Operation;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.http.QueryString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RoutingTableTest {

    private static final RoutingTable TABLE = RoutingTable.s3();

    private static Operation route(String method, Target target, String rawQuery) {
        return route(method, target, rawQuery, false);
    }

    private static Operation route(String method, Target target, String rawQuery, boolean copySource) {
        return TABLE.resolve(new RouteInput(method, target, QueryString.parse(rawQuery), copySource));
    }

    private static S3Exception failure(String method, Target target, String rawQuery) {
        S3Exception e = catchThrowableOfType(S3Exception.class, () -> route(method, target, rawQuery));
        assertThat(e).as("%s %s ?%s must fail", method, target, rawQuery).isNotNull();
        return e;
    }

    @Test
    void s3ReturnsTheSameTable() {
        assertThat(RoutingTable.s3()).isSameAs(TABLE);
    }

    /** Every rule of the table, reached with the query a real SDK sends. */
    @ParameterizedTest(name = "{0} {1} ?{2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "GET    | SERVICE | NULL                                   | LIST_BUCKETS",
            "GET    | SERVICE | x-id=ListBuckets                       | LIST_BUCKETS",
            "GET    | SERVICE | max-buckets=10&prefix=a                | LIST_BUCKETS",
            "HEAD   | SERVICE | apiversion                             | OBS_API_VERSION",
            "HEAD   | BUCKET  | apiversion                             | OBS_API_VERSION",
            "PUT    | BUCKET  | NULL                                   | CREATE_BUCKET",
            "HEAD   | BUCKET  | NULL                                   | HEAD_BUCKET",
            "DELETE | BUCKET  | NULL                                   | DELETE_BUCKET",
            "GET    | BUCKET  | NULL                                   | LIST_OBJECTS",
            "GET    | BUCKET  | prefix=a%2F&delimiter=%2F&marker=m&max-keys=5&encoding-type=url | LIST_OBJECTS",
            "GET    | BUCKET  | list-type=1                            | LIST_OBJECTS",
            "GET    | BUCKET  | list-type                              | LIST_OBJECTS",
            "GET    | BUCKET  | list-type=2                            | LIST_OBJECTS_V2",
            "GET    | BUCKET  | list-type=2&continuation-token=abc&start-after=a&fetch-owner=true | LIST_OBJECTS_V2",
            "GET    | BUCKET  | prefix=&list-type=2&max-keys=1000      | LIST_OBJECTS_V2",
            "POST   | BUCKET  | NULL                                   | POST_OBJECT",
            "GET    | BUCKET  | versions                               | LIST_OBJECT_VERSIONS",
            "GET    | BUCKET  | versions&key-marker=k&version-id-marker=v | LIST_OBJECT_VERSIONS",
            "GET    | BUCKET  | location                               | GET_BUCKET_LOCATION",
            "GET    | BUCKET  | location=                              | GET_BUCKET_LOCATION",
            "GET    | BUCKET  | uploads                                | LIST_MULTIPART_UPLOADS",
            "GET    | BUCKET  | uploads&prefix=p&delimiter=%2F&max-uploads=3&key-marker=k&upload-id-marker=u&encoding-type=url | LIST_MULTIPART_UPLOADS",
            "POST   | BUCKET  | delete                                 | DELETE_OBJECTS",
            "GET    | BUCKET  | acl                                    | GET_BUCKET_ACL",
            "PUT    | BUCKET  | acl                                    | PUT_BUCKET_ACL",
            "GET    | BUCKET  | versioning                             | GET_BUCKET_VERSIONING",
            "PUT    | BUCKET  | versioning                             | PUT_BUCKET_VERSIONING",
            "GET    | BUCKET  | tagging                                | GET_BUCKET_TAGGING",
            "PUT    | BUCKET  | tagging                                | PUT_BUCKET_TAGGING",
            "DELETE | BUCKET  | tagging                                | DELETE_BUCKET_TAGGING",
            "GET    | BUCKET  | lifecycle                              | GET_BUCKET_LIFECYCLE",
            "PUT    | BUCKET  | lifecycle                              | PUT_BUCKET_LIFECYCLE",
            "DELETE | BUCKET  | lifecycle                              | DELETE_BUCKET_LIFECYCLE",
            "GET    | BUCKET  | object-lock                            | GET_OBJECT_LOCK_CONFIGURATION",
            "PUT    | BUCKET  | object-lock                            | PUT_OBJECT_LOCK_CONFIGURATION",
            "GET    | BUCKET  | policy                                 | GET_BUCKET_POLICY",
            "PUT    | BUCKET  | policy                                 | PUT_BUCKET_POLICY",
            "DELETE | BUCKET  | policy                                 | DELETE_BUCKET_POLICY",
            "GET    | BUCKET  | cors                                   | GET_BUCKET_CORS",
            "PUT    | BUCKET  | cors                                   | PUT_BUCKET_CORS",
            "DELETE | BUCKET  | cors                                   | DELETE_BUCKET_CORS",
            "GET    | BUCKET  | encryption                             | GET_BUCKET_ENCRYPTION",
            "PUT    | BUCKET  | encryption                             | PUT_BUCKET_ENCRYPTION",
            "DELETE | BUCKET  | encryption                             | DELETE_BUCKET_ENCRYPTION",
            "PUT    | OBJECT  | NULL                                   | PUT_OBJECT",
            "GET    | OBJECT  | NULL                                   | GET_OBJECT",
            "HEAD   | OBJECT  | NULL                                   | HEAD_OBJECT",
            "DELETE | OBJECT  | NULL                                   | DELETE_OBJECT",
            "DELETE | OBJECT  | versionId=3HL4kqtJlcpXroDTDmJ%2BrmSpXd3dIbrHY | DELETE_OBJECT",
            "POST   | OBJECT  | uploads                                | INITIATE_MULTIPART_UPLOAD",
            "POST   | OBJECT  | uploads=                               | INITIATE_MULTIPART_UPLOAD",
            "PUT    | OBJECT  | partNumber=1&uploadId=abc              | UPLOAD_PART",
            "PUT    | OBJECT  | uploadId=abc&partNumber=10000          | UPLOAD_PART",
            "POST   | OBJECT  | uploadId=abc                           | COMPLETE_MULTIPART_UPLOAD",
            "DELETE | OBJECT  | uploadId=abc                           | ABORT_MULTIPART_UPLOAD",
            "GET    | OBJECT  | uploadId=abc                           | LIST_PARTS",
            "GET    | OBJECT  | uploadId=abc&max-parts=10&part-number-marker=2 | LIST_PARTS",
            "GET    | OBJECT  | acl                                    | GET_OBJECT_ACL",
            "GET    | OBJECT  | acl&versionId=v1                       | GET_OBJECT_ACL",
            "PUT    | OBJECT  | acl                                    | PUT_OBJECT_ACL",
            "GET    | OBJECT  | tagging                                | GET_OBJECT_TAGGING",
            "PUT    | OBJECT  | tagging                                | PUT_OBJECT_TAGGING",
            "DELETE | OBJECT  | tagging                                | DELETE_OBJECT_TAGGING",
            "GET    | OBJECT  | retention                              | GET_OBJECT_RETENTION",
            "PUT    | OBJECT  | retention                              | PUT_OBJECT_RETENTION",
            "GET    | OBJECT  | legal-hold                             | GET_OBJECT_LEGAL_HOLD",
            "PUT    | OBJECT  | legal-hold                             | PUT_OBJECT_LEGAL_HOLD",
            "GET    | OBJECT  | attributes                             | GET_OBJECT_ATTRIBUTES",
            "POST   | OBJECT  | restore                                | RESTORE_OBJECT",
            "POST   | OBJECT  | select&select-type=2                   | SELECT_OBJECT_CONTENT",
    })
    void routesEveryS3Operation(String method, Target target, String query, Operation expected) {
        assertThat(route(method, target, query)).isEqualTo(expected);
    }

    @Test
    void putWithCopySourceIsCopyObject() {
        assertThat(route("PUT", Target.OBJECT, null, true)).isEqualTo(Operation.COPY_OBJECT);
        assertThat(route("PUT", Target.OBJECT, null, false)).isEqualTo(Operation.PUT_OBJECT);
        assertThat(route("PUT", Target.OBJECT, "x-id=CopyObject", true)).isEqualTo(Operation.COPY_OBJECT);
    }

    @Test
    void uploadPartWithCopySourceIsUploadPartCopy() {
        assertThat(route("PUT", Target.OBJECT, "partNumber=2&uploadId=u", true)).isEqualTo(Operation.UPLOAD_PART_COPY);
        assertThat(route("PUT", Target.OBJECT, "partNumber=2&uploadId=u", false)).isEqualTo(Operation.UPLOAD_PART);
    }

    @Test
    void copySourceDoesNotChangeOtherOperations() {
        assertThat(route("GET", Target.OBJECT, null, true)).isEqualTo(Operation.GET_OBJECT);
        assertThat(route("PUT", Target.OBJECT, "tagging", true)).isEqualTo(Operation.PUT_OBJECT_TAGGING);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "versionId=3HL4kqtJlcpXroDTDmJ%2BrmSpXd3dIbrHY",
            "partNumber=3",
            "versionId=v&partNumber=1",
            "response-content-type=text%2Fplain&response-content-disposition=attachment%3B%20filename%3Dx",
            "response-cache-control=no-cache&response-expires=Thu%2C%2001%20Dec%201994%2016%3A00%3A00%20GMT"
                    + "&response-content-language=en&response-content-encoding=gzip",
            "versionId=",
            "x-id=GetObject",
            "x-id=GetObject&versionId=v&partNumber=2&response-content-type=a%2Fb",
    })
    void getObjectModifiersStillRouteToGetObject(String query) {
        assertThat(route("GET", Target.OBJECT, query)).isEqualTo(Operation.GET_OBJECT);
        assertThat(route("HEAD", Target.OBJECT, query)).isEqualTo(Operation.HEAD_OBJECT);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "PUT  | OBJECT | x-id=PutObject                                  | PUT_OBJECT",
            "POST | OBJECT | uploads&x-id=CreateMultipartUpload              | INITIATE_MULTIPART_UPLOAD",
            "PUT  | OBJECT | x-id=UploadPart&partNumber=1&uploadId=u         | UPLOAD_PART",
            "POST | OBJECT | uploadId=u&x-id=CompleteMultipartUpload         | COMPLETE_MULTIPART_UPLOAD",
            "DELETE | OBJECT | x-id=AbortMultipartUpload&uploadId=u          | ABORT_MULTIPART_UPLOAD",
            "GET  | OBJECT | x-id=ListParts&uploadId=u                       | LIST_PARTS",
            "POST | BUCKET | delete&x-id=DeleteObjects                       | DELETE_OBJECTS",
            "GET  | BUCKET | list-type=2&x-id=ListObjectsV2                  | LIST_OBJECTS_V2",
            "PUT  | OBJECT | tagging&x-id=PutObjectTagging                   | PUT_OBJECT_TAGGING",
            "DELETE | BUCKET | x-id=DeleteBucket                             | DELETE_BUCKET",
    })
    void awsSdkXIdParameterIsIgnored(String method, Target target, String query, Operation expected) {
        assertThat(route(method, target, query)).isEqualTo(expected);
    }

    @Test
    void bareXIdIsIgnoredToo() {
        assertThat(route("GET", Target.OBJECT, "x-id")).isEqualTo(Operation.GET_OBJECT);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // SigV4 presigned
            "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3"
                    + "%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host"
                    + "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404",
            "X-Amz-Security-Token=&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=abc",
            "x-amz-security-token",
            // SigV2 presigned
            "AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Expires=1141889120&Signature=vjbyPxybdZaNmGa%2ByT272YEAiv4%3D",
            // OBS presigned
            "AccessKeyId=AK&Expires=1141889120&Signature=abc%3D",
            // COS presigned
            "q-sign-algorithm=sha1&q-ak=AKID&q-sign-time=1;2&q-key-time=1;2&q-header-list=host&q-url-param-list="
                    + "&q-signature=abc",
            "sign=q-sign-algorithm%3Dsha1",
            // WOS presigned
            "X-Wos-Algorithm=WOS-HMAC-SHA256&X-Wos-Signature=abc",
    })
    void presignParametersAreIgnored(String query) {
        assertThat(route("GET", Target.OBJECT, query)).isEqualTo(Operation.GET_OBJECT);
        assertThat(route("PUT", Target.OBJECT, query)).isEqualTo(Operation.PUT_OBJECT);
        assertThat(route("GET", Target.BUCKET, query)).isEqualTo(Operation.LIST_OBJECTS);
        assertThat(route("POST", Target.OBJECT, "uploads&" + query)).isEqualTo(Operation.INITIATE_MULTIPART_UPLOAD);
    }

    @Test
    void presignParametersWithVendorHeaderPrefixesAreIgnoredEvenWhenBare() {
        for (String q : new String[] {"x-amz-date", "X-Obs-Date", "x-cos-meta-a", "x-wos-x", "q-ak"}) {
            assertThat(route("GET", Target.OBJECT, q)).as(q).isEqualTo(Operation.GET_OBJECT);
        }
    }

    @Test
    void unknownParameterWithAValueIsIgnored() {
        assertThat(route("GET", Target.BUCKET, "foo=bar")).isEqualTo(Operation.LIST_OBJECTS);
        assertThat(route("GET", Target.OBJECT, "cachebuster=12345")).isEqualTo(Operation.GET_OBJECT);
    }

    @ParameterizedTest
    @CsvSource({
            "GET, BUCKET, foo, foo",
            "GET, OBJECT, nonsense, nonsense",
            "PUT, OBJECT, bogus=, bogus",
            "GET, SERVICE, frob, frob",
            "GET, BUCKET, ACL, ACL",
    })
    void unknownBareSubResourceIsNotImplemented(String method, Target target, String query, String name) {
        S3Exception e = failure(method, target, query);
        assertThat(e.errorCode()).isEqualTo(S3ErrorCode.NOT_IMPLEMENTED);
        assertThat(e.status()).isEqualTo(501);
        assertThat(e.details()).containsEntry("SubResource", name);
    }

    @ParameterizedTest
    @CsvSource({
            "GET, BUCKET, website",
            "PUT, BUCKET, logging",
            "GET, BUCKET, notification",
            "PUT, BUCKET, replication",
            "GET, BUCKET, requestPayment",
            "GET, BUCKET, publicAccessBlock",
            "GET, OBJECT, torrent",
            "GET, SERVICE, acl",
            "GET, BUCKET, retention",
            "POST, BUCKET, restore",
            "GET, OBJECT, versions",
            "GET, OBJECT, location",
            "PUT, OBJECT, append&position=0",
            "POST, OBJECT, x-oss-process",
    })
    void knownButUnroutedSubResourceIsNotImplemented(String method, Target target, String query) {
        S3Exception e = failure(method, target, query);
        assertThat(e.errorCode()).isEqualTo(S3ErrorCode.NOT_IMPLEMENTED);
        assertThat(e.status()).isEqualTo(501);
        assertThat(e.details()).containsEntry("SubResource", query.split("&")[0]);
    }

    @ParameterizedTest
    @CsvSource({
            "DELETE, BUCKET, location, LOCATION",
            "PUT,    BUCKET, location, LOCATION",
            "POST,   BUCKET, acl,      ACL",
            "DELETE, BUCKET, versioning, VERSIONING",
            "GET,    BUCKET, delete,   DELETE",
            "PUT,    BUCKET, uploads,  UPLOADS",
            "DELETE, OBJECT, acl,      ACL",
            "PUT,    OBJECT, uploads,  UPLOADS",
            "GET,    OBJECT, uploads,  UPLOADS",
            "HEAD,   OBJECT, uploadId=u, UPLOADID",
            "POST,   OBJECT, ,         OBJECT",
            "PUT,    SERVICE, ,        SERVICE",
            "DELETE, SERVICE, ,        SERVICE",
            "GET,    OBJECT, restore,  RESTORE",
    })
    void wrongMethodOnKnownResourceIsMethodNotAllowed(String method, Target target, String query,
                                                      String resourceType) {
        S3Exception e = failure(method, target, query);
        assertThat(e.errorCode()).isEqualTo(S3ErrorCode.METHOD_NOT_ALLOWED);
        assertThat(e.status()).isEqualTo(405);
        assertThat(e.details()).containsEntry("Method", method).containsEntry("ResourceType", resourceType);
    }

    @ParameterizedTest
    @CsvSource({
            "PATCH, OBJECT, ",
            "PATCH, BUCKET, ",
            "PATCH, OBJECT, acl",
            "OPTIONS, BUCKET, ",
            "TRACE, SERVICE, ",
    })
    void nonS3MethodIsNotImplemented(String method, Target target, String query) {
        S3Exception e = failure(method, target, query);
        assertThat(e.errorCode()).isEqualTo(S3ErrorCode.NOT_IMPLEMENTED);
        assertThat(e.status()).isEqualTo(501);
        assertThat(e.details()).containsEntry("Method", method);
    }

    @ParameterizedTest
    @ValueSource(strings = {"acl&tagging", "uploads&uploadId=u", "tagging=&versioning", "uploadId=u&partNumber=1&acl",
            "acl&frob"})
    void twoSelectorsAreInvalidRequest(String query) {
        S3Exception e = failure("GET", Target.OBJECT, query);
        assertThat(e.errorCode()).isEqualTo(S3ErrorCode.INVALID_REQUEST);
        assertThat(e.status()).isEqualTo(400);
    }

    @Test
    void theSameSelectorRepeatedIsNotAConflict() {
        assertThat(route("GET", Target.BUCKET, "acl&acl=")).isEqualTo(Operation.GET_BUCKET_ACL);
    }

    @Test
    void uploadPartWithoutPartNumberIsInvalidRequest() {
        S3Exception e = failure("PUT", Target.OBJECT, "uploadId=abc");
        assertThat(e.errorCode()).isEqualTo(S3ErrorCode.INVALID_REQUEST);
        assertThat(e.status()).isEqualTo(400);

        S3Exception copy = catchThrowableOfType(S3Exception.class,
                () -> route("PUT", Target.OBJECT, "uploadId=abc", true));
        assertThat(copy).isNotNull();
        assertThat(copy.errorCode()).isEqualTo(S3ErrorCode.INVALID_REQUEST);
    }
}
