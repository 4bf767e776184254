package dev.rosetta.storage.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rosetta.protocol.model.AccessControl;
import dev.rosetta.protocol.model.BucketEncryption;
import dev.rosetta.protocol.model.CannedAcl;
import dev.rosetta.protocol.model.Grant;
import dev.rosetta.protocol.model.Grant.Permission;
import dev.rosetta.protocol.model.ObjectHeaders;
import dev.rosetta.protocol.model.Owner;
import dev.rosetta.storage.BucketRecord;
import dev.rosetta.storage.MultipartUpload;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bucket ACLs (tag 7 of bucket records), default encryption (tag 10), and object ACLs with OBS's delivered flags. */
class AclCodecTest {
    static final Owner ALICE = new Owner("a1b2c3", "alice");
    static final BucketRecord PLAIN = new BucketRecord("b", ALICE, Instant.ofEpochMilli(7), null, "OBS");

    static BucketRecord roundTrip(BucketRecord r) {
        return BucketRecordCodec.INSTANCE.decode(BucketRecordCodec.INSTANCE.encode(r));
    }

    @Test
    void bucketDefaultEncryptionRoundTripsBesideTheAcl() {
        BucketRecord kms = PLAIN.withAcl(AccessControl.of(CannedAcl.PUBLIC_READ))
                .withEncryption(new BucketEncryption("aws:kms", "key-1", true));
        assertThat(roundTrip(kms)).isEqualTo(kms);
        BucketRecord aes = PLAIN.withEncryption(new BucketEncryption("AES256", null, null));
        assertThat(roundTrip(aes)).isEqualTo(aes);
        assertThat(roundTrip(aes.withEncryption(null))).isEqualTo(PLAIN);
        assertThat(roundTrip(kms.withAcl(null)).encryption()).isEqualTo(kms.encryption());
    }

    @Test
    void bucketAclsRoundTrip() {
        for (AccessControl acl : List.of(
                AccessControl.of(CannedAcl.PUBLIC_READ),
                AccessControl.of(CannedAcl.PUBLIC_READ_WRITE_DELIVERED),
                new AccessControl(null, List.of(
                        Grant.user("d1", Permission.READ).withDelivered(true),
                        Grant.group(Grant.ALL_USERS, Permission.WRITE),
                        Grant.user("d2", Permission.FULL_CONTROL))))) {
            BucketRecord r = PLAIN.withAcl(acl);
            BucketRecord back = roundTrip(r);
            assertThat(back).isEqualTo(r);
            assertThat(back.accessControl()).isEqualTo(acl);
        }
    }

    @Test
    void aDefaultAclIsStoredAsNoneAndEncodesAsBefore() {
        assertThat(PLAIN.withAcl(AccessControl.DEFAULT).acl()).isNull();
        assertThat(PLAIN.withAcl(AccessControl.DEFAULT)).isEqualTo(PLAIN);
        assertThat(BucketRecordCodec.INSTANCE.encode(PLAIN.withAcl(AccessControl.DEFAULT)))
                .isEqualTo(BucketRecordCodec.INSTANCE.encode(PLAIN));
        assertThat(roundTrip(PLAIN).accessControl()).isSameAs(AccessControl.DEFAULT);
    }

    @Test
    void otherSettingsKeepTheAcl() {
        BucketRecord r = PLAIN.withAcl(AccessControl.of(CannedAcl.AUTHENTICATED_READ));
        assertThat(r.withLifecycle(null).acl()).isEqualTo(r.acl());
        assertThat(r.withObjectLock(null).acl()).isEqualTo(r.acl());
        assertThat(r.withDefaultStorageClass(null).acl()).isEqualTo(r.acl());
    }

    @Test
    void objectAclWithDeliveredAndCosDefaultRoundTrip() {
        for (AccessControl acl : List.of(
                new AccessControl(null, List.of(Grant.group(Grant.ALL_USERS, Permission.READ)), true),
                AccessControl.of(CannedAcl.DEFAULT))) {
            ObjectHeaders h = ObjectHeaders.defaults().withAcl(acl);
            MultipartUpload u = new MultipartUpload("b", "k", "ID", Instant.EPOCH, ALICE, ALICE, "COS", h);
            MultipartUpload back = MultipartUploadCodec.INSTANCE.decode(MultipartUploadCodec.INSTANCE.encode(u));
            assertThat(back.headers().acl()).isEqualTo(acl);
            assertThat(back.headers().acl().inheritsBucket()).isTrue();
        }
    }
}
