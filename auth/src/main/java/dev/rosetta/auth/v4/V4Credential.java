package dev.rosetta.auth.v4;

/**
 * A V4 credential {@code <AK>/<yyyymmdd>/<region>/<service>/<terminator>}, as in the Authorization
 * header's {@code Credential=} component and the {@code X-Amz-Credential} query parameter. The last
 * four fields are split from the right, so an access key may itself contain '/'.
 */
public record V4Credential(String accessKey, V4Scope scope) {

    /** The parsed credential, or null when it does not have five non-empty fields. */
    public static V4Credential parse(String credential) {
        if (credential == null) {
            return null;
        }
        int[] slashes = new int[4];
        int found = 0;
        for (int i = credential.length() - 1; i >= 0 && found < 4; i--) {
            if (credential.charAt(i) == '/') {
                slashes[found++] = i;
            }
        }
        if (found < 4) {
            return null;
        }
        String accessKey = credential.substring(0, slashes[3]);
        String date = credential.substring(slashes[3] + 1, slashes[2]);
        String region = credential.substring(slashes[2] + 1, slashes[1]);
        String service = credential.substring(slashes[1] + 1, slashes[0]);
        String terminator = credential.substring(slashes[0] + 1);
        if (accessKey.isEmpty() || date.isEmpty() || region.isEmpty() || service.isEmpty() || terminator.isEmpty()) {
            return null;
        }
        return new V4Credential(accessKey, new V4Scope(date, region, service, terminator));
    }
}
