package delivery;

import datadir.DataDir;
import deflate.Deflaters;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Instant;
import policy.CompanionMode;
import policy.RunPolicy;
import provenance.RunRecord;
import scan.TreeScanner;
import zip.ManifestSignature;
import zip.ZipPolicyV1;

/**
 * Step 1, load: what every run reads and checks before it looks at the content, in the order an operator
 * meets the problems (the data folder, the policy, the signing key, the content folder).
 */
record Loaded(DeliveryRequest request, DataDir data, RunPolicy policy, RunRecord.Started run, PrivateKey signKey, Path root) {

    static Loaded of(DeliveryRequest request, long startedNanos) {
        DataDir data = request.data().requireReadable();
        RunPolicy policy = RunPolicy.load(data, request.projectId(), request.policyName(), CompanionMode.parse(request.companions()),
                request.forbidEmptyDirs(), ZipPolicyV1::isStored);
        RunRecord.Started run = new RunRecord.Started(Instant.now(), startedNanos, request.arguments(), request.allowUnknown(),
                !request.namesOnly(), policy.inputs(), Loaded::deflater);
        PrivateKey signKey = request.signKeyFile() == null ? null : ManifestSignature.loadPrivateKey(request.signKeyFile());
        return new Loaded(request, data, policy, run, signKey, TreeScanner.requireDirectory(request.contentDir()));
    }

    private static RunRecord.Deflater deflater() {
        Deflaters.Choice choice = Deflaters.choice();
        return new RunRecord.Deflater(choice.deflater(), choice.reason());
    }
}
