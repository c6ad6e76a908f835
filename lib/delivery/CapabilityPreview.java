package delivery;

import errors.ErrorCode;
import errors.PrezipException;
import zip.ZipPackagingMetadataV1;
import zip.ZipPolicyV1;

/** --preview-capability: the metadata record of a capability the spec's preview shell knows, as a run would make it. */
public final class CapabilityPreview {
    /** The one capability the spec's preview shell knows. */
    static final String ZIP_PACKAGING = "zip_packaging";

    private CapabilityPreview() {}

    public static ZipPackagingMetadataV1 of(String name) {
        if (!ZIP_PACKAGING.equals(name)) {
            throw new PrezipException(ErrorCode.KC_DRAFT_PREVIEW_UNKNOWN_CAPABILITY,
                    "unknown capability '" + name + "'; known: " + ZIP_PACKAGING);
        }
        return ZipPackagingMetadataV1.current(ZipPolicyV1.fixedEpochMs());
    }
}
