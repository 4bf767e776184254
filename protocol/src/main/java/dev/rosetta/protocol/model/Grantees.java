package dev.rosetta.protocol.model;

import dev.rosetta.protocol.dialect.HeaderFamily;
import java.util.Locale;

/**
 * Vendors' names for grantees, mapped onto S3's: group URIs (COS's {@code http://cam.qcloud.com/groups/global/...},
 * OBS's {@code Everyone}) and COS's CAM user ids ({@code qcs::cam::uin/<owner>:uin/<user>}).
 */
public final class Grantees {
    /** COS's group of everyone. */
    public static final String COS_ALL_USERS = "http://cam.qcloud.com/groups/global/AllUsers";
    /** COS's group of every signed request (older documentation). */
    public static final String COS_AUTHENTICATED_USERS = "http://cam.qcloud.com/groups/global/AuthenticatedUsers";
    /** OBS's name for AllUsers in its own XML ({@code <Canned>Everyone</Canned>}). */
    public static final String OBS_EVERYONE = "Everyone";
    /** COS's CAM principal of everyone. */
    private static final String CAM_ANYONE = "qcs::cam::anyone:anyone";
    private static final String CAM_PREFIX = "qcs::cam::";

    private Grantees() {
    }

    /** S3's URI for a group named in any dialect, or null when it is no known group. */
    public static String group(String uri) {
        if (uri == null) {
            return null;
        }
        String u = uri.strip();
        if (u.equals(Grant.ALL_USERS) || u.equals(COS_ALL_USERS) || u.equalsIgnoreCase(OBS_EVERYONE)
                || u.equals(CAM_ANYONE)) {
            return Grant.ALL_USERS;
        }
        if (u.equals(Grant.AUTHENTICATED_USERS) || u.equals(COS_AUTHENTICATED_USERS)) {
            return Grant.AUTHENTICATED_USERS;
        }
        if (u.equals(Grant.LOG_DELIVERY)) {
            return Grant.LOG_DELIVERY;
        }
        return null;
    }

    /** Whether a user id is COS's CAM spelling of everyone, a group rather than a user. */
    public static boolean isCamAnyone(String id) {
        return id != null && id.strip().equals(CAM_ANYONE);
    }

    /**
     * A user id as stored: COS's CAM form {@code qcs::cam::uin/<root>:uin/<sub>} is the sub-account's id
     * (the last {@code uin/}), {@code qcs::cam::uin/<root>} the root's; any other id is kept as sent.
     *
     * @return the id, or null for a CAM form without a uin
     */
    public static String userId(String id) {
        String s = id.strip();
        if (!s.toLowerCase(Locale.ROOT).startsWith(CAM_PREFIX)) {
            return s;
        }
        int uin = s.lastIndexOf("uin/");
        if (uin < 0) {
            return null;
        }
        String v = s.substring(uin + 4);
        int colon = v.indexOf(':');
        if (colon >= 0) {
            v = v.substring(0, colon);
        }
        return v.isEmpty() ? null : v;
    }

    /** The group URI as a dialect family writes it: COS's for AllUsers and AuthenticatedUsers, else S3's. */
    public static String groupUriFor(HeaderFamily family, String uri) {
        if (family == HeaderFamily.COS) {
            if (uri.equals(Grant.ALL_USERS)) {
                return COS_ALL_USERS;
            }
            if (uri.equals(Grant.AUTHENTICATED_USERS)) {
                return COS_AUTHENTICATED_USERS;
            }
        }
        return uri;
    }
}
