package dev.rosetta.server.access;

import static dev.rosetta.server.access.AccessEvaluator.bucketAllows;
import static dev.rosetta.server.access.AccessEvaluator.objectAllows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.model.AccessControl;
import dev.rosetta.protocol.model.CannedAcl;
import dev.rosetta.protocol.model.Grant;
import dev.rosetta.protocol.model.Grant.Permission;
import dev.rosetta.protocol.model.ObjectHeaders;
import dev.rosetta.protocol.model.Owner;
import dev.rosetta.storage.BucketRecord;
import dev.rosetta.storage.ObjectBody;
import dev.rosetta.storage.ObjectRecord;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessEvaluatorTest {
    static final Owner ALICE = new Owner("alice-id", "alice");
    static final Owner BOB = new Owner("bob-id", "bob");
    static final Owner CAROL = new Owner("carol-id", "carol");

    static BucketRecord bucket(AccessControl acl) {
        return new BucketRecord("b", ALICE, Instant.EPOCH, null, "AWS").withAcl(acl);
    }

    static ObjectRecord object(Owner owner, AccessControl acl) {
        return new ObjectRecord("b", "k", 0, "d41d8cd98f00b204e9800998ecf8427e", Instant.EPOCH, owner, "AWS",
                ObjectHeaders.defaults().withAcl(acl), null, null, ObjectBody.Inline.EMPTY, null);
    }

    @Test
    void privateBucketIsItsOwners() {
        BucketRecord b = bucket(AccessControl.DEFAULT);
        for (Permission p : Permission.values()) {
            assertThat(bucketAllows(ALICE, b, p)).isTrue();
            assertThat(bucketAllows(BOB, b, p)).isFalse();
            assertThat(bucketAllows(null, b, p)).isFalse();
        }
    }

    @Test
    void cannedBucketAcls() {
        BucketRecord publicRead = bucket(AccessControl.of(CannedAcl.PUBLIC_READ));
        assertThat(bucketAllows(null, publicRead, Permission.READ)).isTrue();
        assertThat(bucketAllows(null, publicRead, Permission.WRITE)).isFalse();
        assertThat(bucketAllows(BOB, publicRead, Permission.READ_ACP)).isFalse();
        BucketRecord publicWrite = bucket(AccessControl.of(CannedAcl.PUBLIC_READ_WRITE));
        assertThat(bucketAllows(null, publicWrite, Permission.WRITE)).isTrue();
        BucketRecord authenticated = bucket(AccessControl.of(CannedAcl.AUTHENTICATED_READ));
        assertThat(bucketAllows(BOB, authenticated, Permission.READ)).isTrue();
        assertThat(bucketAllows(null, authenticated, Permission.READ)).isFalse();
        BucketRecord logs = bucket(AccessControl.of(CannedAcl.LOG_DELIVERY_WRITE));
        assertThat(bucketAllows(BOB, logs, Permission.WRITE)).isFalse();
        assertThat(bucketAllows(null, logs, Permission.WRITE)).isFalse();
    }

    @Test
    void explicitGrantsReplaceTheOwnersButNotItsAcpRights() {
        BucketRecord b = bucket(new AccessControl(null, List.of(Grant.user(BOB.id(), Permission.WRITE))));
        assertThat(bucketAllows(BOB, b, Permission.WRITE)).isTrue();
        assertThat(bucketAllows(BOB, b, Permission.READ)).isFalse();
        assertThat(bucketAllows(ALICE, b, Permission.READ)).isFalse();
        assertThat(bucketAllows(ALICE, b, Permission.READ_ACP)).isTrue();
        assertThat(bucketAllows(ALICE, b, Permission.WRITE_ACP)).isTrue();
        BucketRecord full = bucket(new AccessControl(null, List.of(Grant.user(BOB.id(), Permission.FULL_CONTROL))));
        for (Permission p : Permission.values()) {
            assertThat(bucketAllows(BOB, full, p)).isTrue();
        }
    }

    @Test
    void theBucketOwnerControlsEveryObjectAndTheWriterItsAcl() {
        BucketRecord b = bucket(AccessControl.DEFAULT);
        ObjectRecord bobs = object(BOB, new AccessControl(null, List.of(Grant.user(CAROL.id(), Permission.READ))));
        for (Permission p : Permission.values()) {
            assertThat(objectAllows(ALICE, b, bobs, p)).isTrue();
        }
        assertThat(objectAllows(BOB, b, bobs, Permission.READ)).isFalse();
        assertThat(objectAllows(BOB, b, bobs, Permission.WRITE_ACP)).isTrue();
        assertThat(objectAllows(CAROL, b, bobs, Permission.READ)).isTrue();
        assertThat(objectAllows(CAROL, b, bobs, Permission.READ_ACP)).isFalse();
        assertThat(AccessEvaluator.objectControlled(BOB, b, bobs)).isTrue();
        assertThat(AccessEvaluator.objectControlled(CAROL, b, bobs)).isFalse();
    }

    @Test
    void publicObjectsInAPrivateBucket() {
        BucketRecord b = bucket(AccessControl.DEFAULT);
        assertThat(objectAllows(null, b, object(ALICE, AccessControl.of(CannedAcl.PUBLIC_READ)), Permission.READ))
                .isTrue();
        assertThat(objectAllows(null, b, object(ALICE, AccessControl.DEFAULT), Permission.READ)).isFalse();
        assertThat(objectAllows(BOB, b, object(ALICE, AccessControl.of(CannedAcl.AUTHENTICATED_READ)),
                Permission.READ)).isTrue();
    }

    @Test
    void aPublicBucketDoesNotOpenItsObjectsUnlessDeliveredOrInherited() {
        BucketRecord publicRead = bucket(AccessControl.of(CannedAcl.PUBLIC_READ));
        assertThat(objectAllows(null, publicRead, object(ALICE, AccessControl.DEFAULT), Permission.READ)).isFalse();
        assertThat(objectAllows(null, publicRead, object(ALICE, AccessControl.of(CannedAcl.DEFAULT)),
                Permission.READ)).isTrue();
        assertThat(objectAllows(null, publicRead, object(ALICE, new AccessControl(null, List.of(), true)),
                Permission.READ)).isTrue();
        BucketRecord delivered = bucket(AccessControl.of(CannedAcl.PUBLIC_READ_DELIVERED));
        assertThat(objectAllows(null, delivered, object(ALICE, AccessControl.DEFAULT), Permission.READ)).isTrue();
        assertThat(objectAllows(null, delivered, object(ALICE, AccessControl.DEFAULT), Permission.READ_ACP))
                .isFalse();
        BucketRecord grant = bucket(new AccessControl(null, List.of(
                Grant.user(BOB.id(), Permission.FULL_CONTROL).withDelivered(true))));
        assertThat(objectAllows(BOB, grant, object(ALICE, AccessControl.DEFAULT), Permission.WRITE_ACP)).isTrue();
        BucketRecord writable = bucket(AccessControl.of(CannedAcl.PUBLIC_READ_WRITE));
        assertThat(objectAllows(null, writable, object(ALICE, AccessControl.of(CannedAcl.DEFAULT)),
                Permission.WRITE)).isFalse();
    }

    @Test
    void bucketOwnerCannedAclsOnObjects() {
        BucketRecord b = bucket(AccessControl.DEFAULT);
        List<Grant> read = AccessEvaluator.grants(AccessControl.of(CannedAcl.BUCKET_OWNER_READ), BOB, ALICE);
        assertThat(read).containsExactly(Grant.user(BOB.id(), Permission.FULL_CONTROL),
                Grant.user(ALICE.id(), Permission.READ));
        assertThat(AccessEvaluator.grants(AccessControl.of(CannedAcl.BUCKET_OWNER_FULL_CONTROL), ALICE, ALICE))
                .containsExactly(Grant.user(ALICE.id(), Permission.FULL_CONTROL));
        assertThat(objectAllows(BOB, b, object(BOB, AccessControl.of(CannedAcl.BUCKET_OWNER_READ)), Permission.READ))
                .isTrue();
    }

    @Test
    void granteesMustBeKnownAccounts() {
        Accounts accounts = Accounts.of(List.of(ALICE, BOB));
        accounts.checkGrantees(new AccessControl(null, List.of(Grant.user(BOB.id(), Permission.READ),
                Grant.group(Grant.ALL_USERS, Permission.READ))));
        S3Exception unknown = catchThrowableOfType(S3Exception.class, () -> accounts.checkGrantees(
                new AccessControl(null, List.of(Grant.user("nobody", Permission.READ)))));
        assertThat(unknown.errorCode()).isEqualTo(S3ErrorCode.INVALID_ARGUMENT);
        S3Exception email = catchThrowableOfType(S3Exception.class, () -> Accounts.UNKNOWN.checkGrantees(
                new AccessControl(null, List.of(new Grant(Permission.READ, Grant.GranteeType.EMAIL, "a@b")))));
        assertThat(email.errorCode()).isEqualTo(S3ErrorCode.UNRESOLVABLE_GRANT_BY_EMAIL_ADDRESS);
        Accounts.UNKNOWN.checkGrantees(new AccessControl(null, List.of(Grant.user("anyone", Permission.READ))));
    }
}
