package dev.rosetta.protocol.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rosetta.protocol.http.QueryString;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubResourcesTest {

    private static QueryString.Param param(String raw) {
        return QueryString.parse(raw).params().get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"acl", "uploads", "uploadId", "tagging", "versioning", "versions", "location", "delete",
            "lifecycle", "object-lock", "policy", "cors", "encryption", "retention", "legal-hold", "attributes",
            "restore", "select", "website", "logging", "apiversion", "x-oss-process"})
    void knownSelectorsAreSelectors(String name) {
        assertThat(SubResources.isSelector(name)).isTrue();
        assertThat(SubResources.selects(param(name))).isTrue();
        assertThat(SubResources.selects(param(name + "="))).isTrue();
        assertThat(SubResources.selects(param(name + "=some-value"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"prefix", "delimiter", "partNumber", "versionId", "list-type", "max-keys", "x-id",
            "Expires", "Signature", "AWSAccessKeyId", "encoding-type", "foo", "ACL", "Uploads"})
    void otherNamesAreNotSelectors(String name) {
        assertThat(SubResources.isSelector(name)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"prefix", "delimiter=", "partNumber", "versionId=", "x-id", "Signature", "AWSAccessKeyId=",
            "response-content-type", "response-expires=", "X-Amz-Security-Token", "x-amz-date=", "X-Obs-Date",
            "x-cos-foo=", "X-Wos-Algorithm", "q-ak", "sign"})
    void ordinaryAuthAndResponseParametersNeverSelect(String raw) {
        assertThat(SubResources.selects(param(raw))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"foo=bar", "cachebuster=1", "X-Amz-Algorithm=AWS4-HMAC-SHA256", "whatever=%20"})
    void unknownParametersWithAValueNeverSelect(String raw) {
        assertThat(SubResources.selects(param(raw))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"foo", "foo=", "x", "xy"})
    void unknownBareParametersSelect(String raw) {
        assertThat(SubResources.selects(param(raw))).isTrue();
    }
}
