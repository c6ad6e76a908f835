package support;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fresh good zip for each test of the verifier: a stager commit of a small tree, with its manifest and source. */
public abstract class StagerZipFixture {
    @TempDir
    public Path tmp;
    public VerifyFixtures.Built good;

    @BeforeEach
    protected void buildGoodZip() {
        good = VerifyFixtures.stagerZip(tmp.resolve("good"));
    }
}
