package fr.espacesante.domain.nir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.espacesante.domain.support.TestKeys;
import org.junit.jupiter.api.Test;

class NirProtectionTest {

    private final NirProtection protection = TestKeys.nirProtection();
    private final Nir nir = Nir.parse("185057800608491");

    @Test
    void the_lookup_key_is_stable_and_reveals_nothing() {
        String key = protection.lookupKey(nir);
        assertThat(key).hasSize(64).isEqualTo(protection.lookupKey(Nir.parse("1 85 05 78 006 084 91")))
                .doesNotContain("1850578");
    }

    @Test
    void another_deployment_key_gives_another_lookup_key() {
        NirProtection other = new NirProtection(TestKeys.base64Of(32, 7), TestKeys.base64Of(32, 8));
        assertThat(other.lookupKey(nir)).isNotEqualTo(protection.lookupKey(nir));
    }

    @Test
    void the_sealed_copy_opens_only_for_its_own_person() {
        String key = protection.lookupKey(nir);
        String sealed = protection.seal(nir, key);
        assertThat(sealed).startsWith("v1:").doesNotContain("1850578");
        assertThat(protection.seal(nir, key)).as("a fresh IV each time").isNotEqualTo(sealed);
        assertThat(protection.open(sealed, key)).isEqualTo(nir);
        assertThatThrownBy(() -> protection.open(sealed, protection.lookupKey(Nir.parse("176062A00301272"))))
                .hasMessage("NIR scellé illisible");
    }

    @Test
    void refuses_short_keys() {
        assertThatThrownBy(() -> new NirProtection(TestKeys.base64Of(16, 1), TestKeys.base64Of(32, 2)))
                .hasMessageContaining("trop courte");
        assertThatThrownBy(() -> new NirProtection(TestKeys.base64Of(32, 1), TestKeys.base64Of(16, 2)))
                .hasMessageContaining("32 octets attendus");
    }
}
