package fr.espacesante.domain.support;

import fr.espacesante.domain.nir.NirProtection;
import java.util.Arrays;
import java.util.Base64;

/** Deterministic keys for tests only. */
public final class TestKeys {
    private TestKeys() {
    }

    public static String base64Of(int length, int fill) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) fill);
        return Base64.getEncoder().encodeToString(bytes);
    }

    public static NirProtection nirProtection() {
        return new NirProtection(base64Of(32, 1), base64Of(32, 2));
    }
}
