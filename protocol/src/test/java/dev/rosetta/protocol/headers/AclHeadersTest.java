package dev.rosetta.protocol.headers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rosetta.protocol.dialect.Dialect;
import dev.rosetta.protocol.dialect.HeaderFamily;
import dev.rosetta.protocol.dialect.WireStyle;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.headers.AclHeaders.Target;
import dev.rosetta.protocol.model.AccessControl;
import dev.rosetta.protocol.model.CannedAcl;
import dev.rosetta.protocol.model.Grant;
import dev.rosetta.protocol.model.Grant.Permission;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AclHeadersTest {
    static final Dialect OBS = new Dialect("OBS", HeaderFamily.OBS, WireStyle.AWS);
    static final Dialect COS = new Dialect("COS", HeaderFamily.COS, WireStyle.AWS);
    static final Dialect WOS = new Dialect("WOS", HeaderFamily.WOS, WireStyle.AWS);
    static final String ID = "0f3e6ac3c3e4e2f5b7e4a0b9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9";

    static FakeRequestHead head() {
        return new FakeRequestHead();
    }

    static S3Exception failure(FakeRequestHead head, Dialect dialect, Target target) {
        S3Exception e = catchThrowableOfType(S3Exception.class, () -> AclHeaders.read(head, dialect, target));
        assertThat(e).as("expected the ACL headers to be refused").isNotNull();
        return e;
    }

    @Test
    void noHeadersAreTheDefault() {
        assertThat(AclHeaders.read(head(), Dialect.AWS, Target.BUCKET)).isSameAs(AccessControl.DEFAULT);
        assertThat(AclHeaders.present(head(), Dialect.AWS, Target.BUCKET)).isFalse();
        // another family's headers are not this request's
        assertThat(AclHeaders.present(head().header("x-obs-acl", "public-read"), Dialect.AWS, Target.OBJECT)).isFalse();
        assertThat(AclHeaders.present(head().header("x-amz-grant-read", "id=a"), Dialect.AWS, Target.OBJECT)).isTrue();
    }

    @Nested
    class Aws {
        @ParameterizedTest
        @ValueSource(strings = {"private", "public-read", "public-read-write", "authenticated-read", "aws-exec-read",
                "bucket-owner-read", "bucket-owner-full-control", "log-delivery-write"})
        void everyS3CannedAclOnBucketsAndObjects(String value) {
            for (Target t : Target.values()) {
                AccessControl acl = AclHeaders.read(head().header("x-amz-acl", value), Dialect.AWS, t);
                assertThat(acl.canned().headerValue()).isEqualTo(value);
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {"default", "public-read-delivered", "public-read-write-delivered", "Public-Read", "x"})
        void otherVendorsNamesAreInvalidArgument(String value) {
            S3Exception e = failure(head().header("x-amz-acl", value), Dialect.AWS, Target.OBJECT);
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.INVALID_ARGUMENT);
            assertThat(e.details()).containsEntry("ArgumentName", "x-amz-acl").containsEntry("ArgumentValue", value);
        }

        @Test
        void grantsWithEveryGranteeType() {
            AccessControl acl = AclHeaders.read(head()
                    .header("x-amz-grant-read", "uri=\"http://acs.amazonaws.com/groups/global/AllUsers\", id=\"" + ID + "\"")
                    .header("x-amz-grant-write", "uri=http://acs.amazonaws.com/groups/s3/LogDelivery")
                    .header("x-amz-grant-full-control", "emailAddress=\"a@example.com\""), Dialect.AWS, Target.BUCKET);
            assertThat(acl.canned()).isNull();
            assertThat(acl.grants()).containsExactly(
                    Grant.group(Grant.ALL_USERS, Permission.READ),
                    Grant.user(ID, Permission.READ),
                    Grant.group(Grant.LOG_DELIVERY, Permission.WRITE),
                    new Grant(Permission.FULL_CONTROL, Grant.GranteeType.EMAIL, "a@example.com"));
        }

        @Test
        void unknownGroupIsInvalidArgument() {
            S3Exception e = failure(head().header("x-amz-grant-read", "uri=\"http://acs.amazonaws.com/groups/x\""),
                    Dialect.AWS, Target.OBJECT);
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.INVALID_ARGUMENT);
            assertThat(e.details()).containsEntry("ArgumentName", "x-amz-grant-read");
        }

        @Test
        void cosUinIsNotAnAwsGranteeType() {
            assertThat(failure(head().header("x-amz-grant-read", "uin=\"1\""), Dialect.AWS, Target.OBJECT).errorCode())
                    .isEqualTo(S3ErrorCode.INVALID_ARGUMENT);
        }

        @Test
        void cannedWithGrantsIsInvalidRequest() {
            S3Exception e = failure(head().header("x-amz-acl", "private").header("x-amz-grant-read", "id=" + ID),
                    Dialect.AWS, Target.BUCKET);
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.INVALID_REQUEST);
        }
    }

    @Nested
    class Obs {
        @ParameterizedTest
        @CsvSource({"public-read-delivered, PUBLIC_READ_DELIVERED",
                "public-read-write-delivered, PUBLIC_READ_WRITE_DELIVERED", "private, PRIVATE",
                "bucket-owner-full-control, BUCKET_OWNER_FULL_CONTROL"})
        void bucketCannedAcls(String value, CannedAcl canned) {
            assertThat(AclHeaders.read(head().header("x-obs-acl", value), OBS, Target.BUCKET).canned())
                    .isEqualTo(canned);
            assertThat(AclHeaders.read(head().header("x-wos-acl", value), WOS, Target.BUCKET).canned())
                    .isEqualTo(canned);
        }

        @ParameterizedTest
        @ValueSource(strings = {"public-read-delivered", "authenticated-read", "log-delivery-write", "default"})
        void objectsAndS3OnlyNamesAreInvalidArgument(String value) {
            S3Exception e = failure(head().header("x-obs-acl", value), OBS, Target.OBJECT);
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.INVALID_ARGUMENT);
            assertThat(e.details()).containsEntry("ArgumentName", "x-obs-acl");
        }

        @Test
        void domainIdListsInEitherCaseAndDeliveredGrants() {
            AccessControl acl = AclHeaders.read(head()
                    .header("x-obs-grant-read", "ID=domain1,id=domain2")
                    .header("x-obs-grant-full-control-delivered", "id=domain3")
                    .header("x-obs-grant-read-delivered", "id=\"domain4\""), OBS, Target.BUCKET);
            assertThat(acl.grants()).containsExactly(
                    Grant.user("domain1", Permission.READ),
                    Grant.user("domain2", Permission.READ),
                    Grant.user("domain4", Permission.READ).withDelivered(true),
                    Grant.user("domain3", Permission.FULL_CONTROL).withDelivered(true));
        }

        @Test
        void deliveredGrantHeadersAreNoObjectHeaders() {
            assertThat(AclHeaders.present(head().header("x-obs-grant-read-delivered", "id=a"), OBS, Target.OBJECT))
                    .isFalse();
            assertThat(AclHeaders.read(head().header("x-obs-grant-read-delivered", "id=a"), OBS, Target.OBJECT)
                    .isDefault()).isTrue();
        }

        @Test
        void onlyIdGrantees() {
            assertThat(failure(head().header("x-obs-grant-read", "uri=http://acs.amazonaws.com/groups/global/AllUsers"),
                    OBS, Target.OBJECT).errorCode()).isEqualTo(S3ErrorCode.INVALID_ARGUMENT);
            assertThat(failure(head().header("x-wos-grant-read", "emailAddress=a@b"), WOS, Target.OBJECT).errorCode())
                    .isEqualTo(S3ErrorCode.INVALID_ARGUMENT);
        }
    }

    @Nested
    class Cos {
        @Test
        void defaultIsForObjectsOnly() {
            AccessControl acl = AclHeaders.read(head().header("x-cos-acl", "default"), COS, Target.OBJECT);
            assertThat(acl.canned()).isEqualTo(CannedAcl.DEFAULT);
            assertThat(acl.inheritsBucket()).isTrue();
            assertThat(failure(head().header("x-cos-acl", "default"), COS, Target.BUCKET).errorCode())
                    .isEqualTo(S3ErrorCode.INVALID_ARGUMENT);
            assertThat(failure(head().header("x-cos-acl", "bucket-owner-read"), COS, Target.BUCKET).errorCode())
                    .isEqualTo(S3ErrorCode.INVALID_ARGUMENT);
        }

        @Test
        void uinCamAndUriGrantees() {
            AccessControl acl = AclHeaders.read(head()
                    .header("x-cos-grant-read", "id=\"100000000001\",uin=\"100000000002\"")
                    .header("x-cos-grant-full-control", "id=\"qcs::cam::uin/100000000001:uin/100000000011\"")
                    .header("x-cos-grant-write", "uri=\"http://cam.qcloud.com/groups/global/AllUsers\"")
                    .header("x-cos-grant-read-acp", "id=\"qcs::cam::anyone:anyone\""), COS, Target.BUCKET);
            assertThat(acl.grants()).containsExactly(
                    Grant.user("100000000001", Permission.READ),
                    Grant.user("100000000002", Permission.READ),
                    Grant.group(Grant.ALL_USERS, Permission.WRITE),
                    Grant.group(Grant.ALL_USERS, Permission.READ_ACP),
                    Grant.user("100000000011", Permission.FULL_CONTROL));
        }

        @Test
        void camRootAloneIsTheRootsUin() {
            assertThat(AclHeaders.read(head().header("x-cos-grant-read", "id=\"qcs::cam::uin/42\""), COS,
                    Target.OBJECT).grants()).containsExactly(Grant.user("42", Permission.READ));
        }

        @Test
        void emailIsNoCosGranteeType() {
            assertThat(failure(head().header("x-cos-grant-read", "emailAddress=\"a@b\""), COS, Target.OBJECT)
                    .errorCode()).isEqualTo(S3ErrorCode.INVALID_ARGUMENT);
        }
    }
}
