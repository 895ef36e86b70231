package fr.espacesante.domain.nir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NirTest {

    @ParameterizedTest(name = "{0} is a valid NIR")
    @ValueSource(strings = {
            "185057800608491",       // man born May 1985 in Yvelines (78), commune 006
            "1 85 05 78 006 084 91", // spaces as printed on a carte Vitale are ignored
            "176062A00301272",       // Corse-du-Sud, key computed with 2A → 19
            "176062a00301272",       // lower-case letter accepted
            "280042B01204503",       // Haute-Corse, key computed with 2B → 18
            "155042000401044",       // Corsica before 1976: département 20
            "199039935000115",       // born abroad: 99 + country code 350
            "201059741203549",       // born in La Réunion: 974 + 2-digit commune
            // The département in force at the birth (service-public.fr, « Que signifie le numéro de sécurité sociale ? »)
            "150039135201239",       // born in Algeria before 1962: 91
            "262079412300454",       // Algeria: 94
            "255079512300479",       // Morocco before 1956: 95
            "158119620301731",       // Tunisia before 1956: 96
            "185059600608490",       // 96 again (was refused before)
            // Overseas collectivities: three characters (INSEE's COG), then a 2-digit commune
            "270029750100393",       // Saint-Pierre-et-Miquelon 975
            "185059771208429",       // Saint-Barthélemy 977 (was refused before)
            "199059770100246",       // Saint-Barthélemy 977
            "201019780100582",       // Saint-Martin 978
            "165039840100181",       // Terres australes et antarctiques françaises 984
            "280069860100335",       // Wallis-et-Futuna 986
            "175109871200470",       // Polynésie française 987
            "288119881000745",       // Nouvelle-Calédonie 988
            "145307505600148",       // month 30: birth month unknown at registration
            "145557505600160"        // month 55: likewise
    })
    void accepts_valid_numbers(String raw) {
        assertThat(Nir.parse(raw).digits()).hasSize(15);
    }

    @ParameterizedTest(name = "{0} refused: {1}")
    @CsvSource(delimiter = '|', value = {
            "185057800608492  | la clé de contrôle ne correspond pas",
            "176062A00301273  | la clé de contrôle ne correspond pas",
            "176062B00301272  | la clé de contrôle ne correspond pas",
            "18505780060849   | 15 caractères attendus, 14 reçus",
            "1850578006084910 | 15 caractères attendus, 16 reçus",
            "18505780060849A  | caractère non numérique en position 15",
            "1850578O0608491  | caractère non numérique en position 8",
            "1850578006084٩1  | caractère non numérique en position 14",
            "385057800608488  | le premier chiffre (sexe) doit être 1 ou 2",
            "185137800608425  | mois de naissance 13 impossible",
            "185050000608463  | département de naissance 00 inconnu",
            "185059791208443  | collectivité d'outre-mer 979 inconnue",
            "185059801208450  | collectivité d'outre-mer 980 inconnue",
            "185059851208485  | collectivité d'outre-mer 985 inconnue",
            "185059880008478  | commune de naissance 00 impossible",
            "185059600008476  | code de commune ou de pays 000 impossible",
            "185057800008477  | code de commune ou de pays 000 impossible",
            "185057899108429  | code de commune ou de pays 991 impossible",
            "185057800600078  | numéro d'ordre 000 impossible"
    })
    void refuses_implausible_numbers(String raw, String reason) {
        assertThatThrownBy(() -> Nir.parse(raw.strip()))
                .isInstanceOf(InvalidNirException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void refuses_a_missing_number() {
        assertThatThrownBy(() -> Nir.parse("  ")).hasMessage("NIR absent");
        assertThatThrownBy(() -> Nir.parse(null)).hasMessage("NIR absent");
    }

    @Test
    void a_refusal_never_repeats_the_number() {
        assertThatThrownBy(() -> Nir.parse("185057800608492"))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("18505780"));
    }

    @Test
    void to_string_never_shows_the_number() {
        assertThat(Nir.parse("185057800608491").toString()).doesNotContain("185");
    }

    @ParameterizedTest(name = "{0} born {1} is coherent")
    @CsvSource({
            "185057800608491, 1985-05-12",
            "176062A00301272, 1976-06-30",
            "155042000401044, 1955-04-01",
            "145307505600148, 1945-11-02"
    })
    void accepts_a_coherent_birth_date(String nir, LocalDate birthDate) {
        Nir.parse(nir).checkBirthDate(birthDate);
    }

    @ParameterizedTest(name = "{0} born {1} refused ({2})")
    @CsvSource({
            "185057800608491, 1986-05-12, année",
            "185057800608491, 1985-06-12, mois",
            "176062A00301272, 1876-06-30, 2A/2B n'existent que depuis 1976",
            "155042000401044, 2055-04-01, département 20 avant 1976 seulement"
    })
    void refuses_an_incoherent_birth_date(String nir, LocalDate birthDate, String reason) {
        assertThatThrownBy(() -> Nir.parse(nir).checkBirthDate(birthDate))
                .isInstanceOf(InvalidNirException.class)
                .hasMessageContaining(reason);
    }
}
