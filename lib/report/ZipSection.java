package report;

import text.Bytes;
import text.Counts;
import zip.ZipManifest;
import zip.ZipPackagingMetadataV1;

/**
 * What the report page says of the zip, from its manifest: the zip itself near the top, the packaging
 * policy it was built with at the end; or, when none was written, why not.
 */
final class ZipSection {
    private ZipSection() {}

    /** @param manifest the zip's manifest, or null when no zip was written (dry-run, refused or failed commit) */
    static void zip(PageStream b, StagerReport report, ZipManifest manifest) {
        b.append("<h2>Zip</h2>\n");
        if (manifest == null) {
            String why = StagerReport.DRY_RUN.equals(report.mode())
                    ? "This was a dry-run: nothing was packed."
                    : "The commit did not complete (" + report.status() + "): no zip was written, and any zip already at the output path was left untouched.";
            b.append("<p id=\"no-zip\">").append(Html.escape(why)).append("</p>\n");
            return;
        }
        b.append("<dl class=\"kv\">")
                .append("<dt>sha256</dt><dd><code id=\"zip-sha256\">").append(Html.escape(manifest.zipSha256())).append("</code></dd>")
                .append("<dt>size</dt><dd>").append(Html.escape(Bytes.human(manifest.zipBytes()))).append(" <span class=\"muted\">(")
                .append(Counts.number(manifest.zipBytes())).append(" bytes)</span></dd>")
                .append("<dt>entries</dt>").append(Html.countElement("dd", "zip-entries", null, manifest.entries().size()));
        if (manifest.policy() != null) {
            b.append("<dt>preset</dt><dd>").append(Html.escape(manifest.policy().name())).append(" <span class=\"muted mono\">sha256 ")
                    .append(Html.escape(manifest.policy().sha256())).append("</span></dd>");
        }
        b.append("</dl>\n");
    }

    /** The manifest's packaging metadata, field by field under its JSON name. */
    static void policy(PageStream b, ZipManifest manifest) {
        ZipPackagingMetadataV1 m = manifest.metadata();
        b.append("<h2>Packaging policy <span class=\"count\">(manifest metadata)</span></h2>\n<dl class=\"kv\" id=\"policy\">");
        b.append(Html.kv("schema_version", "policy-schema-version", String.valueOf(m.schemaVersion())));
        b.append(Html.kv("entry_order", "policy-entry-order", m.entryOrder()));
        b.append(Html.kv("entry_name_form", "policy-entry-name-form", m.entryNameForm()));
        b.append(Html.kv("timestamp_policy", "policy-timestamp-policy", m.timestampPolicy()));
        b.append(Html.kv("fixed_time_utc", "policy-fixed-time-utc", m.fixedTimeUtc()));
        b.append(Html.kv("permission_policy", "policy-permission-policy", m.permissionPolicy()));
        b.append(Html.kv("file_mode", "policy-file-mode", m.fileMode()));
        b.append(Html.kv("deflate_level", "policy-deflate-level", String.valueOf(m.deflateLevel())));
        b.append(Html.kv("stored_extensions", "policy-stored-extensions",
                m.storedExtensions() == null ? null : String.join(", ", m.storedExtensions())));
        ZipPackagingMetadataV1.Toolchain t = m.toolchain();
        b.append(Html.kv("toolchain", "policy-toolchain",
                t == null ? null : "prezip " + t.toolkitVersion() + ", Java " + t.javaVersion() + " (" + t.javaVendor() + ")"));
        b.append("</dl>\n");
    }
}
